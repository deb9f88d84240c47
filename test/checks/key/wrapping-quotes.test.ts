import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../src/checks/key/wrapping-quotes.js';
import { describeFixtures, runFixtureDir } from '../fixture-runner.js';

const dir = new URL('./wrapping-quotes/', import.meta.url).pathname;
const only = (name: string) => runFixtureDir(dir + name, [check]);

describeFixtures(dir, check);

test('names curly quotes by code point and position', () => {
  const [f] = only('bad.curly-double');
  assert.match(f!.message, /typographic \(curly\) quotes.*U\+201C LEFT DOUBLE QUOTATION MARK at position 1, U\+201D RIGHT DOUBLE QUOTATION MARK at position 34/u);
  assert.match(f!.fix, /In \.env line 1, write CLARIFAI_PAT=3f9a…00/u);
});

test('a single stray quote is called unmatched', () => {
  assert.match(only('bad.stray-closing')[0]!.message, /a stray quote that has no partner/u);
});

test('quotes in a shell value mention docker --env-file', () => {
  assert.match(only('bad.shell-docker-env-file')[0]!.fix, /docker --env-file/u);
});

