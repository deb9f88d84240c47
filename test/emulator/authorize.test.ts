import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAuthorization } from '../../src/emulator/authorize.js';

const TOKEN = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';

test('exactly "Key <token>" yields the token, whatever characters the token has (format is judged later)', () => {
  assert.deepEqual(parseAuthorization([`Key ${TOKEN}`]), { token: TOKEN });
  assert.deepEqual(parseAuthorization(['Key "quoted"']), { token: '"quoted"' });
  assert.deepEqual(parseAuthorization(['Key None']), { token: 'None' });
});

test('each malformed header gets a reason that says what is wrong, without the token', () => {
  const cases: [string[], RegExp][] = [
    [[], /no Authorization header/u],
    [[`Key ${TOKEN}`, `Key ${TOKEN}`], /2 Authorization values/u],
    [[''], /empty/u],
    [['Key'], /no token after it/u],
    [['Key '], /no token after it/u],
    [[`Key  ${TOKEN}`], /extra spaces/u],
    [[`Key ${TOKEN} `], /extra spaces/u],
    [[`Key\t${TOKEN}`], /not a single space/u],
    [[`key ${TOKEN}`], /scheme word "key"/u],
    [[`KEY ${TOKEN}`], /scheme word "KEY"/u],
    [[`Bearer ${TOKEN}`], /Bearer scheme/u],
    [[`Key${TOKEN}`], /no space between "Key" and the token/u],
    [[`Token ${TOKEN}`], /unknown scheme word/u],
    [[TOKEN], /no scheme word/u],
  ];
  for (const [values, reason] of cases) {
    const parsed = parseAuthorization(values);
    assert.ok('malformed' in parsed, JSON.stringify(values.map((v) => v.length)));
    assert.match(parsed.malformed, reason);
    assert.ok(!parsed.malformed.includes(TOKEN));
  }
});
