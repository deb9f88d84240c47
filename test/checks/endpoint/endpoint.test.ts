import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endpointChecks } from '../../../src/checks/endpoint/index.js';
import { check as insecureHttp } from '../../../src/checks/endpoint/insecure-http.js';
import { check as hostTypo, hostTypo as typoOf } from '../../../src/checks/endpoint/host-typo.js';
import { check as v1Path } from '../../../src/checks/endpoint/v1-path.js';
import { check as doubledV2 } from '../../../src/checks/endpoint/doubled-v2.js';
import { check as grpcBaseScheme } from '../../../src/checks/endpoint/grpc-base-scheme.js';
import { check as unknownPath } from '../../../src/checks/endpoint/unknown-path.js';
import { check as wrongMethod } from '../../../src/checks/endpoint/wrong-method.js';
import { parseCodeUrl, showHoles } from '../../../src/checks/endpoint/lib/code-url.js';
import { describeRpc } from '../../../src/checks/endpoint/lib/routes.js';
import { findRpc } from '../../../src/providers/clarifai/api-table.js';
import { code, env, run, url } from './helpers.js';

const ids = (fs: { id: string }[]) => fs.map((f) => f.id);

test('every check does nothing without code evidence', () => {
  for (const c of endpointChecks) assert.deepEqual(run(c, undefined), [], c.meta.id);
});

test('parseCodeUrl reads scheme, host, path and holes', () => {
  assert.deepEqual(parseCodeUrl('https://api.clarifai.com/v2/models?page=1'), {
    scheme: 'https', host: 'api.clarifai.com', hostUnknown: false, leadingExpression: false, path: '/v2/models', query: '?page=1', pathHasExpression: false, shownPath: '/v2/models',
  });
  const holes = parseCodeUrl('${BASE}/v2/models/${modelId}/outputs');
  assert.equal(holes.leadingExpression, true);
  assert.equal(holes.path, '/v2/models/{…}/outputs');
  assert.equal(holes.pathHasExpression, true);
  assert.equal(holes.shownPath, '/v2/models/${modelId}/outputs');
  assert.equal(showHoles('/v2/users/{user_id}/apps/{app_id}/models/{…}/outputs', holes), '/v2/users/{user_id}/apps/{app_id}/models/${modelId}/outputs');
  assert.equal(parseCodeUrl('api.clarifai.com:443').host, 'api.clarifai.com');
  assert.equal(parseCodeUrl('api.clarifai.com:443').port, '443');
  assert.equal(parseCodeUrl('https://${host}/v2/models').hostUnknown, true);
  assert.equal(parseCodeUrl('/v2/models').host, undefined);
});

test('insecure-http: error for Clarifai, warning for other hosts, nothing for loopback', () => {
  const found = run(insecureHttp, code({
    urls: [
      url('a.js', 1, 'http://api.clarifai.com/v2/models'),
      url('a.js', 2, 'http://clarifai.internal.example:8080/v2/models'),
      url('a.js', 3, 'http://127.0.0.1:4000/v2/models'),
      url('a.js', 4, 'http://localhost:4000/v2/models'),
      url('a.js', 5, 'https://api.clarifai.com/v2/models'),
    ],
  }));
  assert.deepEqual(found.map((f) => f.severity), ['error', 'warning']);
  assert.match(found[0]!.fix, /https:\/\/api\.clarifai\.com\/v2\/models/u);
});

test('host-typo: misspelt domains and the website host', () => {
  assert.match(typoOf('api.clarifia.com', '/v2/models')!, /not spelled clarifai/u);
  assert.match(typoOf('api.clarifai.co', '/v2/models')!, /\.co, not \.com/u);
  assert.match(typoOf('clarifai.com', '/v2/models')!, /website/u);
  assert.equal(typoOf('api.clarifai.com', '/v2/models'), undefined);
  assert.equal(typoOf('samples.clarifai.com', '/dog.jpg'), undefined);
  assert.equal(typoOf('clarifai.com', '/me/settings/secrets'), undefined);
  assert.equal(typoOf('clarity.example.com', '/v2'), undefined);
  const found = run(hostTypo, code({ urls: [url('a.sh', 3, 'https://api.clarifia.com/v2/models', { method: 'GET' })] }));
  assert.equal(found.length, 1);
  assert.match(found[0]!.fix, /https:\/\/api\.clarifai\.com\/v2\/models/u);
});

test('v1-path: suggests the /v2 route', () => {
  const found = run(v1Path, code({ urls: [url('a.js', 1, 'https://api.clarifai.com/v1/models', { method: 'GET' }), url('a.js', 2, 'https://api.clarifai.com/v2/models')] }));
  assert.equal(found.length, 1);
  assert.match(found[0]!.fix, /\/v2\/models.*ListModels/u);
});

