import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiTable, findRpc, findScope, isShortPath, matchRoute, nearestRpcNames, requestPath, routesAt, statusCode } from '../../../src/providers/clarifai/api-table.js';

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

test('the table holds every RPC of clarifai-nodejs-grpc 11.11.0 with its auth type', () => {
  assert.deepEqual(apiTable.source, { package: 'clarifai-nodejs-grpc', version: '11.11.0' });
  assert.equal(apiTable.rpcs.length, 289);
  assert.deepEqual(countBy(apiTable.rpcs, (r) => r.authType), { KeyAuth: 194, PATAuth: 90, NoAuth: 3, SessionTokenAuth: 2 });
  assert.equal(apiTable.rpcs.filter((r) => r.scopes.length > 0).length, 275);
  assert.equal(apiTable.rpcs.filter((r) => r.requestStream || r.responseStream).length, 8);
});

test('every http binding is there, additional_bindings included', () => {
  const bindings = apiTable.rpcs.flatMap((r) => r.bindings);
  assert.equal(bindings.length, 490);
  assert.deepEqual(countBy(bindings, (b) => b.method), { GET: 231, POST: 122, PATCH: 68, DELETE: 62, PUT: 7 });
  assert.deepEqual(
    findRpc('MyScopes')!.bindings.map((b) => `${b.method} ${b.path}`),
    ['GET /v2/users/{user_app_id.user_id}/apps/{user_app_id.app_id}/myscopes', 'GET /v2/myscopes', 'GET /v2/my_scopes'],
  );
});

test('repeated cl_depending_scopes are all kept', () => {
  const rpc = findRpc('PostModelOutputs')!;
  assert.equal(rpc.authType, 'KeyAuth');
  assert.deepEqual(rpc.scopes, ['Apps_Get', 'Concepts_Get', 'Models_Get', 'Predict']);
  assert.equal(rpc.requestType, 'PostModelOutputsRequest');
  assert.equal(rpc.responseType, 'MultiOutputResponse');
  assert.equal(findRpc('PostInputs')!.scopes.length, 9);
});

test('ListApps is PAT-only, on /v2/users/{user_id}/apps and /v2/apps', () => {
  const rpc = findRpc('listapps')!;
  assert.equal(rpc.authType, 'PATAuth');
  assert.deepEqual(rpc.bindings.map((b) => b.path), ['/v2/users/{user_app_id.user_id}/apps', '/v2/apps']);
});

test('scopes: 121 values, 114 exposed (clarfai_exposed), repeated depending scopes kept', () => {
  assert.equal(apiTable.scopes.length, 121);
  assert.equal(apiTable.scopes.filter((s) => s.exposed).length, 114);
  assert.deepEqual(
    apiTable.scopes.filter((s) => !s.exposed).map((s) => s.name).sort(),
    ['Concepts_Delete', 'HistoricalUsage_Get', 'Models_Sync', 'Outputs_Patch', 'TSNEVisualizations_Add', 'TSNEVisualizations_Get', 'undef'],
  );
  assert.deepEqual(findScope('Inputs_Patch'), { name: 'Inputs_Patch', number: 7, exposed: true, deprecated: true, depending: ['Inputs_Add', 'Inputs_Get'] });
  assert.equal(findScope('Models:Get')?.name, 'Models_Get');
});

test('status codes: by number, numeric string or name; aliases resolve to the current name', () => {
  assert.deepEqual(statusCode(11008), { name: 'CONN_KEY_INVALID', code: 11008, deprecated: false });
  assert.equal(statusCode('11009')?.name, 'CONN_KEY_NOT_FOUND');
  assert.equal(statusCode('conn_token_invalid')?.deprecated, true);
  assert.equal(statusCode(30000)?.name, 'INPUT_SUCCESS');
  assert.equal(statusCode(10000)?.name, 'SUCCESS');
  assert.equal(statusCode(12345), undefined);
  assert.equal(statusCode('NOT_A_CODE'), undefined);
});

test('findRpc is case-insensitive and takes fully qualified endpoint names', () => {
  assert.equal(findRpc('POSTMODELOUTPUTS')?.name, 'PostModelOutputs');
  assert.equal(findRpc('/clarifai.api.V2/PostModelOutputs')?.name, 'PostModelOutputs');
  assert.equal(findRpc('clarifai.api.V2.GetApp')?.name, 'GetApp');
  assert.equal(findRpc('PostModelOutput'), undefined);
  assert.deepEqual(nearestRpcNames('PostModelOutput'), ['PostModelOutputs']);
  assert.deepEqual(nearestRpcNames('zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz'), []);
});

test('matchRoute extracts path params from a full URL', () => {
  const m = matchRoute('post', 'https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs?x=1#y');
  assert.equal(m.kind, 'match');
  if (m.kind !== 'match') return;
  assert.equal(m.rpc.name, 'PostModelOutputs');
  assert.deepEqual(m.params, { 'user_app_id.user_id': 'clarifai', 'user_app_id.app_id': 'main', model_id: 'general-image-recognition' });
});

test('a literal segment beats a parameter, within the request method', () => {
  const get = matchRoute('GET', '/v2/models/general-image-recognition');
  assert.equal(get.kind === 'match' && get.rpc.name, 'GetModel');
  const search = matchRoute('POST', '/v2/models/searches');
  assert.equal(search.kind === 'match' && search.rpc.name, 'PostModelsSearches');
  // The gateway routes by method first: GET on the searches path is GetModel with model_id "searches".
  const getSearches = matchRoute('GET', '/v2/models/searches');
  assert.deepEqual(getSearches.kind === 'match' && getSearches.params, { model_id: 'searches' });
});

test('a wrong method on a real path lists the allowed methods', () => {
  const m = matchRoute('GET', '/v2/models/x/outputs');
  assert.equal(m.kind, 'wrong-method');
  if (m.kind !== 'wrong-method') return;
  assert.equal(m.path, '/v2/models/x/outputs');
  assert.deepEqual(m.allowed.map((a) => `${a.method} ${a.rpc.name}`), ['POST PostModelOutputs']);
});

test('no match gives the nearest routes, closest first', () => {
  const m = matchRoute('POST', '/v2/modles/x/outputs');
  assert.equal(m.kind, 'no-match');
  if (m.kind !== 'no-match') return;
  assert.equal(m.nearest[0]!.binding.path, '/v2/models/{model_id}/outputs');
  assert.equal(m.nearest[0]!.distance, 1);
  assert.ok(m.nearest.every((n, i) => i === 0 || n.distance >= m.nearest[i - 1]!.distance));
});

test('paths are normalised: host without scheme, trailing slash, empty segments do not match parameters', () => {
  assert.equal(requestPath('api.clarifai.com/v2/myscopes/'), '/v2/myscopes');
  assert.equal(requestPath('v2/apps'), '/v2/apps');
  assert.equal(matchRoute('GET', '/v2/models//outputs').kind, 'no-match');
  const escaped = matchRoute('GET', '/v2/models/a%20b');
  assert.deepEqual(escaped.kind === 'match' && escaped.params, { model_id: 'a b' });
});

test('routesAt lists every method bound at a path', () => {
  const routes = routesAt('/v2/models/x');
  assert.deepEqual(routes.map((r) => `${r.binding.method} ${r.rpc.name}`).sort(), ['DELETE DeleteModel', 'GET GetModel']);
  assert.ok(routes.every((r) => isShortPath(r.binding)));
  assert.deepEqual(routesAt('/v2/nothing/here'), []);
});
