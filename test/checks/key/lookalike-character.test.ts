import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../src/checks/key/lookalike-character.js';
import { describeFixtures, runFixtureDir } from '../fixture-runner.js';

const dir = new URL('./lookalike-character/', import.meta.url).pathname;
const only = (name: string) => runFixtureDir(dir + name, [check]);

describeFixtures(dir, check);

test('names the look-alike, its position and the letter it imitates', () => {
  const [f] = only('bad.cyrillic-a');
  assert.equal(f?.severity, 'error');
  assert.match(f!.message, /U\+0430 CYRILLIC SMALL LETTER A at position 4, which looks like "a"/u);
  assert.match(f!.fix, /retyping the 4th character/u);
});

test('fullwidth digits are named', () => {
  assert.match(only('bad.fullwidth-digit')[0]!.message, /U\+FF13 FULLWIDTH DIGIT THREE at position 1/u);
});