test('doubled-v2: literal doubling, a CLARIFAI_API_BASE ending in /v2, and a /v2 base in the same file', () => {
  const literal = run(doubledV2, code({ urls: [url('a.py', 1, 'https://api.clarifai.com/v2/v2/models')] }));
  assert.equal(literal.length, 1);
  assert.match(literal[0]!.fix, /https:\/\/api\.clarifai\.com\/v2\/models/u);
  const issue96 = run(doubledV2, code({ urls: [url('a.py', 1, 'https://api.clarifai.com/v2//v2/https://api.clarifai.com/v2/models')] }));
  assert.equal(issue96.length, 1);
  const viaEnv = run(doubledV2, code({ urls: [url('a.js', 4, '${process.env.CLARIFAI_API_BASE}/v2/models')] }), env({}, 'CLARIFAI_API_BASE=https://api.clarifai.com/v2\n'));
  assert.equal(viaEnv.length, 1);
  assert.deepEqual(viaEnv[0]!.related, [{ env: 'CLARIFAI_API_BASE', source: '.env', line: 1 }]);
  assert.deepEqual(run(doubledV2, code({ urls: [url('a.js', 4, '${process.env.CLARIFAI_API_BASE}/v2/models')] }), env({}, 'CLARIFAI_API_BASE=https://api.clarifai.com\n')), []);
  const sameFile = run(doubledV2, code({ urls: [url('b.js', 1, 'https://api.clarifai.com/v2'), url('b.js', 5, '${BASE}/v2/models')] }));
  assert.equal(sameFile.length, 1);
  assert.equal(sameFile[0]!.severity, 'warning');
  assert.deepEqual(run(doubledV2, code({ urls: [url('c.js', 1, 'https://api.clarifai.com/v2'), url('c.js', 5, '${BASE}/models')] })), []);
});

test('grpc-base-scheme: in code and in CLARIFAI_GRPC_BASE', () => {
  const found = run(
    grpcBaseScheme,
    code({ urls: [url('a.py', 1, 'https://api.clarifai.com', { kind: 'grpc-base' }), url('a.py', 2, 'api.clarifai.com', { kind: 'grpc-base' })] }),
    env({ CLARIFAI_GRPC_BASE: 'https://api.clarifai.com' }),
  );
  assert.equal(found.length, 2);
  assert.match(found[0]!.fix, /`api\.clarifai\.com`/u);
  assert.deepEqual(found[1]!.location, { env: 'CLARIFAI_GRPC_BASE', source: 'shell' });
  assert.match(found[1]!.fix, /CLARIFAI_GRPC_BASE=api\.clarifai\.com/u);
});

test('unknown-path: nearest routes; holes, /v2/ext/ and other hosts are not judged', () => {
  const found = run(unknownPath, code({
    urls: [
      url('a.js', 1, 'https://api.clarifai.com/v2/model/general-image-recognition/outputs', { method: 'POST' }),
      url('a.js', 2, 'https://api.clarifai.com/v2/models/general-image-recognition/outputs', { method: 'POST' }),
      url('a.js', 3, 'https://api.clarifai.com/v2/ext/openai/v1/chat/completions', { method: 'POST' }),
      url('a.js', 4, 'https://api.example.com/v2/whatever'),
      url('a.js', 5, 'https://api.clarifai.com/v2/${path}'),
      url('a.js', 6, 'https://api.clarifai.com/v2/models/general-image-recognition/outputs'),
      // Written for people: a bare base and templates.
      url('a.js', 7, '/v2/'),
      url('a.js', 8, '/v2/users/{user}/apps/{app}/…'),
      url('a.js', 9, 'https://api.clarifai.com/v2/models/<model-id>/outputs'),
      url('a.js', 10, '/v2/...'),
    ],
  }));
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /a\.js:1 .*POST \/v2\/model\/general-image-recognition\/outputs.*nearest: POST \/v2\/models\/\{model_id\}\/outputs \(PostModelOutputs\)/u);
  // The caller's own ids go into the suggested route.
  assert.match(found[0]!.fix, /`POST \/v2\/models\/general-image-recognition\/outputs`/u);
});

test('wrong-method: names what each method does at the path', () => {
  const found = run(wrongMethod, code({
    urls: [
      url('a.sh', 1, 'https://api.clarifai.com/v2/models/general-image-recognition/outputs', { method: 'GET' }),
      url('a.sh', 2, 'https://api.clarifai.com/v2/models', { method: 'POST' }),
      url('a.sh', 3, 'https://api.clarifai.com/v2/models/general-image-recognition/outputs'),
    ],
  }));
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /GET \/v2\/models\/general-image-recognition\/outputs, but that path serves only POST \(PostModelOutputs: runs a model\)/u);
  const fetchByPost = run(wrongMethod, code({ urls: [url('b.js', 1, 'https://api.clarifai.com/v2/models/general-image-recognition', { method: 'POST' })] }));
  assert.equal(fetchByPost.length, 1);
  assert.match(fetchByPost[0]!.fix, /`GET \/v2\/models\/general-image-recognition` to fetch a model/u);
  assert.match(fetchByPost[0]!.fix, /POST \/v2\/models is PostModels: it creates models/u);
});

test('describeRpc words RPCs', () => {
  assert.equal(describeRpc(findRpc('GetModel')!), 'fetches a model');
  assert.equal(describeRpc(findRpc('PostModels')!), 'creates models');
  assert.equal(describeRpc(findRpc('PostModelOutputs')!), 'runs a model');
  assert.equal(describeRpc(findRpc('PostInputsSearches')!), 'searches inputs');
  assert.equal(describeRpc(findRpc('GetModel')!, true), 'fetch a model');
  assert.deepEqual(ids(run(wrongMethod, code())), []);
});
