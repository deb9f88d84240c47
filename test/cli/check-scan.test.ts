// `check` reads the source code too: names the code reads feed the env checks, calls it makes feed the probes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { startEmulator, DEMO_STATE } from '../../src/emulator/index.js';

const KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kd-check-scan-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

test('check --offline reports a misspelt name read by code and a header built without the space', async () => {
  const dir = project({
    '.env': `CLARIFAI_PAT=${KEY}\n`,
    'app.js': "require('dotenv').config();\nconst pat = process.env.CLARIFIAI_PAT;\nfetch('https://api.clarifai.com/v2/users/me', { headers: { Authorization: 'Key' + pat } });\n",
  });
  const r = await runCli(['check', dir, '--offline', '--json'], { env: { PATH: process.env.PATH } });
  assert.equal(r.code, 1);
  const ids = (JSON.parse(r.stdout) as { findings: { id: string }[] }).findings.map((f) => f.id);
  assert.ok(ids.includes('env/code-near-miss'), ids.join(', '));
  assert.ok(ids.includes('headers/scheme-format'), ids.join(', '));
  assert.ok(!r.stdout.includes(KEY) && !r.stderr.includes(KEY));
});

test('check --no-scan leaves the code alone', async () => {
  const dir = project({
    '.env': `CLARIFAI_PAT=${KEY}\n`,
    'app.js': "fetch('https://api.clarifai.com/v2/users/me', { headers: { Authorization: 'Key' + pat } });\n",
  });
  const r = await runCli(['check', dir, '--offline', '--no-scan', '--json'], { env: { PATH: process.env.PATH } });
  const ids = (JSON.parse(r.stdout) as { findings: { id: string }[] }).findings.map((f) => f.id);
  assert.ok(!ids.some((id) => id.startsWith('headers/')), ids.join(', '));
});

test('a keydoctor-ignore comment silences a code finding in check too', async () => {
  const dir = project({
    '.env': `CLARIFAI_PAT=${KEY}\n`,
    'app.js': "// keydoctor-ignore: headers/scheme-format -- testing the suppression\nfetch('https://api.clarifai.com/v2/users/me', { headers: { Authorization: 'Key' + process.env.CLARIFAI_PAT } });\n",
  });
  const r = await runCli(['check', dir, '--offline', '--json'], { env: { PATH: process.env.PATH } });
  const ids = (JSON.parse(r.stdout) as { findings: { id: string }[] }).findings.map((f) => f.id);
  assert.ok(!ids.includes('headers/scheme-format'), ids.join(', '));
});

test('a call found in code is probed live against the configured base', async () => {
  const requests: string[] = [];
  const logged = await startEmulator({ state: DEMO_STATE, log: (e: { method?: string; path?: string }) => void requests.push(`${e.method} ${e.path}`) });
  try {
    // A path without a host: the app sends it to its configured base, so keydoctor may too.
    const dir = project({
      'app.js': "fetch(base + '/v2/users/clarifai/apps/main/models/general-image-recognition', { method: 'GET', headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}` } });\n",
    });
    const r = await runCli(['check', dir, '--json'], { env: { PATH: process.env.PATH, CLARIFAI_API_BASE: logged.restUrl, CLARIFAI_PAT: KEY } });
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.ok(requests.includes('GET /v2/users/clarifai/apps/main/models/general-image-recognition'), requests.join('\n'));
    assert.ok(!r.stdout.includes(KEY) && !r.stderr.includes(KEY));
  } finally {
    await logged.close();
  }
});

test('a call the code makes to another host is judged, never sent there or to the base', async () => {
  const requests: string[] = [];
  const logged = await startEmulator({ state: DEMO_STATE, log: (e: { method?: string; path?: string }) => void requests.push(`${e.method} ${e.path}`) });
  try {
    const dir = project({
      'app.js': "fetch('https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition', { method: 'GET', headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}` } });\n",
    });
    await runCli(['check', dir, '--json'], { env: { PATH: process.env.PATH, CLARIFAI_API_BASE: logged.restUrl, CLARIFAI_PAT: KEY } });
    assert.ok(!requests.some((r) => r.includes('general-image-recognition')), requests.join('\n'));
  } finally {
    await logged.close();
  }
});
