// Properties of explain's input parser (src/explain/parse.ts) beyond test/explain/robustness.test.ts: the parser
// itself on thousands of inputs (any text, real pastes with damage, nested escaping), and what it may claim.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { httpStatusOf, observe, unescapeString } from '../../src/explain/parse.js';
import { explain } from '../../src/explain/index.js';
import { statusCode } from '../../src/providers/clarifai/api-table.js';
import { budget, KEY } from './helpers.js';

const PASTES = [
  `{"status":{"code":11009,"description":"API key not found","details":"invalid key(${KEY})"}}`,
  `{"status":{"code":11102,"description":"Empty or malformed authorization header","details":"Please provide an API key or session token."}}`,
  `Error: 16 UNAUTHENTICATED: API key not found\n    code: 11009`,
  `status {\n  code: CONN_KEY_INVALID\n  description: "Invalid API key or Invalid API key/application pair"\n}`,
  `array: [ 11008, 'Invalid API key or Invalid API key/application pair', 'invalid key' ]`,
  `HTTP/1.1 401 Unauthorized\ncontent-type: application/json`,
  `curl -H "Authorization: Bearer ${KEY}" https://api.clarifai.com/v2/models`,
  `body="{\\"status\\":{\\"code\\":11009,\\"details\\":\\"invalid key(${KEY})\\"}}"`,
  'CONN_INSUFFICIENT_SCOPES 11007',
];

/** A real paste with a few characters inserted, deleted or replaced anywhere. */
const damaged = fc
  .tuple(fc.constantFrom(...PASTES), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 4 }))
  .map(([paste, edits]) => edits.reduce((t, [at, cut, junk]) => t.slice(0, at % (t.length + 1)) + junk + t.slice((at % (t.length + 1)) + cut), paste));

/** Pastes wrapped in one to three more layers of string escaping, as logs do. */
const escaped = fc.tuple(fc.constantFrom(...PASTES), fc.integer({ min: 1, max: 3 })).map(([p, n]) => {
  let t = p;
  for (let i = 0; i < n; i++) t = JSON.stringify(t).slice(1, -1);
  return t;
});

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 2000 }),
  fc.string({ unit: 'grapheme', maxLength: 500 }),
  fc.json({ maxDepth: 4 }),
  damaged,
  escaped,
);

test('property: observe() never throws; what it reports is consistent with the table and the input', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const o = observe(text);
      assert.ok(o.text.length <= text.length);
      if (o.status) {
        // Every status it reports is a real Clarifai code, named as the table names it.
        assert.equal(statusCode(o.status.code)?.name, o.status.name, JSON.stringify(o.status));
        assert.notEqual(o.form, 'none');
      } else assert.ok(['none', 'http-status', 'client-message', 'request'].includes(o.form), o.form);
      if (o.httpStatus !== undefined) assert.ok(o.httpStatus >= 100 && o.httpStatus <= 599);
      for (const s of o.secrets) assert.equal(typeof s, 'string');
    }),
    budget(4000),
  );
});

test('property: unescapeString and httpStatusOf never throw on any string', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
      assert.equal(typeof unescapeString(s), 'string');
      const h = httpStatusOf(s);
      assert.ok(h === undefined || (h >= 100 && h <= 599));
    }),
    budget(4000),
  );
});

test('property: a damaged or re-escaped paste is still explained without a throw, and the key never comes back in full', () => {
  fc.assert(
    fc.property(fc.oneof(damaged, escaped), (text) => {
      const r = explain(text);
      assert.ok(!JSON.stringify(r).includes(KEY), text);
    }),
    budget(3000),
  );
});

test('property: every real paste still reads the same status after one to three layers of escaping', () => {
  for (const paste of PASTES) {
    const plain = observe(paste).status?.code;
    let t = paste;
    for (let i = 0; i < 3; i++) {
      t = JSON.stringify(t).slice(1, -1);
      assert.equal(observe(t).status?.code, plain, `${i + 1} layers: ${t}`);
    }
  }
});

test('a key in no recognisable context (a damaged echo, prose, glued to other letters) is masked too', () => {
  for (const text of [
    `{"status":{"code":11009,"details":"nvalid key(${KEY})"}}`,
    `got 11008 for key ${KEY} this morning`,
    `{"status":{"code":11009,"details":"invalid ke${KEY})"}}`,
  ]) {
    const out = JSON.stringify(explain(text));
    assert.ok(!out.includes(KEY), out);
  }
  assert.match(explain(`{"status":{"code":11009,"details":"nvalid key(${KEY})"}}`).status!.details!, /^nvalid key\(3f9a…00 \(32 chars\)\)$/u);
});
