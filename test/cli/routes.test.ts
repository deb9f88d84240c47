import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';

const FAKE_KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';

async function json(args: string[]): Promise<{ code: number; body: Record<string, any> }> {
  const r = await runCli(['routes', ...args, '--json']);
  assert.equal(r.stderr, '');
  const envelope = JSON.parse(r.stdout);
  assert.equal(envelope.command, 'routes');
  return { code: r.code, body: envelope.routes };
}

test('an RPC name, any case: auth in words, scopes, every route', async () => {
  const r = await runCli(['routes', 'postmodeloutputs']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^PostModelOutputs\n/u);
  assert.match(r.stdout, /API key or PAT {2}\[KeyAuth\]/u);
  assert.match(r.stdout, /Apps_Get, Concepts_Get, Models_Get, Predict/u);
  assert.match(r.stdout, /POST \/v2\/models\/\{model_id\}\/outputs {2}\(short path\)/u);
  assert.match(r.stdout, /work only with an app-specific API key/u);
});

test('--json for an RPC gives the table row and the gRPC method', async () => {
  const { code, body } = await json(['ListApps']);
  assert.equal(code, 0);
  assert.equal(body.kind, 'rpc');
  assert.equal(body.rpc.auth, 'PAT only');
  assert.equal(body.rpc.grpcMethod, '/clarifai.api.V2/ListApps');
  assert.deepEqual(body.rpc.bindings.map((b: { path: string; shortPath: boolean }) => [b.path, b.shortPath]), [
    ['/v2/users/{user_app_id.user_id}/apps', false],
    ['/v2/apps', true],
  ]);
  assert.ok(body.notes.some((n: string) => /app-specific API key will not work/u.test(n)));
});

test('fully qualified gRPC names and the other auth types', async () => {
  assert.equal((await json(['/clarifai.api.V2/ListScopes'])).body.rpc.auth, 'session token (browser only)');
  assert.equal((await json(['ListStatusCodes'])).body.rpc.auth, 'no auth');
});

test('a misspelt RPC suggests the nearest names and exits 1', async () => {
  const r = await runCli(['routes', 'PostModelOutput']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /Did you mean: PostModelOutputs\?/u);
  const { body } = await json(['Qqqqqqqqqqqqqqqqqqqqqqq']);
  assert.deepEqual(body, { query: 'Qqqqqqqqqqqqqqqqqqqqqqq', kind: 'no-rpc', suggestions: [] });
});

test('a full URL: the RPC, its path params, its other routes, and the clarifai/main PAT rule', async () => {
  const { code, body } = await json(['POST https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs?x=1']);
  assert.equal(code, 0);
  assert.equal(body.kind, 'match');
  assert.equal(body.query, 'POST /v2/users/clarifai/apps/main/models/general-image-recognition/outputs');
  assert.equal(body.rpc.name, 'PostModelOutputs');
  assert.deepEqual(body.params, { 'user_app_id.user_id': 'clarifai', 'user_app_id.app_id': 'main', model_id: 'general-image-recognition' });
  assert.equal(body.otherBindings.length, 4);
  assert.ok(body.notes.some((n: string) => /clarifai\/main .* use a PAT/u.test(n)));
});

test('a short legacy path works with an app key only; the PAT route is spelled out', async () => {
  const r = await runCli(['routes', 'GET', '/v2/models/general-image-recognition']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /→ GetModel/u);
  assert.match(r.stdout, /model_id = general-image-recognition/u);
  assert.match(r.stdout, /A PAT must name them: use GET \/v2\/users\/\{user_id\}\/apps\/\{app_id\}\/models\/general-image-recognition\./u);
});

test('a wrong method on a real path lists the allowed methods, names 11103 and exits 1', async () => {
  const r = await runCli(['routes', 'GET /v2/models/x/outputs']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /has no GET route\. Allowed: POST\./u);
  assert.match(r.stdout, /11103 CONN_METHOD_NOT_ALLOWED/u);
  const { body } = await json(['DELETE /v2/myscopes']);
  assert.equal(body.kind, 'wrong-method');
  assert.deepEqual(body.allowed.map((a: { method: string; rpc: string }) => `${a.method} ${a.rpc}`), ['GET MyScopes']);
});

test('a bare path lists every method bound there', async () => {
  const { code, body } = await json(['/v2/models/x']);
  assert.equal(code, 0);
  assert.equal(body.kind, 'path');
  assert.deepEqual(body.routes.map((r: { method: string; rpc: string }) => `${r.method} ${r.rpc}`).sort(), ['DELETE DeleteModel', 'GET GetModel']);
});

test('no matching route: the nearest ones, and exit 1', async () => {
  const r = await runCli(['routes', 'POST /v2/modles/x/outputs']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /No Clarifai route matches POST \/v2\/modles\/x\/outputs\. Nearest:\n {2}POST +\/v2\/models\/\{model_id\}\/outputs/u);
  const { body } = await json(['/v2/nope/nope/nope']);
  assert.equal(body.kind, 'no-match');
  assert.equal(body.nearest.length, 5);
});

test('usage errors exit 2 with a clear message and no stack trace', async () => {
  for (const args of [[], ['a', 'b', 'c'], ['POST /v2/models extra'], ['Post\u0000Model'], ['x'.repeat(5000)], ['   ']]) {
    const r = await runCli(['routes', ...args]);
    assert.equal(r.code, 2, JSON.stringify(args).slice(0, 80));
    assert.match(r.stderr, /KD_ERR_USAGE/u);
    assert.doesNotMatch(r.stderr, /\n\s+at /u);
  }
});

test('--help documents the query forms and exit codes', async () => {
  const r = await runCli(['routes', '--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /METHOD PATH/u);
  assert.match(r.stdout, /Exit codes/u);
});

test('a key pasted into the query is never echoed', async () => {
  for (const args of [['DELETE', `/v2/users/me/keys/${FAKE_KEY}`], [FAKE_KEY], [`https://api.clarifai.com/v2/models?key=${FAKE_KEY}`], ['--json', `GET /v2/keys/${FAKE_KEY}`]]) {
    const r = await runCli(['routes', ...args]);
    assert.ok(r.stdout.length > 0);
    assert.ok(!r.stdout.includes(FAKE_KEY) && !r.stderr.includes(FAKE_KEY), args.join(' '));
  }
});
