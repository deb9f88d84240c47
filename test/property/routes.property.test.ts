// Properties of the route matcher (matchRoute in src/providers/clarifai/api-table.ts): any input is an answer, never
// a throw, and a path built from any binding template reaches that binding or a more specific one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { apiTable, matchRoute, nearestRoutes, requestPath, type Binding } from '../../src/providers/clarifai/api-table.js';
import { budget } from './helpers.js';

const BINDINGS: Binding[] = apiTable.rpcs.flatMap((r) => r.bindings);
const LITERALS = [...new Set(BINDINGS.flatMap((b) => b.path.split('/').filter((s) => s && !s.startsWith('{'))))];

type Part = { literal: string } | { param: string; rest: boolean };
const parse = (template: string): Part[] =>
  template
    .split('/')
    .slice(1)
    .map((s) => {
      const p = /^\{([^}=]+)(?:=([^}]*))?\}$/u.exec(s);
      return p ? { param: p[1]!, rest: p[2] === '**' } : { literal: s };
    });

/** A parameter value: an id, a word that is also a route literal (`searches`), an escaped or non-ASCII id. */
const paramValue = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.~-]{0,20}$/u),
  fc.constantFrom(...LITERALS),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }).map((s) => encodeURIComponent(s)),
  fc.constantFrom('é', '模型', '%2F', 'a%20b', '%'),
);

/** A concrete request path for a template: every {param} filled, `{x=**}` with one to three segments. */
function fill(template: string): fc.Arbitrary<string> {
  const parts = parse(template);
  return fc
    .tuple(...parts.map((p) => ('literal' in p ? fc.constant(p.literal) : p.rest ? fc.array(paramValue, { minLength: 1, maxLength: 3 }).map((a) => a.join('/')) : paramValue)))
    .map((segments) => `/${segments.join('/')}`);
}

const literalCount = (template: string) => parse(template).filter((p) => 'literal' in p).length;

/** The matcher's own rule: at the first position where they differ, a literal beats a parameter (and a parameter a `**`). */
function atLeastAsSpecific(a: string, b: string): boolean {
  const pa = parse(a);
  const pb = parse(b);
  const rank = (p: Part) => ('literal' in p ? 0 : p.rest ? 2 : 1);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const d = rank(pa[i]!) - rank(pb[i]!);
    if (d !== 0) return d < 0;
  }
  return pa.length >= pb.length;
}

test('property: a path filled in from any binding template matches that binding or a more specific one', () => {
  const generated = fc.constantFrom(...BINDINGS).chain((binding) => fill(binding.path).map((path) => ({ binding, path })));
  let exact = 0;
  fc.assert(
    fc.property(generated, ({ binding, path }) => {
      const m = matchRoute(binding.method, path);
      assert.equal(m.kind, 'match', `${binding.method} ${path} (from ${binding.path}) → ${m.kind}`);
      if (m.kind !== 'match') return;
      // Some RPCs share a method and template (ListPipelines and PostPipelines both bind GET /v2/pipelines): the first wins.
      if (m.binding.path === binding.path) {
        exact++;
        return;
      }
      assert.ok(
        // The matcher's rule: at the first position where they differ a literal wins, so `/v2/models/types/{id}` takes
        // `/v2/models/types/references` from `/v2/models/{model_id}/references` with as many literals, not more.
        literalCount(m.binding.path) >= literalCount(binding.path) && atLeastAsSpecific(m.binding.path, binding.path),
        `${binding.method} ${path}: from ${binding.path}, matched the less specific ${m.binding.path}`,
      );
    }),
    budget(5000),
  );
  assert.ok(exact > 0);
});

test('every binding template, filled with plain ids, reaches its own template or one with more literal segments', () => {
  for (const binding of BINDINGS) {
    const path = binding.path.replace(/\{[^}]+\}/gu, (p) => (p.includes('=**}') ? 'x1/y1' : 'id1'));
    const m = matchRoute(binding.method, path);
    assert.equal(m.kind, 'match', `${binding.method} ${path}`);
    if (m.kind === 'match' && m.binding.path !== binding.path) {
      assert.ok(literalCount(m.binding.path) > literalCount(binding.path) && atLeastAsSpecific(m.binding.path, binding.path), `${path}: ${m.binding.path} over ${binding.path}`);
    }
  }
});

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.array(fc.oneof(fc.constantFrom(...LITERALS, '', '.', '..', '%', '%zz', '{', '}', '**'), fc.string({ maxLength: 6 })), { maxLength: 30 }).map((a) => `/${a.join('/')}`),
);
const anyMethod = fc.oneof(fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'get', ' post ', 'OPTIONS', ''), fc.string({ unit: 'binary', maxLength: 10 }));

test('property: arbitrary method and path or URL strings never throw, and the answer is well formed', () => {
  fc.assert(
    fc.property(anyMethod, anyText, (method, path) => {
      const m = matchRoute(method, path);
      if (m.kind === 'match') assert.ok(BINDINGS.includes(m.binding));
      else if (m.kind === 'wrong-method') assert.ok(m.allowed.length > 0 && m.allowed.every((a) => a.method !== method.trim().toUpperCase()));
      else {
        // Found lazily: reading it works, and the distances are sorted.
        const d = m.nearest.map((n) => n.distance);
        assert.ok(d.length > 0 && d.every((x, i) => i === 0 || d[i - 1]! <= x), JSON.stringify(d));
      }
      assert.ok(requestPath(path).startsWith('/'));
    }),
    budget(4000),
  );
});

test('a no-match answer finds its nearest routes only when they are read, and the same ones as nearestRoutes', () => {
  const m = matchRoute('POST', '/v2/models/general/outputz');
  assert.equal(m.kind, 'no-match');
  if (m.kind !== 'no-match') return;
  assert.equal(typeof Object.getOwnPropertyDescriptor(m, 'nearest')?.get, 'function', 'nearest is computed on first read');
  assert.deepEqual(m.nearest, nearestRoutes('/v2/models/general/outputz', 'POST'));
  assert.equal(m.nearest, m.nearest, 'computed once');
  assert.equal(m.nearest[0]!.binding.path, '/v2/models/{model_id}/outputs');
  // Still plain data for JSON output.
  assert.ok(JSON.parse(JSON.stringify(m)).nearest.length > 0);
});

test('garbage paths (thousands of segments, a megabyte segment) get bounded nearest routes that still rank by distance', () => {
  const long = nearestRoutes(`/v2${'/models'.repeat(5000)}`, 'GET');
  const big = nearestRoutes(`/v2/${'m'.repeat(1_000_000)}/outputs`, 'POST');
  for (const list of [long, big]) assert.ok(list.length === 5 && list.every((n, i) => i === 0 || list[i - 1]!.distance <= n.distance));
  // Every segment past the bound still counts: 5000 extra segments are at least that many edits away.
  assert.ok(long[0]!.distance >= 5000 - 14, String(long[0]!.distance));
  assert.deepEqual(matchRoute('GET', `/v2${'/x'.repeat(10_000)}`).kind, 'no-match');
});
