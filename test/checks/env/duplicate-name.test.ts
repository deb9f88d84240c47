import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../src/checks/env/duplicate-name.js';
import { describeFixtures, runFixtureDir } from '../fixture-runner.js';

const dir = new URL('./duplicate-name/', import.meta.url).pathname;
const only = (name: string) => runFixtureDir(dir + name, [check]);

describeFixtures(dir, check);

test('says the last one wins and points at it', () => {
  const [f] = only('bad.two-values');
  assert.equal(f?.severity, 'warning');
  assert.equal(f!.message, 'CLARIFAI_PAT is defined 2 times in .env (lines 1, 3) with different values; dotenv keeps the last one, .env:3 (8c1e…00 (32 chars)).');
  assert.deepEqual(f!.location, { file: '.env', line: 3, column: 1 });
  assert.deepEqual(f!.related, [{ file: '.env', line: 1, column: 1 }]);
});
