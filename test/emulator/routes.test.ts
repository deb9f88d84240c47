// The emulator's own route matching (src/emulator/routes.ts), and its agreement with the doctor's matchRoute on
// every binding of the generated table: the two are written independently, so a routing bug in either shows here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiTable, matchRoute, requestPath, type Binding } from '../../src/providers/clarifai/api-table.js';
import { pathOfRequest, routeRequest } from '../../src/emulator/routes.js';

const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];

test('per method, the most specific template wins (a literal beats a parameter)', () => {
  const post = routeRequest('POST', '/v2/models/searches');
  assert.equal(post.kind === 'match' && post.rpc.name, 'PostModelsSearches');
  // GET has no /v2/models/searches binding: it is GetModel with model_id "searches", as the gateway routes it.
  const get = routeRequest('GET', '/v2/models/searches');
  assert.equal(get.kind, 'match');
  if (get.kind !== 'match') return;
  assert.equal(get.rpc.name, 'GetModel');
  assert.deepEqual(get.params, { model_id: 'searches' });
});

test('parameters are read back from the path, unescaped', () => {
  const m = routeRequest('POST', '/v2/users/clarifai/apps/main/models/general-image-recognition/outputs');
  assert.equal(m.kind, 'match');
  if (m.kind !== 'match') return;
  assert.equal(m.rpc.name, 'PostModelOutputs');
  assert.equal(m.binding.path, '/v2/users/{user_app_id.user_id}/apps/{user_app_id.app_id}/models/{model_id}/outputs');
  assert.deepEqual(m.params, { 'user_app_id.user_id': 'clarifai', 'user_app_id.app_id': 'main', model_id: 'general-image-recognition' });
  const escaped = routeRequest('GET', '/v2/models/a%20b');
  assert.deepEqual(escaped.kind === 'match' && escaped.params, { model_id: 'a b' });
  // An escaped literal still routes; a broken escape is kept as written.
  assert.equal(routeRequest('GET', '/v2/%6Dodels/x').kind, 'match');
  const broken = routeRequest('GET', '/v2/models/100%');
  assert.deepEqual(broken.kind === 'match' && broken.params, { model_id: '100%' });
});

test('a path served for other methods only is a wrong method with the allowed ones; an unknown path is no match', () => {
  assert.deepEqual(routeRequest('GET', '/v2/models/x/outputs'), { kind: 'wrong-method', allowed: ['POST'] });
  const models = routeRequest('PUT', '/v2/models/x');
  assert.equal(models.kind, 'wrong-method');
  assert.deepEqual(models.kind === 'wrong-method' && [...models.allowed].sort(), ['DELETE', 'GET']);
  assert.deepEqual(routeRequest('GET', '/v2/nothing/here'), { kind: 'no-match' });
  assert.deepEqual(routeRequest('GET', '/v2/models//outputs'), { kind: 'no-match' });
  assert.deepEqual(routeRequest('GET', '/'), { kind: 'no-match' });
});

test('a very long path is answered without trying every binding at every depth', () => {
  const long = `/v2/${'models/'.repeat(5000)}x`;
  assert.deepEqual(routeRequest('GET', long), { kind: 'no-match' });
});

test('the request target becomes a path: absolute form, query, fragment and trailing slashes dropped', () => {
  assert.equal(pathOfRequest('/v2/models/?page=2'), '/v2/models');
  assert.equal(pathOfRequest('http://127.0.0.1:8080/v2/myscopes#x'), '/v2/myscopes');
  assert.equal(pathOfRequest('//'), '/');
  assert.equal(pathOfRequest('/'), '/');
});

const BINDINGS: Binding[] = apiTable.rpcs.flatMap((r) => r.bindings);

const isParam = (segment: string) => segment.startsWith('{');

/**
 * For a parameter at position i of a template, the literals other templates have there after a compatible prefix
 * (`/v2/models/{model_id}` meets `/v2/models/searches`): the values that make matchers disagree when one is wrong.
 */
function rivalLiterals(segments: string[], i: number): Set<string> {
  const out = new Set<string>();
  for (const other of BINDINGS) {
    const o = other.path.split('/');
    if (o.length <= i || isParam(o[i]!)) continue;
    if (segments.slice(0, i).every((s, j) => isParam(s) || isParam(o[j]!) || s === o[j])) out.add(o[i]!);
  }
  return out;
}

/** Concrete paths for a template: plain ids, an escaped id, and each parameter in turn set to each rival literal. */
function pathsFor(template: string): string[] {
  const segments = template.split('/');
  const fill = (value: (i: number) => string) => segments.map((s, i) => (isParam(s) ? (s.includes('=**}') ? `${value(i)}/y1` : value(i)) : s)).join('/');
  const out = [fill(() => 'id1'), fill(() => 'a%20b')];
  segments.forEach((s, i) => {
    if (!isParam(s)) return;
    for (const literal of rivalLiterals(segments, i)) out.push(fill((j) => (j === i ? literal : 'id1')));
  });
  return out;
}

test('the emulator and the doctor route every binding of the generated table the same way', () => {
  let compared = 0;
  let wrongMethods = 0;
  const seen = new Set<string>();
  for (const binding of BINDINGS) {
    for (const path of pathsFor(binding.path)) {
      if (seen.has(path)) continue;
      seen.add(path);
      assert.equal(pathOfRequest(path), requestPath(path), path);
      for (const method of METHODS) {
        const doctor = matchRoute(method, path);
        const emulator = routeRequest(method, path);
        const where = `${method} ${path} (from ${binding.method} ${binding.path})`;
        assert.equal(emulator.kind, doctor.kind, where);
        if (doctor.kind === 'match' && emulator.kind === 'match') {
          assert.equal(emulator.rpc.name, doctor.rpc.name, where);
          assert.equal(emulator.binding, doctor.binding, where);
          assert.deepEqual(emulator.params, doctor.params, where);
        } else if (doctor.kind === 'wrong-method' && emulator.kind === 'wrong-method') {
          assert.deepEqual(emulator.allowed, doctor.allowed.map((a) => a.method), where);
          wrongMethods++;
        }
        compared++;
      }
    }
  }
  // Every binding contributed paths, and both outcomes besides "no match" were exercised many times.
  assert.ok(seen.size >= BINDINGS.length / 2, `only ${seen.size} distinct paths`);
  assert.ok(wrongMethods > 100, `only ${wrongMethods} wrong-method comparisons`);
  assert.ok(compared >= seen.size * METHODS.length);
});

test('the agreement test can fail: a path the doctor routes is not silently skipped by the emulator', () => {
  // Every binding's own plain path must be a match for its own method on both sides (never two "no-match"s).
  for (const binding of BINDINGS) {
    const path = binding.path.replace(/\{[^}]+\}/gu, 'id1');
    assert.equal(routeRequest(binding.method, path).kind, 'match', `${binding.method} ${path}`);
    assert.equal(matchRoute(binding.method, path).kind, 'match', `${binding.method} ${path}`);
  }
});
