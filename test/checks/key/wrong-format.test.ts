import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../src/checks/key/wrong-format.js';
import { describeFixtures, runFixtureDir } from '../fixture-runner.js';

const dir = new URL('./wrong-format/', import.meta.url).pathname;
const only = (name: string) => runFixtureDir(dir + name, [check]);

describeFixtures(dir, check);

test('says how far off the length is', () => {
  assert.match(only('bad.one-short')[0]!.message, /is 31 characters, 1 short of the 32 a Clarifai key has/u);
  assert.match(only('bad.one-long')[0]!.message, /is 33 characters, 1 more than the 32/u);
});

test('counts without the quotes when quotes were also pasted', () => {
  assert.match(only('bad.quoted-and-short')[0]!.message, /is 30 characters without the quotes, 2 short/u);
});

test('names the non-hex character and its position', () => {
  assert.match(only('bad.non-hex-letter')[0]!.message, /not hexadecimal \(0-9, a-f\): "g" at position 7/u);
});

test('recognises two keys pasted together and hash lengths', () => {
  assert.match(only('bad.two-keys-joined')[0]!.fix, /two keys pasted together/u);
  assert.match(only('bad.sha1-length')[0]!.fix, /SHA-1/u);
});

