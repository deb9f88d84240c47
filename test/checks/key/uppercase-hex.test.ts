import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../src/checks/key/uppercase-hex.js';
import { describeFixtures, runFixtureDir } from '../fixture-runner.js';

const dir = new URL('./uppercase-hex/', import.meta.url).pathname;
const only = (name: string) => runFixtureDir(dir + name, [check]);

describeFixtures(dir, check);

test('is an honest warning: uppercase acceptance is unknown', () => {
  const [f] = only('bad.all-uppercase');
  assert.equal(f?.severity, 'warning');
  assert.match(f!.message, /all uppercase; every Clarifai key observed is lowercase and it is not known whether the API accepts uppercase/u);
  assert.match(f!.fix, /write CLARIFAI_PAT=3f9a…00 \(the full key\) in lowercase/u);
});

test('a shell value gets a tr command', () => {
  assert.match(only('bad.shell-uppercase')[0]!.fix, /tr 'A-F' 'a-f'/u);
});

