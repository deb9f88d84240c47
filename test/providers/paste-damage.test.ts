// Copy-paste damage is defined once: the live "cleaned value" candidate, the key checks and the redactor agree on every wrapper.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { secretVariants } from '../../src/core/secret.js';
import { visibleMask } from '../../src/core/visible.js';
import { cleanValue } from '../../src/live/candidates.js';
import { analyzeKeyValue, WRAPPER_CHARACTERS } from '../../src/providers/clarifai/key-format.js';

const KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';
const CLOSE: Record<string, string> = { '“': '”', '‘': '’', '„': '“', '‚': '‘', '«': '»', '‹': '›', '<': '>' };

/** Every kind of damage the key checks know: each wrapper, each invisible character, whitespace, a scheme word. */
const damaged: string[] = [
  ...[...WRAPPER_CHARACTERS].map((w) => `${w}${KEY}${CLOSE[w] ?? w}`),
  ...['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00a0', '\u00ad', '\u202e', '\u180e', '\u2066'].flatMap((c) => [`${c}${KEY}`, `${KEY}${c}`, `${KEY.slice(0, 10)}${c}${KEY.slice(10)}`]),
  `${KEY}\n`, `${KEY}\r\n`, ` ${KEY} `, `\t${KEY}`, `${KEY.slice(0, 16)} ${KEY.slice(16)}`,
  `Key ${KEY}`, `Bearer ${KEY}`, `Authorization: Key ${KEY}`, `"Key ${KEY}"\n`, `＂${KEY}＂`, `‹${KEY}›`, `<${KEY}>`,
];

test('for every kind of damage the key checks find, the cleaned live candidate is exactly the key', () => {
  for (const raw of damaged) {
    const a = analyzeKeyValue(raw);
    assert.equal(a.cleaned, KEY, `the key checks do not undo ${JSON.stringify(raw)}`);
    const candidate = cleanValue(raw);
    assert.ok(candidate, `no cleaned candidate for ${JSON.stringify(raw)}`);
    assert.equal(candidate.value, KEY, `cleaned candidate for ${JSON.stringify(raw)} is ${JSON.stringify(candidate.value)}`);
    assert.ok(candidate.change.length > 0);
    assert.ok(secretVariants(raw).includes(KEY), `the redactor would not recognise the key inside ${JSON.stringify(raw)}`);
    assert.ok(!visibleMask(raw).includes(KEY.slice(4, 30)), `the visible mask shows the key for ${JSON.stringify(raw)}`);
  }
});

test('an undamaged key has no candidate; look-alikes are not guessed into the cleaned value', () => {
  assert.equal(cleanValue(KEY), undefined);
  const withLookalike = KEY.replace('0', 'О'); // Cyrillic O
  assert.equal(analyzeKeyValue(withLookalike).cleaned, withLookalike);
  assert.equal(cleanValue(withLookalike), undefined);
});
