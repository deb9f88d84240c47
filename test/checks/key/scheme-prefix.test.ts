import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../src/checks/key/scheme-prefix.js';
import { describeFixtures, runFixtureDir } from '../fixture-runner.js';

const dir = new URL('./scheme-prefix/', import.meta.url).pathname;
const only = (name: string) => runFixtureDir(dir + name, [check]);

describeFixtures(dir, check);

test('names the pasted word and what would be sent', () => {
  const [f] = only('bad.bearer-lowercase');
  assert.match(f!.message, /\(bearer␠3f9a…00, 39 chars\) starts with "bearer"/u);
  assert.match(f!.fix, /write CLARIFAI_PAT=3f9a…00 \(the full key\) without "bearer" in front .*"Key bearer …"/u);
});

test('a whole pasted header line is recognised', () => {
  assert.match(only('bad.authorization-header')[0]!.message, /starts with "Authorization: Key"/u);
});

