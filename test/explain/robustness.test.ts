import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { explain, MAX_INPUT_CHARS, type ExplainResult } from '../../src/explain/index.js';
import { Redactor } from '../../src/core/secret.js';
import { CATEGORIES } from '../../src/types/diagnostic.js';

const KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';

function assertWellFormed(r: ExplainResult): void {
  assert.equal(typeof r.recognised, 'boolean');
  assert.equal(typeof r.summary, 'string');
  assert.ok(r.summary.length > 0);
  assert.ok(Array.isArray(r.findings) && Array.isArray(r.notes));
  if (!r.recognised) {
    assert.deepEqual(r.findings, []);
    assert.equal(r.form, 'none');
    assert.equal(r.status, undefined);
  }
  for (const f of r.findings) assert.ok(CATEGORIES.includes(f.category), f.id);
  // The result is plain data: it survives JSON unchanged.
  assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
}

// ---- garbage in: a clear "not recognised", never a crash ----

const GARBAGE: [string, string, RegExp][] = [
  ['empty', '', /input is empty/u],
  ['whitespace only', ' \n\t\r\n ', /input is empty/u],
  ['random prose', 'the quick brown fox jumps over the lazy dog', /Not recognised/u],
  ['binary bytes decoded as UTF-8', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0, 1, 2, 3]).toString('utf8'), /binary/u],
  ['NUL bytes', '\u0000'.repeat(100), /binary/u],
  ['lone surrogates', '\ud800\udc00\ud800 abc \udfff', /Not recognised/u],
  ['a JSON body without a status', '{"outputs":[],"id":"x","code":0}', /Not recognised/u],
  ['an unknown five-digit number', 'order 12345 shipped', /Not recognised/u],
  ['a port number is not a status code', 'listening on api-grpc.clarifai.com:18080', /Not recognised/u],
  ['lower-case enum-like words', 'conn_key_invalid', /Not recognised/u],
  ['a single generic word', 'failure happens', /Not recognised/u],
  ['unbalanced braces and quotes', '{{{{"code": "', /Not recognised/u],
];

for (const [name, text, summary] of GARBAGE) {
  test(`not recognised: ${name}`, () => {
    const r = explain(text);
    assert.equal(r.recognised, false);
    assert.match(r.summary, summary);
    assertWellFormed(r);
  });
}

test('non-string input from JavaScript callers is treated as text, not a crash', () => {
  for (const v of [undefined, null, 11009, { status: { code: 11009 } }]) {
    assertWellFormed(explain(v as unknown as string));
  }
  assert.equal(explain(11009 as unknown as string).status?.code, 11009);
});

test('huge input: only the first MAX_INPUT_CHARS are read, and the result says so', () => {
  const head = '{"status":{"code":11009,"description":"API key not found","details":"invalid key(None)"}}\n';
  const r = explain(head + 'x'.repeat(MAX_INPUT_CHARS * 3));
  assert.equal(r.status?.code, 11009);
  assert.equal(r.findings[0]?.id, 'env/key-not-set');
  assert.ok(r.notes.some((n) => /Only the first 1,000,000 characters/u.test(n)), r.notes.join('\n'));
  // A status beyond the limit is not seen.
  assert.equal(explain('x'.repeat(MAX_INPUT_CHARS) + ' 11009').recognised, false);
});

test('pathological repetitions of the patterns return an answer (regexes stay linear)', () => {
  const n = 100_000;
  for (const text of [
    'code' + ' '.repeat(n),
    'status' + ' '.repeat(n) + 'x',
    'error' + ' '.repeat(n),
    'invalid key('.repeat(n / 10),
    'PAT'.repeat(n),
    'CONN_KEY_'.repeat(n / 5) + 'x',
    '"code": "'.repeat(n / 5),
    'code: 11009, '.repeat(n / 10),
    'Authorization: Key Key '.repeat(n / 20),
    '\\"'.repeat(n),
  ]) {
    assertWellFormed(explain(text));
  }
});

// ---- properties ----

test('property: explain() never throws and always returns well-formed data, on any string', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ maxLength: 400 }), fc.json()), (text) => {
      assertWellFormed(explain(text));
    }),
    { numRuns: 400 },
  );
});

