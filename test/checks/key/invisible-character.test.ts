import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../src/checks/key/invisible-character.js';
import { describeFixtures, runFixtureDir } from '../fixture-runner.js';

const dir = new URL('./invisible-character/', import.meta.url).pathname;
const only = (name: string) => runFixtureDir(dir + name, [check]);

describeFixtures(dir, check);

test('names the invisible character and its position', () => {
  const [f] = only('bad.zero-width-space');
  assert.equal(f?.severity, 'error');
  assert.match(f!.message, /an invisible character: U\+200B ZERO WIDTH SPACE at position 17/u);
});

test('shows an invisible character at the edge in the masked value', () => {
  assert.match(only('bad.trailing-zero-width-space')[0]!.message, /\(3f9a…00⟨U\+200B⟩, 33 chars\)/u);
});

test('bidi controls are named', () => {
  assert.match(only('bad.right-to-left-override')[0]!.message, /U\+202E RIGHT-TO-LEFT OVERRIDE at position 9/u);
  assert.match(only('bad.left-to-right-isolate')[0]!.message, /2 invisible characters: U\+2066 LEFT-TO-RIGHT ISOLATE at position 1, U\+2069 POP DIRECTIONAL ISOLATE at position 34/u);
});

