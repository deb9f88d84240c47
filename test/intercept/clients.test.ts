// Real clients run under `keydoctor run`, each calling api.clarifai.com, with the emulator as upstream: each planted fault is diagnosed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DEMO_TOKENS } from '../../src/emulator/index.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { FIXTURES, PYTHON, baseEnv, leftovers, parseJson, runKd, startUpstream, type RunResult } from './helpers.js';

let emu: RunningEmulator;
before(async () => {
  emu = await startUpstream();
});
after(async () => {
  await emu.close();
});

const STALE = 'dead0000dead0000dead0000dead0000';

function kd(fixture: string, command: string[], env: Record<string, string>): Promise<RunResult> {
  return runKd(['--json', '--upstream', emu.restUrl, '--grpc-upstream', emu.grpcTarget, '--', ...command], { cwd: join(FIXTURES, fixture), env: baseEnv(env) });
}

function ids(r: RunResult): string[] {
  return parseJson(r).findings.map((f) => f.id);
}

/** No run may print a planted key in full, and the CA folder must be gone afterwards. */
function assertClean(r: RunResult, keys: string[]): void {
  for (const k of keys) assert.ok(!(r.stdout + r.stderr).includes(k), `leaked ${k.slice(0, 4)}…`);
  assert.deepEqual(leftovers(r.tmp), [], 'the CA folder was removed');
}

test('Node fetch: a stale shell value shadows .env; keydoctor says the shell value was sent, not .env line 1', async () => {
  const r = await kd('fetch-stale-shell', [process.execPath, 'index.mjs'], { CLARIFAI_PAT: STALE });
  const json = parseJson(r);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /"exitCode": 0/u);
  const ex = json.run.exchanges;
  assert.equal(ex.length, 1);
  assert.equal(ex[0]!.url, 'https://api.clarifai.com/v2/users/me/apps');
  assert.equal(ex[0]!.status?.code, 11009);
  const sent = json.run.sent[0]!;
  assert.equal(sent.matches[0]!.location.source, 'shell');
  assert.equal(sent.matches[0]!.relation, 'same');
  assert.ok(sent.matches.some((m) => m.location.source === '.env' && m.location.line === 1 && m.relation === 'differs'));
  const rejected = json.findings.find((f) => f.id === 'key/live-rejected');
  assert.ok(rejected, ids(r).join(', '));
  assert.equal(rejected!.location?.source, 'shell');
  assert.ok(ids(r).includes('env/shadowed'), ids(r).join(', '));
  assertClean(r, [STALE, DEMO_TOKENS.pat]);
});

