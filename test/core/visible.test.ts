import { test } from 'node:test';
import assert from 'node:assert/strict';
import { visibleMask } from '../../src/core/visible.js';

const KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';

test('a pasted scheme word is shown as typed, since it is not secret', () => {
  assert.equal(visibleMask(`Bearer ${KEY}`), 'Bearer␠3f9a…00 (39 chars)');
  assert.equal(visibleMask(`"key ${KEY}"`), '"key␠3f9a…00" (38 chars)');
});

test('long runs of one edge character are counted, not repeated', () => {
  assert.equal(visibleMask(`${KEY}${' '.repeat(40)}`), '3f9a…00␠×40 (72 chars)');
  assert.equal(visibleMask(`${KEY}\r\n\r\n`), '3f9a…00␍⏎␍⏎ (36 chars)');
});

test('curly and angle quotes at the edges are shown as themselves', () => {
  assert.equal(visibleMask(`<${KEY}>`), '<3f9a…00> (34 chars)');
  assert.equal(visibleMask(`‚${KEY}‘`), '‚3f9a…00‘ (34 chars)');
});

test('the middle of the value never shows', () => {
  const out = visibleMask(`Key ${KEY}\u200B`);
  assert.ok(!out.includes(KEY.slice(4, 30)));
});
