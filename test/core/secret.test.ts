import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { mask, Redactor, Secret } from '../../src/core/secret.js';
import { visibleMask } from '../../src/core/visible.js';

const KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';

test('mask shows first 4, last 2 and the length; short values reveal nothing', () => {
  assert.equal(mask(KEY), '3f9a…00 (32 chars)');
  assert.equal(mask('abc'), '…(3 chars)');
  assert.equal(mask(''), '(empty)');
});

test('a Secret never renders its value through toString, JSON or inspect', () => {
  const s = new Secret(KEY);
  for (const rendered of [String(s), JSON.stringify({ s }), inspect(s), `${s}`]) assert.ok(!rendered.includes(KEY), rendered);
  assert.equal(s.reveal(), KEY);
});

test('the redactor scrubs the value, its trimmed and unquoted forms', () => {
  const r = new Redactor();
  r.add(`"Key ${KEY}\n"`);
  const out = r.redact(`sent Authorization: Key ${KEY} and "${KEY}"`);
  assert.ok(!out.includes(KEY), out);
  assert.match(out, /3f9a…00 \(32 chars\)/u);
});

test('visibleMask spells out invisible and whitespace characters at the edges', () => {
  assert.equal(visibleMask(`${KEY}\u200B`), '3f9a…00⟨U+200B⟩ (33 chars)');
  assert.equal(visibleMask(`${KEY}\n`), '3f9a…00⏎ (33 chars)');
  assert.equal(visibleMask(`“${KEY}”`), '“3f9a…00” (34 chars)');
});

test('the redactor scrubs a multi-megabyte value without building a pattern that size', () => {
  const r = new Redactor();
  const huge = `3f9a${'0'.repeat(3_000_000)}`;
  r.add(huge);
  r.add('3f9a6d0c8b7e4a2190f1c3d5e7b90000');
  const out = r.redact(`a ${huge} b 3f9a6d0c8b7e4a2190f1c3d5e7b90000 c`);
  assert.equal(out, 'a 3f9a…00 (3000004 chars) b 3f9a…00 (32 chars) c');
});
