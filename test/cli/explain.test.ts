import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { runCli } from '../helpers/cli.js';

const KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';
const NONE_BODY = '{"status":{"code":11009,"description":"API key not found","details":"invalid key(None)","req_id":"1f43314a008044d9919097a30b1f134e"}}';

test('explain TEXT: a header line naming the status, then the causes with fixes; exit 1', async () => {
  const r = await runCli(['explain', NONE_BODY]);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /^Clarifai said 11009 CONN_KEY_NOT_FOUND — API key not found \(invalid key\(None\)\)\n/u);
  assert.match(r.stdout, /1\. ✗ Clarifai received Python's None .*\[env\/key-not-set\]/u);
  assert.match(r.stdout, /→ Set CLARIFAI_PAT .*`keydoctor env`/u);
});

test('explain with several candidates numbers them, most likely first, and notes what is missing', async () => {
  const r = await runCli(['explain', '11008']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /Possible causes, most likely first:/u);
  const order = ['key/invalid-key', 'permissions/pat-without-app', 'permissions/app-key-other-app', 'activation/expired-key'].map((id) => r.stdout.indexOf(`[${id}]`));
  assert.ok(order.every((i, n) => i > 0 && (n === 0 || i > order[n - 1]!)), r.stdout);
  assert.match(r.stdout, /"details" field usually pinpoints/u);
});

test('unquoted words are read as one message', async () => {
  const r = await runCli(['explain', 'Invalid', 'API', 'key', 'or', 'pair']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /11008 CONN_KEY_INVALID/u);
});

test('explain - reads standard input', async () => {
  const stdin = 'Exception: Model Predict failed with response code: CONN_THROTTLED\ndescription: "Making too many requests"\ndetails: "exceeded limit of 15 requests per second"\n';
  const r = await runCli(['explain', '-'], { stdin });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /11005 CONN_THROTTLED/u);
  assert.match(r.stdout, /\[limits\/throttled\]/u);
});

test('--json prints the documented shape with findings as check --json has them', async () => {
  const r = await runCli(['explain', NONE_BODY, '--json']);
  assert.equal(r.code, 1);
  const envelope = JSON.parse(r.stdout) as Record<string, unknown>;
  assert.deepEqual(Object.keys(envelope).filter((k) => k !== 'notes'), [...['version', 'command', 'findings', 'checks', 'categories', 'credentials', 'summary'], 'explain']);
  assert.equal(envelope.command, 'explain');
  const out = { ...(envelope.explain as Record<string, unknown>), findings: envelope.findings } as Record<string, unknown>;
  assert.deepEqual(Object.keys(envelope.explain as object), ['recognised', 'summary', 'form', 'status', 'httpStatus']);
  assert.equal(out.recognised, true);
  assert.deepEqual(out.status, { code: 11009, name: 'CONN_KEY_NOT_FOUND', description: 'API key not found', details: 'invalid key(None)' });
  assert.equal(out.httpStatus, null);
  const [first] = out.findings as Record<string, unknown>[];
  assert.deepEqual(Object.keys(first!), ['id', 'category', 'severity', 'message', 'fix']);
  assert.equal(first!.id, 'env/key-not-set');
});

test('a success code exits 0 and says it is not an error', async () => {
  const r = await runCli(['explain', '{"status":{"code":10000,"description":"Ok"}}']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /not an error/u);
});

test('an error that is not about the key exits 0 with a clear summary', async () => {
  const r = await runCli(['explain', '98004']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /not a key or authentication problem/u);
});

test('not recognised: exit 2 with a clear message on stderr, nothing on stdout', async () => {
  const r = await runCli(['explain', 'lorem ipsum dolor sit amet']);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^keydoctor: Not recognised: .*Paste the full response body/u);
  assert.doesNotMatch(r.stderr, /\n\s+at /u);
});

test('not recognised with --json: the JSON still goes to stdout, exit 2', async () => {
  const r = await runCli(['explain', '-', '--json'], { stdin: '\u0000\u0001\u0002binary\u0000\u0000\u0000\u0000\u0000' });
  assert.equal(r.code, 2);
  const envelope = JSON.parse(r.stdout) as { explain: { recognised: boolean; status: unknown; summary: string }; findings: unknown[] };
  const out = { ...envelope.explain, findings: envelope.findings };
  assert.equal(out.recognised, false);
  assert.equal(out.status, null);
  assert.deepEqual(out.findings, []);
  assert.match(out.summary, /binary/u);
});

test('empty standard input is "nothing to explain", exit 2', async () => {
  const r = await runCli(['explain', '-'], { stdin: '' });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /input is empty/u);
});

test('no argument is a usage error that says how to pass the text', async () => {
  const r = await runCli(['explain'], { tty: true });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /explain needs the text to explain.*keydoctor explain -/u);
});

test('--help documents inputs, --json and the exit codes', async () => {
  const r = await runCli(['explain', '--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Usage: keydoctor explain TEXT/u);
  assert.match(r.stdout, /--json/u);
  assert.match(r.stdout, /Exit codes: 0 .*\n.*1 a recognised failure.*\n.*2 the text was not recognised/u);
});

test('a planted key is never printed in full, in text or JSON, whatever form it arrives in', async () => {
  const pastes = [
    `{"status":{"code":11009,"description":"API key not found","details":"invalid key(${KEY})"}}`,
    `curl -H 'Authorization: Bearer ${KEY}' https://api.clarifai.com/v2/models\nHTTP/1.1 401 Unauthorized`,
    `metadata = (('authorization', 'key ${KEY}'),)\ncode: CONN_INVALID_REQUEST\ndescription: "Invalid request"`,
    `CLARIFAI_PAT=${KEY}\nError: 14 UNAVAILABLE: No connection established`,
  ];
  for (const paste of pastes) {
    for (const argv of [['explain', paste], ['explain', paste, '--json'], ['explain', '-'], ['explain', '-', '--json']]) {
      const r = await runCli(argv, { stdin: paste });
      assert.ok(r.code === 1 || r.code === 0, `${argv.join(' ')} → ${r.code}: ${r.stderr}`);
      assert.ok(!r.stdout.includes(KEY) && !r.stderr.includes(KEY), `leaked in: ${r.stdout}${r.stderr}`);
    }
  }
});

test('`node bin/keydoctor.js explain -` from the built package: piped stdin, invalid UTF-8 bytes, exit codes', { skip: !existsSync('dist/explain/index.js') && 'run npm run build first' }, () => {
  const body = Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(`\n${NONE_BODY}\n`)]);
  const ok = spawnSync(process.execPath, ['bin/keydoctor.js', 'explain', '-', '--json'], { input: body, encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1' }, timeout: 60_000 });
  assert.equal(ok.status, 1, ok.stderr);
  assert.equal((JSON.parse(ok.stdout) as { findings: { id: string }[] }).findings[0]!.id, 'env/key-not-set');
  const garbage = spawnSync(process.execPath, ['bin/keydoctor.js', 'explain', '-'], { input: Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 0, 0]), encoding: 'utf8', timeout: 60_000 });
  assert.equal(garbage.status, 2);
  assert.match(garbage.stderr, /binary/u);
});
