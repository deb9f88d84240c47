// Which calls need a PAT, stated once (src/providers/clarifai/pat-required.ts), and the sentence the product says it with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findRpc } from '../../../src/providers/clarifai/api-table.js';
import { namesPublicApp, patRequiredFor, PUBLIC_APP_CHANGE, PUBLIC_MODELS_NEED_PAT } from '../../../src/providers/clarifai/pat-required.js';

test('PATAuth routes and every app of the public user need a PAT; other calls do not', () => {
  assert.equal(patRequiredFor({ authType: findRpc('ListApps')!.authType }), 'pat-only-route');
  assert.equal(patRequiredFor({ authType: findRpc('PostModelOutputs')!.authType, userId: 'clarifai' }), 'public-app');
  assert.equal(patRequiredFor({ userId: 'clarifai' }), 'public-app');
  assert.equal(patRequiredFor({ authType: 'KeyAuth', userId: 'someone' }), undefined);
  assert.equal(patRequiredFor({}), undefined);
});

test('a path names the public app only with users/clarifai/apps/main as its owner', () => {
  assert.equal(namesPublicApp('/v2/users/clarifai/apps/main/models/general-image-recognition/outputs'), true);
  assert.equal(namesPublicApp('/v2/users/clarifai/apps/main'), true);
  assert.equal(namesPublicApp('/v2/users/clarifai/apps/mainly/models/x'), false);
  assert.equal(namesPublicApp('/v2/models/general-image-recognition/outputs'), false);
});

test('the sentence names both API changes and the credential that works', () => {
  assert.match(PUBLIC_MODELS_NEED_PAT, /9\.3 \(March 2023\).*11\.6 \(June 2025\).*PAT.*user_id clarifai.*app_id main/u);
  assert.ok(PUBLIC_MODELS_NEED_PAT.includes(PUBLIC_APP_CHANGE.replace(/^s/u, 'S')));
});

test('no other module of src/ words the dates of the change itself', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) files.push(p);
    }
  };
  walk('src');
  // The emulator keeps its own reading of the facts on purpose; the public-model research table cites its sources.
  const offenders = files.filter((f) => !f.endsWith('pat-required.ts') && !f.startsWith(join('src', 'emulator')) && /API 9\.3|API 11\.6|2023 and June|\(June 2025\)/u.test(readFileSync(f, 'utf8')));
  assert.deepEqual(offenders, []);
});
