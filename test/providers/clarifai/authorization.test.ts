// The one `Key <token>` parser (src/providers/clarifai/authorization.ts) that the header checks and explain share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exactKeyToken, hasKeyScheme, splitAuthorization } from '../../../src/providers/clarifai/authorization.js';
import { readAuthValue, TOKEN } from '../../../src/checks/endpoint/lib/auth-value.js';
import { observe } from '../../../src/explain/parse.js';

const K = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';
const L = 'abcdefabcdefabcdefabcdefabcd0000';

test('only exactly `Key <token>` yields the token', () => {
  assert.equal(exactKeyToken(`Key ${K}`), K);
  for (const bad of [`key ${K}`, `KEY ${K}`, `Key  ${K}`, `Key\t${K}`, `Key${K}`, ` Key ${K}`, `Key ${K} `, `Key ${K} x`, 'Key ', 'Key', K, `Bearer ${K}`, '']) {
    assert.equal(exactKeyToken(bad), undefined, JSON.stringify(bad));
  }
});

test('the split names scheme word, gap and the rest', () => {
  assert.deepEqual(splitAuthorization(`Key  ${K}`), { lead: '', scheme: 'Key', separator: '  ', rest: K });
  assert.deepEqual(splitAuthorization(`  bearer ${L}`), { lead: '  ', scheme: 'bearer', separator: ' ', rest: L });
  // Glued to a scheme word: split there, whether the credential starts with a letter or a digit.
  assert.deepEqual(splitAuthorization(`Key${L}`), { lead: '', scheme: 'Key', separator: '', rest: L });
  assert.deepEqual(splitAuthorization(`KEY${K}`), { lead: '', scheme: 'KEY', separator: '', rest: K });
  // A known word followed by punctuation or by the checks' credential marker.
  assert.deepEqual(splitAuthorization(`Key:${TOKEN}`), { lead: '', scheme: 'Key', separator: '', rest: `:${TOKEN}` });
  assert.deepEqual(splitAuthorization(`Key${TOKEN}`), { lead: '', scheme: 'Key', separator: '', rest: TOKEN });
  // A bare credential, even one that starts with letters, has no scheme word.
  assert.deepEqual(splitAuthorization(L), { lead: '', scheme: '', separator: '', rest: L });
  assert.deepEqual(splitAuthorization(K), { lead: '', scheme: '', separator: '', rest: K });
  assert.equal(hasKeyScheme(splitAuthorization(`Key ${K}`)), true);
  assert.equal(hasKeyScheme(splitAuthorization(`Key${K}`)), false);
});

test('the header checks and explain read the same value the same way', () => {
  for (const [value, scheme, separator] of [
    [`Key ${L}`, 'Key', ' '],
    [`key ${L}`, 'key', ' '],
    [`Key  ${L}`, 'Key', '  '],
    [`Key${L}`, 'Key', ''],
    [`Bearer ${L}`, 'Bearer', ' '],
    [L, '', ''],
  ] as const) {
    const pasted = observe(`Authorization: ${value}`).authorization;
    assert.deepEqual(pasted && { scheme: pasted.scheme, separator: pasted.separator, token: pasted.token }, { scheme, separator, token: L }, value);
    // The checks see code templates, the credential as a hole: the same scheme and gap come out.
    const template = value.replace(L, '${process.env.CLARIFAI_PAT}');
    const checked = readAuthValue(template);
    assert.deepEqual({ scheme: checked.word, separator: checked.gap, rest: checked.rest }, { scheme, separator, rest: TOKEN }, template);
  }
});
