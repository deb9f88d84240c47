// The app-scoped form of a short path, defined once (src/providers/clarifai/app-scoped-path.ts) for the checks, live and routes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiTable, findRpc, isShortPath, matchRoute } from '../../../src/providers/clarifai/api-table.js';
import { appScopedBinding, appScopedPath } from '../../../src/providers/clarifai/app-scoped-path.js';

function shortHit(method: string, path: string) {
  const m = matchRoute(method, path);
  assert.equal(m.kind, 'match', `${method} ${path}`);
  if (m.kind !== 'match') throw new Error('unreachable');
  return m;
}

test('a short path gets the owner inserted after /v2, with the known params filled in', () => {
  const m = shortHit('POST', '/v2/models/general-image-recognition/outputs');
  assert.equal(appScopedPath(m.rpc, m.binding, m.params), '/v2/users/{user_id}/apps/{app_id}/models/general-image-recognition/outputs');
  assert.equal(appScopedPath(m.rpc, m.binding), '/v2/users/{user_id}/apps/{app_id}/models/{model_id}/outputs');
  const v = shortHit('POST', '/v2/models/m1/versions/v1/outputs');
  assert.equal(appScopedPath(v.rpc, v.binding, v.params), '/v2/users/{user_id}/apps/{app_id}/models/m1/versions/v1/outputs');
});

test('the inserted form wins over a scoped binding that merely ends the same way', () => {
  // DeleteAnnotations binds DELETE /v2/annotations, …/apps/{app_id}/annotations and …/apps/{app_id}/inputs/annotations.
  const m = shortHit('DELETE', '/v2/annotations');
  assert.equal(appScopedBinding(m.rpc, m.binding)?.path, '/v2/users/{user_app_id.user_id}/apps/{user_app_id.app_id}/annotations');
});

test('without an inserted form, the RPC\'s first scoped binding of the same method; none for a method it lacks', () => {
  const app = shortHit('GET', '/v2/app');
  assert.equal(appScopedPath(app.rpc, app.binding), '/v2/users/{user_id}/apps/{app_id}');
  const scopes = shortHit('GET', '/v2/my_scopes');
  assert.equal(appScopedPath(scopes.rpc, scopes.binding), '/v2/users/{user_id}/apps/{app_id}/myscopes');
  const listApps = findRpc('ListApps')!;
  const short = listApps.bindings.find(isShortPath)!;
  assert.equal(appScopedBinding(listApps, short), undefined, 'ListApps names a user, never an app');
});

test('every app-scoped binding returned is of the same RPC and method and names both user and app', () => {
  let withForm = 0;
  for (const rpc of apiTable.rpcs) {
    for (const binding of rpc.bindings.filter(isShortPath)) {
      const scoped = appScopedBinding(rpc, binding);
      if (!scoped) continue;
      withForm++;
      assert.ok(rpc.bindings.includes(scoped) && scoped.method === binding.method, `${rpc.name} ${binding.path}`);
      assert.match(scoped.path, /^\/v2\/users\/\{user_app_id\.user_id\}\/apps\/\{user_app_id\.app_id\}/u);
      const inserted = binding.path.replace(/^\/v2/u, '/v2/users/{user_app_id.user_id}/apps/{user_app_id.app_id}');
      if (rpc.bindings.some((b) => b.method === binding.method && b.path === inserted)) assert.equal(scoped.path, inserted, rpc.name);
    }
  }
  assert.ok(withForm > 150, `only ${withForm} short bindings have an app-scoped form`);
});
