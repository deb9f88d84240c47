import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeKeyValue, charLabel, describeChars, hasKeyShape, ordinal } from '../../../src/providers/clarifai/key-format.js';

const KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';

test('a clean key has nothing to report', () => {
  const a = analyzeKeyValue(KEY);
  assert.equal(a.core, KEY);
  assert.equal(a.identity, undefined);
  for (const list of [a.leadingWhitespace, a.trailingWhitespace, a.internalWhitespace, a.invisible, a.wrappers, a.lookalikes, a.nonHex]) assert.deepEqual(list, []);
  assert.ok(hasKeyShape(a));
});

test('peels layers in any order and recovers the key: quotes, whitespace, invisible characters, a scheme word', () => {
  const a = analyzeKeyValue(` “Bearer \u200B'${KEY}'\u00A0”\r\n`);
  assert.equal(a.core, KEY);
  assert.equal(a.scheme, 'Bearer');
  assert.deepEqual(a.leadingWhitespace.map((c) => c.position), [1]);
  assert.deepEqual(a.trailingWhitespace.map((c) => c.char), ['\r', '\n']);
  assert.deepEqual(a.invisible.map((c) => c.label), ['U+200B ZERO WIDTH SPACE', 'U+00A0 NO-BREAK SPACE']);
  assert.equal(a.wrappers.length, 4);
});

test('look-alikes are named and replaced by what they stand for in a hex key', () => {
  const a = analyzeKeyValue(`3f9\u0430${KEY.slice(4, -1)}\u043E`);
  assert.deepEqual(a.lookalikes.map((c) => [c.label, c.position, c.looksLike]), [
    ['U+0430 CYRILLIC SMALL LETTER A', 4, 'a'],
    ['U+043E CYRILLIC SMALL LETTER O', 32, 'o'],
  ]);
  // Hex has no letter o: a Cyrillic о in a key can only have been a zero.
  assert.equal(a.core, KEY);
  assert.deepEqual(a.nonHex, []);
});

test('placeholders are recognised', () => {
  for (const v of ['', '   ', 'your_pat_here', '<PAT>', 'YOUR_CLARIFAI_PAT', 'xxxxxxxx', 'xxxx-xxxx', '***', 'changeme', 'None', 'undefined', 'null', '...', '…', 'TODO', 'replace-me', '${CLARIFAI_PAT}', '{{ pat }}', '%PAT%', 'CLARIFAI_PAT', 'insert_your_api_key_here', '[YOUR_KEY]', '00000000000000000000000000000000']) {
    assert.equal(analyzeKeyValue(v).identity?.kind, 'placeholder', JSON.stringify(v));
  }
});

test('other credentials are recognised, and keys and cut-off keys are not', () => {
  const cases: [string, RegExp][] = [
    ['sk-proj-FAKEfakeFAKEfake0000', /OpenAI/u],
    ['sk-ant-api03-FAKEfakeFAKEfake0000', /Anthropic/u],
    ['ghp_FAKEfakeFAKEfakeFAKEfake0000', /GitHub/u],
    ['github_pat_FAKEfakeFAKEfake_0000', /GitHub/u],
    ['AKIAFAKEFAKE00000000', /AWS/u],
    ['eyJhbGciOiJub25lIn0.eyJmYWtlIjp0cnVlfQ.', /JWT/u],
    ['xoxb-0000-0000-FAKEfake', /Slack/u],
    ['AIzaFAKEfakeFAKEfakeFAKEfakeFAKEfake000', /Google/u],
    ['hf_FAKEfakeFAKEfakeFAKE0000', /Hugging Face/u],
    ['3f9a6d0c-8b7e-4a21-90f1-c3d5e7b90000', /UUID/u],
    ['https://api.clarifai.com/v2', /URL/u],
    ['my-first-app', /user id or app id/u],
    ['main', /user id or app id/u],
    ['Fake_Legacy-AppSecret0000fake0000FAKE000', /legacy Clarifai app secret/u],
  ];
  for (const [v, label] of cases) {
    const id = analyzeKeyValue(v).identity;
    assert.equal(id?.kind, 'credential', v);
    assert.match(id.label, label);
  }
  for (const v of [KEY, KEY.slice(0, 12), 'deadbeef', KEY.toUpperCase(), `${KEY}${KEY.slice(0, 8)}`]) assert.equal(analyzeKeyValue(v).identity, undefined, v);
});

test('session tokens: only unmistakable foreign credentials count, since their own format is unknown', () => {
  assert.equal(analyzeKeyValue('eyJhbGciOiJub25lIn0.eyJmYWtlIjp0cnVlfQ.', { sessionToken: true }).identity, undefined);
  assert.equal(analyzeKeyValue('short-session-id', { sessionToken: true }).identity, undefined);
  assert.equal(analyzeKeyValue('sk-proj-FAKEfakeFAKEfake0000', { sessionToken: true }).identity?.kind, 'credential');
});

test('any copy-paste damage around a key is peeled off, and the key is recovered', () => {
  const junk = fc.constantFrom(' ', '\t', '\n', '\r', '\u200B', '\uFEFF', '\u00A0', '\u2060', '\u202E', '"', "'", '`', '“', '”', '‘', '’', '«', '»');
  const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 });
  fc.assert(
    fc.property(hex, fc.array(junk, { maxLength: 6 }), fc.array(junk, { maxLength: 6 }), fc.constantFrom('', 'Key ', 'Bearer ', 'bearer\t'), (key, before, after, scheme) => {
      fc.pre(!/^(.)\1+$/u.test(key));
      const a = analyzeKeyValue(`${before.join('')}${scheme}${key}${after.join('')}`);
      assert.equal(a.core, key);
      assert.equal(a.identity, undefined);
      assert.equal(a.scheme !== undefined, scheme !== '');
    }),
  );
});

test('never throws on arbitrary text, and every position it reports is inside the value', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 80 }), (s) => {
      const a = analyzeKeyValue(s);
      for (const c of [...a.leadingWhitespace, ...a.trailingWhitespace, ...a.internalWhitespace, ...a.invisible, ...a.wrappers, ...a.lookalikes, ...a.nonHex]) {
        assert.ok(c.position >= 1 && c.position <= a.length);
        assert.equal([...s][c.position - 1], c.char);
      }
    }),
  );
});

test('a huge value costs bounded work, and descriptions stay short', () => {
  const a = analyzeKeyValue(`${KEY}${'\u200B'.repeat(200_000)}`);
  // Issue #16 item 10: the analysis of one value is bounded (a key is tens of characters, not hundreds of thousands).
  assert.ok(a.invisible.length > 0 && a.invisible.length < 10_000, String(a.invisible.length));
  const described = describeChars(a.invisible);
  assert.match(described, /^U\+200B ZERO WIDTH SPACE at position 33, U\+200B ZERO WIDTH SPACE at position 34, U\+200B ZERO WIDTH SPACE at position 35, \d+ more$/u);
});

test('labels and ordinals', () => {
  assert.equal(charLabel('\uFEFF'), 'U+FEFF ZERO WIDTH NO-BREAK SPACE (byte order mark)');
  assert.equal(charLabel('\uFF10'), 'U+FF10 FULLWIDTH DIGIT ZERO');
  assert.equal(charLabel('\u0007'), 'U+0007 (a control character)');
  assert.equal(charLabel('\u{E0041}'), 'U+E0041 (an invisible format character)');
  assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map(ordinal), ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st']);
});