const FRAGMENTS = [
  '{', '}', '"status":', '"code":', ' 11009', ' 11008', '"CONN_KEY_INVALID"', '"description":', '"details":', '"invalid key(',
  KEY, ')"', 'None', "'", '"', '\\', '\n', 'code: ', 'details: ', 'Authorization: ', 'Key ', 'Bearer ', 'HTTP/1.1 401',
  'Unauthorized', 'array: [ ', ', ', 'Must provide app external ID', 'Empty or malformed authorization header', '10010', '21200',
  'StatusCode.', 'CLARIFAI_PAT=', 'getaddrinfo ENOTFOUND ', 'x'.repeat(50),
];

test('property: shuffled fragments of real pastes never crash explain()', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }), (parts) => {
      assertWellFormed(explain(parts.join('')));
    }),
    { numRuns: 500 },
  );
});

// ---- the user's key never comes back in full ----

const PLANTED: [string, string][] = [
  ['echoed in details', `{"status":{"code":11009,"description":"API key not found","details":"invalid key(${KEY})"}}`],
  ['echoed with quotes', `{"status":{"code":11009,"details":"invalid key(\\"${KEY}\\")"}}`],
  ['echoed in free text', `got invalid key(${KEY}) from clarifai`],
  ['echoed in a Python printout', `code: CONN_KEY_NOT_FOUND\ndescription: "API key not found"\ndetails: "invalid key(${KEY})"`],
  ['echoed uppercase', `{"status":{"code":11009,"details":"invalid key(${KEY.toUpperCase()})"}}`],
  ['echoed with a scheme word', `{"status":{"code":11009,"details":"invalid key(Key ${KEY})"}}`],
  ['in a curl header', `curl -H "Authorization: Key ${KEY}" https://api.clarifai.com/v2/models\n401 Unauthorized`],
  ['in a Bearer header', `Authorization: Bearer ${KEY}\n{"status":{"code":11102,"details":"Empty or malformed authorization header. Please provide an API key or session token."}}`],
  ['in Python metadata', `metadata = (('authorization', 'key ${KEY}'),)\ncode: CONN_INVALID_REQUEST`],
  ['in an env assignment', `CLARIFAI_PAT=${KEY}\n11008`],
  ['in a JSON config', `{"pat": "${KEY}", "status": {"code": 11008}}`],
  ['in an escaped log body', `body="{\\"status\\":{\\"code\\":11009,\\"details\\":\\"invalid key(${KEY})\\"}}"`],
];

for (const [name, text] of PLANTED) {
  test(`planted key never printed in full: ${name}`, () => {
    const redactor = new Redactor();
    const r = explain(text, { redactor });
    assert.equal(r.recognised, true, r.summary);
    const out = JSON.stringify(r);
    for (const variant of [KEY, KEY.toUpperCase(), KEY.slice(0, 20), KEY.slice(-20)]) assert.ok(!out.includes(variant), `${variant} leaked: ${out}`);
    // The caller's redactor learned it too, so anything printed later is scrubbed.
    const planted = text.includes(KEY) ? KEY : KEY.toUpperCase();
    assert.ok(!redactor.redact(`leak ${planted} leak`).includes(planted));
  });
}

test('placeholders and missing-value words are shown as they are, not masked', () => {
  const r = explain('{"status":{"code":11009,"details":"invalid key(undefined)"}}');
  assert.equal(r.status?.details, 'invalid key(undefined)');
  assert.match(r.findings[0]!.message, /undefined/u);
  const p = explain('{"status":{"code":11009,"details":"invalid key(YOUR_PAT_HERE)"}}');
  assert.equal(p.status?.details, 'invalid key(YOUR_PAT_HERE)');
});

test('property: a key planted anywhere in a credential context is never returned in full', () => {
  const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 28, maxLength: 28 }).map((s) => `${s}0000`);
  const wrap = fc.constantFrom(
    (k: string) => `{"status":{"code":11009,"details":"invalid key(${k})"}}`,
    (k: string) => `Authorization: Key ${k}\nHTTP/1.1 401 Unauthorized`,
    (k: string) => `details: "invalid key(${k})"\ncode: CONN_KEY_NOT_FOUND`,
    (k: string) => `api_key="${k}" -> 11008`,
  );
  fc.assert(
    fc.property(hex, wrap, fc.string({ maxLength: 40 }), (k, w, noise) => {
      const out = JSON.stringify(explain(`${noise}\n${w(k)}\n${noise}`));
      return !out.includes(k);
    }),
    { numRuns: 300 },
  );
});
