// `keydoctor demo --run`: the bundled example really runs under `keydoctor run`, its api.clarifai.com calls answered by the emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PROJECT, DEMO_STALE_PAT } from '../../src/cli/commands/demo.js';
import { BIN, baseEnv, parseJson } from './helpers.js';

const stateKeys = (JSON.parse(readFileSync(`${DEMO_PROJECT}emulator-state.json`, 'utf8')) as { keys: { id: string }[] }).keys.map((k) => k.id);

function demo(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; tmp: string }> {
  const tmp = mkdtempSync(join(tmpdir(), 'kd-demo-run-'));
  const child = spawn(process.execPath, [BIN, 'demo', '--run', ...args], { cwd: tmpdir(), env: { ...baseEnv(), TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr, tmp })));
}

test('demo --run shows the app\'s real call, rejected because the shell\'s stale PAT beats .env line 3, with nothing leaked', async () => {
  const r = await demo(['--json']);
  assert.equal(r.code, 0, r.stderr);
  const json = parseJson({ ...r, signal: null });
  assert.equal(json.run.exitCode, 1, 'the demo app itself fails, on purpose');
  assert.equal(json.run.exchanges.length, 1);
  assert.match(json.run.exchanges[0]!.url, /^https:\/\/api\.clarifai\.com\/v2\/users\/clarifai\/apps\/undefined\/models\/general-image-recognition\/outputs$/u);
  assert.equal(json.run.exchanges[0]!.status?.code, 11009);
  const sent = json.run.sent[0]!;
  assert.equal(sent.matches[0]!.location.source, 'shell');
  assert.ok(sent.matches.some((m) => m.location.source === '.env' && m.location.line === 3 && m.relation === 'differs'));
  const ids = json.findings.map((f) => f.id);
  for (const id of ['key/live-rejected', 'env/shadowed', 'env/near-miss-name', 'key/whitespace']) assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
  const all = r.stdout + r.stderr;
  for (const k of [...stateKeys, DEMO_STALE_PAT]) assert.ok(!all.includes(k), `leaked ${k.slice(0, 4)}…`);
  assert.match(r.stderr, /The demo ran \(exit 0\)\. The app itself exited 1/u);
  assert.deepEqual(readdirSync(r.tmp), [], 'the CA folder was removed');
});

test('demo --run in text: one line per call, and the source of the value sent', async () => {
  const r = await demo([]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /POST api\.clarifai\.com\/v2\/users\/clarifai\/apps\/undefined\/models\/general-image-recognition\/outputs → HTTP 401 · 11009/u);
  assert.match(r.stderr, /Sent value CLARIFAI_PAT: invalid — the shell's CLARIFAI_PAT, not CLARIFAI_PAT at \.env:3 \(a different value\)/u);
  assert.ok(!(r.stdout + r.stderr).includes(DEMO_STALE_PAT));
});