test('Node fetch: the text report names the source and goes to stderr only', async () => {
  const r = await runKd(['--upstream', emu.restUrl, '--', process.execPath, 'index.mjs'], { cwd: join(FIXTURES, 'fetch-stale-shell'), env: baseEnv({ CLARIFAI_PAT: STALE }) });
  assert.equal(r.stdout, 'apps: 11009 API key not found\n', 'stdout is the app\'s alone');
  assert.match(r.stderr, /GET api\.clarifai\.com\/v2\/users\/me\/apps → HTTP 401 · 11009/u);
  assert.match(r.stderr, /Sent value CLARIFAI_PAT: invalid — the shell's CLARIFAI_PAT, not CLARIFAI_PAT at \.env:1 \(a different value\)/u);
  assert.match(r.stderr, /Authorization: Key dead…00 \(32 chars\)/u);
  assertClean(r, [STALE, DEMO_TOKENS.pat]);
});

test('Node fetch: a trailing newline from .env is trimmed by fetch (the call works); keydoctor shows the match and still flags the line', async () => {
  const r = await kd('fetch-newline', [process.execPath, 'index.mjs'], {});
  const json = parseJson(r);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(json.run.exchanges.length, 1);
  assert.equal(json.run.exchanges[0]!.status?.code, 10000);
  const from = json.run.sent[0]!.matches[0]!;
  assert.deepEqual([from.location.source, from.location.line, from.relation], ['.env', 1, 'cleaned']);
  // fetch strips the newline, but Node's http module, axios, requests and grpc refuse the value: the line stays flagged.
  const ws = json.findings.find((f) => f.id === 'key/whitespace');
  assert.ok(ws, ids(r).join(', '));
  assert.equal(ws!.location?.source, '.env');
  assertClean(r, [DEMO_TOKENS.pat]);
});

test('axios: a lowercase `key` scheme is seen on the wire and judged as headers/scheme-format', async () => {
  const r = await kd('axios-lowercase', [process.execPath, 'client.mjs'], { CLARIFAI_API_KEY: DEMO_TOKENS.appKey });
  const json = parseJson(r);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(json.run.exchanges[0]!.status?.code, 11102);
  const f = json.findings.find((x) => x.id === 'headers/scheme-format' && x.message.startsWith('The app sent'));
  assert.ok(f, ids(r).join(', '));
  assert.match(f!.message, /`Authorization: key 0a0a…00 \(32 chars\)`.*the scheme word is `key` but must be `Key`/u);
  assert.equal(json.run.sent[0]!.matches[0]!.location.source, 'shell');
  assertClean(r, [DEMO_TOKENS.appKey]);
});

test('curl: `Bearer` on /v2 is judged as headers/bearer-on-core-api (curl negotiates HTTP/2 with the proxy)', async () => {
  const r = await kd('curl-bearer', ['sh', 'predict.sh'], { CLARIFAI_PAT: DEMO_TOKENS.pat });
  const json = parseJson(r);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(json.run.exchanges.length, 1);
  assert.equal(json.run.exchanges[0]!.status?.code, 11102);
  const f = json.findings.find((x) => x.id === 'headers/bearer-on-core-api' && x.message.startsWith('The app sent'));
  assert.ok(json.findings.some((x) => x.id === 'headers/bearer-on-core-api' && /predict\.sh:4/u.test(x.message)), 'the scan finds it in the script too');
  assert.ok(f, ids(r).join(', '));
  assert.match(f!.message, /The app sent `authorization: Bearer 0b0b…00 \(32 chars\)` to GET https:\/\/api\.clarifai\.com\/v2\/users\/me/u);
  assertClean(r, [DEMO_TOKENS.pat]);
});

test('Python requests: a PAT without user_app_id gets 11008 and permissions/pat-without-app', async () => {
  const r = await kd('requests-no-app', [PYTHON, 'tag_photos.py'], { CLARIFAI_PAT: DEMO_TOKENS.pat });
  const json = parseJson(r);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(json.run.exchanges[0]!.method, 'POST');
  assert.equal(json.run.exchanges[0]!.status?.code, 11008);
  assert.ok(ids(r).includes('permissions/pat-without-app'), ids(r).join(', '));
  assert.ok(!ids(r).includes('key/live-rejected'), 'a PAT that asks for an app is not a rejected key');
  assertClean(r, [DEMO_TOKENS.pat]);
});

test('clarifai-nodejs-grpc (grpc-js): the gRPC call is seen with its metadata, and a PAT without user_app_id is diagnosed', async () => {
  const r = await kd('grpc-js-no-app', [process.execPath, 'index.cjs'], { CLARIFAI_PAT: DEMO_TOKENS.pat });
  const json = parseJson(r);
  assert.equal(r.code, 0, r.stderr);
  const ex = json.run.exchanges[0]!;
  assert.equal(ex.transport, 'grpc');
  assert.equal(ex.rpc, 'PostModelOutputs');
  assert.equal(ex.status?.code, 11008);
  assert.ok(ids(r).includes('permissions/pat-without-app'), ids(r).join(', '));
  assertClean(r, [DEMO_TOKENS.pat]);
});

test('Python grpcio: a lowercase `key` in gRPC metadata is seen and judged', async () => {
  const r = await kd('grpcio-lowercase', [PYTHON, 'predict.py'], { CLARIFAI_PAT: DEMO_TOKENS.pat });
  const json = parseJson(r);
  assert.equal(r.code, 0, r.stderr);
  const ex = json.run.exchanges[0]!;
  assert.equal(ex.transport, 'grpc');
  assert.equal(ex.rpc, 'PostModelOutputs');
  assert.equal(ex.status?.code, 11102);
  assert.ok(json.findings.some((f) => f.id === 'headers/scheme-format' && /gRPC PostModelOutputs/u.test(f.message)), ids(r).join(', '));
  assertClean(r, [DEMO_TOKENS.pat]);
});
