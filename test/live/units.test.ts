// Unit tests of the live planning pieces: candidate values, base/proxy config, targets, verdicts, the --wait loop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeydoctorError } from '../../src/core/errors.js';
import { Secret } from '../../src/core/secret.js';
import { cleanValue } from '../../src/live/candidates.js';
import { noProxyMatches, normaliseGrpcTarget, normaliseRestBase, resolveConfig } from '../../src/live/config.js';
import { parseCall, safeToSend, targetFromCall, targetFromRpc } from '../../src/live/targets.js';
import { judge } from '../../src/live/verdict.js';
import { waitForActivation } from '../../src/live/wait.js';
import type { EnvEvidence } from '../../src/types/evidence.js';
import type { CredentialVerdict, Exchange } from '../../src/types/live-evidence.js';

const K = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';

function env(vars: Record<string, string>): EnvEvidence {
  const variables = new Map(
    Object.entries(vars).map(([name, value]) => {
      const d = { name, value: new Secret(value), location: { env: name, source: 'shell' } };
      return [name, { name, definitions: [d], winner: d, winnerWithOverride: d, why: 'set in the shell environment only' }];
    }),
  );
  return { projectDir: '/p', shell: vars, files: [], variables, expected: [], gitRepo: false };
}

test('cleanValue undoes copy-paste damage and says what it undid', () => {
  assert.deepEqual(cleanValue(`${K}\n`), { value: K, change: 'the trailing newline is removed' });
  assert.deepEqual(cleanValue(`${K}\r\n`), { value: K, change: 'the trailing CRLF line ending is removed' });
  assert.deepEqual(cleanValue(`  ${K}`), { value: K, change: 'the leading 2 spaces are removed' });
  assert.equal(cleanValue(`"${K}"`)!.change, 'the surrounding quotes are removed');
  assert.equal(cleanValue(`Bearer ${K}`)!.change, 'the "Bearer " prefix is removed (keydoctor adds "Key " itself)');
  assert.equal(cleanValue(`${K.slice(0, 5)}\u200B${K.slice(5)}`)!.change, 'the invisible U+200B character is removed');
  assert.equal(cleanValue(K), undefined);
  assert.equal(cleanValue('   '), undefined);
});

test('bases: defaults, /v2 and slashes dropped, scheme added; gRPC gets a port and loses its scheme', () => {
  assert.equal(normaliseRestBase('https://api.clarifai.com/v2/'), 'https://api.clarifai.com');
  assert.equal(normaliseRestBase('api.clarifai.com'), 'https://api.clarifai.com');
  assert.equal(normaliseGrpcTarget('https://api.clarifai.com'), 'api.clarifai.com:443');
  assert.equal(normaliseGrpcTarget('127.0.0.1:5000'), '127.0.0.1:5000');
  const def = resolveConfig(env({}), {}).config;
  assert.deepEqual([def.effectiveBase, def.baseSource, def.timeoutMs], ['https://api.clarifai.com', 'default', 10000]);
  const fromEnv = resolveConfig(env({ CLARIFAI_API_BASE: 'https://api-dev.clarifai.com' }), {}).config;
  assert.deepEqual([fromEnv.effectiveBase, fromEnv.baseSource, fromEnv.baseLocation?.env], ['https://api-dev.clarifai.com', 'env', 'CLARIFAI_API_BASE']);
  const flag = resolveConfig(env({ CLARIFAI_API_BASE: 'https://a.example' }), { base: 'https://b.example' }).config;
  assert.equal(flag.effectiveBase, 'https://b.example');
  const grpc = resolveConfig(env({}), { transport: 'grpc' }).config;
  assert.deepEqual([grpc.effectiveBase, grpc.tls], ['api.clarifai.com:443', true]);
  assert.equal(resolveConfig(env({}), { transport: 'grpc', grpcBase: 'localhost:9000' }).config.tls, false);
});

test('plain http:// to a host that is not this machine is refused unless --allow-insecure', () => {
  assert.throws(
    () => resolveConfig(env({ CLARIFAI_API_BASE: 'http://api.clarifai.com' }), {}),
    (e: unknown) => e instanceof KeydoctorError && e.code === 'KD_ERR_NETWORK_POLICY' && /CLARIFAI_API_BASE \(shell\)/u.test(e.message),
  );
  assert.equal(resolveConfig(env({}), { base: 'http://api.clarifai.com', allowInsecure: true }).config.effectiveBase, 'http://api.clarifai.com');
  assert.equal(resolveConfig(env({}), { base: 'http://127.0.0.1:8080' }).config.effectiveBase, 'http://127.0.0.1:8080');
});

