// Issue #16 item 13, the rest: a FIFO named as an output never hangs keydoctor, NODE_TLS_REJECT_UNAUTHORIZED=0 is refused
// before any key is sent, and the emulator's state-file errors and request log mask key-shaped values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type EmulatorLogEntry } from '../../src/emulator/index.js';
import { runCli } from '../helpers/cli.js';
import { T, world } from '../live/helpers.js';

const KEY = '2b7c9e1f4a6d8c0e3f5a7b9c1d3e0000';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'kd-left-'));
}

test('a FIFO (or a folder) named as --output, --write-baseline or the emulator --log is refused with KD_ERR_FILE, not waited on', async () => {
  const dir = folder();
  try {
    writeFileSync(join(dir, 'app.js'), "const k = process.env.CLARIFAI_PAT;\n");
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    for (const argv of [['scan', dir, '--output', fifo], ['scan', dir, '--write-baseline', fifo], ['scan', dir, '--output', dir], ['emulator', '--log', fifo]]) {
      const r = await runCli(argv, { cwd: dir });
      assert.equal(r.code, 2, `${argv.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /is (a FIFO|a folder), not a regular file.*KD_ERR_FILE/u, argv.join(' '));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('NODE_TLS_REJECT_UNAUTHORIZED=0 is refused before any probe; --allow-insecure and --offline are the ways through', async () => {
  const w = await world();
  const dir = folder();
  try {
    writeFileSync(join(dir, '.env'), `CLARIFAI_PAT=${T.pat}\n`);
    const env = { CLARIFAI_API_BASE: w.restUrl, NODE_TLS_REJECT_UNAUTHORIZED: '0' };
    const refused = await runCli(['check', dir, '--no-scan'], { env, cwd: dir });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /NODE_TLS_REJECT_UNAUTHORIZED=0.*KD_ERR_NETWORK_POLICY/su);
    assert.equal(w.requests, 0, 'nothing may be sent when certificate checks are off');
    const offline = await runCli(['check', dir, '--no-scan', '--offline'], { env, cwd: dir });
    assert.notEqual(offline.code, 2, offline.stderr);
    const accepted = await runCli(['check', dir, '--no-scan', '--allow-insecure'], { env, cwd: dir });
    assert.notEqual(accepted.code, 2, accepted.stderr);
    assert.ok(w.requests > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('state-file errors and the request log never quote a key-shaped value', async () => {
  const dir = folder();
  try {
    const bad = join(dir, `state-${KEY}.json`);
    writeFileSync(bad, JSON.stringify({ users: [{ id: KEY, apps: ['a'] }], keys: [{ id: KEY, type: 'nonsense', user_id: KEY }] }));
    const r = await runCli(['emulator', '--state', bad], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /KD_ERR_STATE/u);
    assert.ok(!r.stderr.includes(KEY), r.stderr);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, `{"keys": [${KEY}]}`);
    const r2 = await runCli(['emulator', '--state', broken], { cwd: dir });
    assert.equal(r2.code, 2);
    assert.ok(!r2.stderr.includes(KEY), r2.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const logs: EmulatorLogEntry[] = [];
  const e = await startEmulator({ port: 0, grpcPort: 0, log: (l) => logs.push(l) });
  try {
    await fetch(`${e.restUrl}/v2/users/me/keys/${KEY}`, { headers: { authorization: `Key ${T.pat}` } });
    await fetch(`${e.restUrl}/v2/users/${KEY}/apps/x/models`, { headers: { authorization: `Key ${T.pat}` } });
    assert.ok(logs.length >= 2);
    const text = JSON.stringify(logs);
    assert.ok(!text.includes(KEY), text);
    assert.ok(!text.includes(T.pat), text);
  } finally {
    await e.close();
  }
});
