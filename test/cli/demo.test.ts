// `keydoctor demo`: runs the whole doctor on the bundled project against an in-process emulator and exits 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { runCli } from '../helpers/cli.js';
import { DEMO_PROJECT, DEMO_STALE_PAT } from '../../src/cli/commands/demo.js';

const stateKeys = (JSON.parse(readFileSync(`${DEMO_PROJECT}emulator-state.json`, 'utf8')) as { keys: { id: string }[] }).keys.map((k) => k.id);

test('the demo finds the planted faults, says they are planted, and exits 0', async () => {
  const r = await runCli(['demo']);
  assert.equal(r.code, 0, r.stderr);
  for (const id of ['env/live-other-source-works', 'env/near-miss-name', 'key/whitespace', 'env/shadowed']) {
    assert.ok(r.stdout.includes(`[${id}]`), `missing ${id}`);
  }
  // Only what was planted: index.js sends CLARIFAI_PAT to clarifai/main, so no app-key or owner finding.
  assert.deepEqual(
    [...r.stdout.matchAll(/\[([a-z]+\/[a-z0-9-]+)\]/gu)].map((m) => m[1]).filter((id) => !/^(env\/(live-other-source-works|near-miss-name|shadowed)|key\/whitespace|exposure\/env-file-committed)$/u.test(id!)),
    [],
  );
  // The root is the first ✗, and the explanation at the top names what was planted.
  assert.match(r.stdout, /^Planted: \(1\) the shell exports an old, revoked CLARIFAI_PAT/mu);
  assert.match(r.stdout.split('\n').find((l) => l.includes('✗'))!, /CLARIFAI_PAT: the value in \.env line 3 is valid/u);
  assert.match(r.stdout, /the value in \.env line 3 is valid once the trailing space is removed; your shell's value is the one being sent/u);
  assert.match(r.stdout, /The demo ran \(exit 0\)\. Every problem above was planted/u);
  assert.match(r.stdout, /against a local Clarifai emulator at http:\/\/127\.0\.0\.1:\d+/u);
});

test('the demo prints no key in full, and ignores the caller\'s own environment', async () => {
  const mine = 'fa11fa11fa11fa11fa11fa11fa110000';
  const r = await runCli(['demo', '--verbose'], { env: { CLARIFAI_PAT: mine, PATH: process.env.PATH } });
  const all = r.stdout + r.stderr;
  for (const k of [...stateKeys, DEMO_STALE_PAT, mine]) assert.ok(!all.includes(k), `leaked ${k.slice(0, 4)}…`);
  assert.ok(!all.includes('fa11'), 'the caller\'s own key was never used');
});

test('demo --json is the check JSON shape, and --transport grpc works too', async () => {
  const json = await runCli(['demo', '--json']);
  assert.equal(json.code, 0);
  const parsed = JSON.parse(json.stdout) as { findings: { id: string }[] };
  assert.ok(parsed.findings.some((f) => f.id === 'env/live-other-source-works'));
  const grpc = await runCli(['demo', '--transport', 'grpc']);
  assert.equal(grpc.code, 0);
  assert.match(grpc.stdout, /Live: gRPC 127\.0\.0\.1:\d+ \(plain, loopback\)/u);
  assert.ok(grpc.stdout.includes('[env/live-other-source-works]'));
});

test('`node bin/keydoctor.js demo` works from the built package (the README\'s first command)', { skip: !existsSync('dist/cli/commands/demo.js') && 'run npm run build first' }, () => {
  const r = spawnSync(process.execPath, ['bin/keydoctor.js', 'demo', '--no-color'], { encoding: 'utf8', env: { PATH: process.env.PATH }, timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /The demo ran \(exit 0\)/u);
});