test('proxies: HTTPS_PROXY for https, NO_PROXY by host, suffix, port and *', () => {
  const p = resolveConfig(env({ HTTPS_PROXY: 'http://u:pw@proxy:3128' }), {}).config.proxy!;
  assert.deepEqual(p, { variable: 'HTTPS_PROXY', url: 'http://proxy:3128', bypassed: false });
  assert.equal(resolveConfig(env({ HTTP_PROXY: 'http://proxy:3128' }), {}).config.proxy, undefined, 'HTTP_PROXY is not for https');
  assert.ok(noProxyMatches('.clarifai.com', 'api.clarifai.com', '443'));
  assert.ok(noProxyMatches('clarifai.com', 'api.clarifai.com', '443'));
  assert.ok(noProxyMatches('*', 'api.clarifai.com', '443'));
  assert.ok(noProxyMatches('localhost, api.clarifai.com:443', 'api.clarifai.com', '443'));
  assert.ok(!noProxyMatches('api.clarifai.com:8443', 'api.clarifai.com', '443'));
  assert.ok(!noProxyMatches('notclarifai.com', 'api.clarifai.com', '443'));
});

test('--call parsing, and which calls are safe to send', () => {
  assert.deepEqual(parseCall('post https://api.clarifai.com/v2/models/x/outputs'), { method: 'POST', url: 'https://api.clarifai.com/v2/models/x/outputs' });
  assert.throws(() => parseCall('/v2/models'), /--call takes "METHOD \/path"/u);
  assert.throws(() => parseCall('FETCH /v2/models'), /METHOD is one of/u);
  assert.ok(safeToSend('GET', 'ListModels'));
  assert.ok(safeToSend('POST', 'PostModelOutputs'));
  assert.ok(safeToSend('POST', 'PostInputsSearches'));
  assert.ok(!safeToSend('POST', 'PostModels'));
  assert.ok(!safeToSend('DELETE', 'DeleteModel'));
  const t = targetFromCall({ method: 'get', url: 'https://api.clarifai.com/v2/users/alice/apps/photos/models?page=2' }, 'flag');
  assert.equal(t.path, '/v2/users/alice/apps/photos/models?page=2');
  assert.deepEqual([t.route.kind, t.route.rpc, t.route.params], ['match', 'ListModels', { 'user_app_id.user_id': 'alice', 'user_app_id.app_id': 'photos' }]);
});

test('--rpc picks the owner-scoped binding when CLARIFAI_USER_ID is set, the short one otherwise; unknown names are usage errors', () => {
  assert.equal(targetFromRpc('ListModels', env({})).path, '/v2/models');
  assert.equal(targetFromRpc('listmodels', env({ CLARIFAI_USER_ID: 'alice', CLARIFAI_APP_ID: 'photos' })).path, '/v2/users/alice/apps/photos/models');
  assert.equal(targetFromRpc('PostModelOutputs', env({})).path, '/v2/models/keydoctor-probe/outputs', 'the simplest binding, unknown ids as a placeholder');
  assert.throws(() => targetFromRpc('PostModelOutput', env({})), /not a Clarifai RPC\. Did you mean PostModelOutputs/u);
});

function ex(partial: Partial<Exchange>): Exchange {
  return { credential: 'C', purpose: 'myscopes', transport: 'rest', method: 'GET', url: 'u', wave: 1, startMs: 0, endMs: 1, reproduce: '', ...partial };
}

test('verdicts: only a clear success is valid, only a clear key rejection invalid', () => {
  assert.equal(judge([ex({ purpose: 'user', status: { code: 10000, description: 'Ok', details: '' }, user: { id: 'a' } })]).kind, 'pat');
  assert.equal(judge([ex({ status: { code: 11009, description: 'API key not found', details: 'invalid key(x)' } }), ex({ purpose: 'user', status: { code: 11009, description: '', details: '' } })]).verdict, 'invalid');
  assert.equal(judge([ex({ error: { kind: 'refused', message: 'ECONNREFUSED' } })]).verdict, 'unknown');
  assert.equal(judge([ex({ error: { kind: 'non-clarifai-body', message: 'html' }, httpStatus: 401 })]).verdict, 'unknown');
  assert.equal(judge([ex({ status: { code: 11004, description: '', details: '' } }), ex({ purpose: 'user', status: { code: 11008, description: '', details: 'An app-specific API key will not work' } })]).verdict, 'unknown');
  assert.equal(judge([ex({ error: { kind: 'cannot-send', message: 'invalid header' }, wave: 0 })]).verdict, 'invalid');
  // A target call's answer never changes the verdict.
  assert.equal(judge([ex({ purpose: 'target', status: { code: 11009, description: '', details: '' } })]).verdict, 'unknown');
});

test('--wait backs off, reports progress, and stops at the first success', async () => {
  const slept: number[] = [];
  const lines: string[] = [];
  let calls = 0;
  const v = { id: 'CLARIFAI_PAT', variable: 'CLARIFAI_PAT' } as CredentialVerdict;
  const [w] = await waitForActivation({
    credentials: [v],
    maxWaitMs: 60_000,
    label: () => 'CLARIFAI_PAT (shell)',
    retry: async () => ++calls === 3,
    onProgress: (l) => lines.push(l),
    sleep: async (ms) => void slept.push(ms),
  });
  assert.deepEqual(slept, [500, 1000, 2000]);
  assert.equal(w!.attempts, 3);
  assert.notEqual(w!.becameValidAfterMs, undefined);
  assert.equal(lines.length, 4);
  assert.match(lines.at(-1)!, /works now \(after .* and 3 retries\)/u);
});
