import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check as patWithoutApp } from '../../../src/checks/permissions/code-pat-without-app.js';
import { check as appKeyPatRoute } from '../../../src/checks/permissions/code-app-key-pat-route.js';
import { check as appKeyPublicModel } from '../../../src/checks/permissions/code-app-key-public-model.js';
import { credentialKindOf } from '../../../src/checks/endpoint/lib/credential-name.js';
import { code, header, run, url } from '../endpoint/helpers.js';

const patHeader = (file: string) => header(file, 2, 'Authorization', 'Key ${process.env.CLARIFAI_PAT}', { envNames: ['CLARIFAI_PAT'] });
const keyHeader = (file: string) => header(file, 2, 'Authorization', 'Key ${process.env.CLARIFAI_API_KEY}', { envNames: ['CLARIFAI_API_KEY'] });

test('credential kinds are guessed from names, and PATH is not a PAT', () => {
  assert.equal(credentialKindOf('CLARIFAI_PAT'), 'pat');
  assert.equal(credentialKindOf('CLARIFAI_PAT_KEY'), 'pat');
  assert.equal(credentialKindOf('MY_PERSONAL_ACCESS_TOKEN'), 'pat');
  assert.equal(credentialKindOf('CLARIFAI_API_KEY'), 'app-key');
  assert.equal(credentialKindOf('PATH'), undefined);
  assert.equal(credentialKindOf('PATTERN_KEY'), undefined);
});

test('every check does nothing without code evidence', () => {
  for (const c of [patWithoutApp, appKeyPatRoute, appKeyPublicModel]) assert.deepEqual(run(c, undefined), [], c.meta.id);
});

test('code-pat-without-app: a PAT on a short path; error without a body, warning with one', () => {
  const found = run(patWithoutApp, code({
    authHeaders: [patHeader('a.js')],
    urls: [
      url('a.js', 5, 'https://api.clarifai.com/v2/models', { method: 'GET' }),
      url('a.js', 6, 'https://api.clarifai.com/v2/models/general-image-recognition/outputs', { method: 'POST' }),
      url('a.js', 7, 'https://api.clarifai.com/v2/users/me/apps/my-app/models', { method: 'GET' }),
      url('a.js', 8, 'https://api.clarifai.com/v2/models?user_app_id.user_id=me&user_app_id.app_id=x', { method: 'GET' }),
    ],
  }));
  // Whether the POST body names the owner is unknown here (the scan said nothing about user_app_id): info.
  assert.deepEqual(found.map((f) => f.severity), ['error', 'info']);
  assert.match(found[0]!.message, /a\.js:5 calls GET \/v2\/models \(ListModels\) with CLARIFAI_PAT/u);
  assert.match(found[0]!.fix, /`GET \/v2\/users\/\{user_id\}\/apps\/\{app_id\}\/models`/u);
  assert.match(found[1]!.fix, /\/v2\/users\/\{user_id\}\/apps\/\{app_id\}\/models\/general-image-recognition\/outputs/u);
  assert.deepEqual(found[0]!.related, [{ file: 'a.js', line: 2, column: 5, snippet: 'line 2 of a.js' }]);
});

test('code-pat-without-app: a POST from a file that names user_app_id is fine; one that never does is a warning', () => {
  const post = url('p.js', 6, 'https://api.clarifai.com/v2/models/general-image-recognition/outputs', { method: 'POST' });
  const get = url('p.js', 7, 'https://api.clarifai.com/v2/models', { method: 'GET' });
  const named = run(patWithoutApp, code({ authHeaders: [patHeader('p.js')], urls: [post, get], userAppIdFiles: ['p.js'] }));
  assert.deepEqual(named.map((f) => f.severity), ['error']);
  const never = run(patWithoutApp, code({ authHeaders: [patHeader('p.js')], urls: [post], userAppIdFiles: ['other.js'] }));
  assert.deepEqual(never.map((f) => f.severity), ['warning']);
});

test('code-pat-without-app: an app key on a short path, or mixed credentials in a file, are fine', () => {
  const shortPath = url('b.js', 5, 'https://api.clarifai.com/v2/models', { method: 'GET' });
  assert.deepEqual(run(patWithoutApp, code({ authHeaders: [keyHeader('b.js')], urls: [shortPath] })), []);
  assert.deepEqual(run(patWithoutApp, code({ authHeaders: [keyHeader('b.js'), patHeader('b.js')], urls: [shortPath] })), []);
  // A header in another file says nothing about this one.
  assert.deepEqual(run(patWithoutApp, code({ authHeaders: [patHeader('c.js')], urls: [shortPath] })), []);
});

test('code-pat-without-app: a header that names its URL pairs with it directly', () => {
  const h = header('run.sh', 3, 'Authorization', 'Key ${CLARIFAI_PAT}', { envNames: ['CLARIFAI_PAT'], url: 'https://api.clarifai.com/v2/models/x/outputs' });
  const found = run(patWithoutApp, code({ authHeaders: [h] }));
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /run\.sh:3 calls POST \/v2\/models\/x\/outputs \(PostModelOutputs\)/u);
});

test('code-app-key-pat-route: an app key on a PATAuth route', () => {
  const found = run(appKeyPatRoute, code({
    authHeaders: [keyHeader('d.py')],
    urls: [url('d.py', 5, 'https://api.clarifai.com/v2/users/me/apps', { method: 'GET' }), url('d.py', 6, 'https://api.clarifai.com/v2/models', { method: 'GET' })],
  }));
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /ListApps accepts only a Personal Access Token/u);
  assert.deepEqual(run(appKeyPatRoute, code({ authHeaders: [patHeader('d.py')], urls: [url('d.py', 5, 'https://api.clarifai.com/v2/users/me/apps', { method: 'GET' })] })), []);
});

test('code-app-key-public-model: an app key on clarifai/main', () => {
  const publicModel = url('e.js', 5, 'https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs', { method: 'POST' });
  const found = run(appKeyPublicModel, code({ authHeaders: [keyHeader('e.js')], urls: [publicModel] }));
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /clarifai\/main with CLARIFAI_API_KEY/u);
  assert.deepEqual(run(appKeyPublicModel, code({ authHeaders: [patHeader('e.js')], urls: [publicModel] })), []);
  const ownApp = url('e.js', 6, 'https://api.clarifai.com/v2/users/me/apps/mine/models/m/outputs', { method: 'POST' });
  assert.deepEqual(run(appKeyPublicModel, code({ authHeaders: [keyHeader('e.js')], urls: [ownApp] })), []);
});
