import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../src/checks/env/no-credential.js';
import { describeFixtures, runFixtureDir } from '../fixture-runner.js';

const dir = new URL('./no-credential/', import.meta.url).pathname;
const only = (name: string) => runFixtureDir(dir + name, [check]);

describeFixtures(dir, check);

test('names every credential variable and every loaded file it looked in', () => {
  const [f] = only('bad.only-ids');
  assert.equal(f?.severity, 'error');
  assert.match(f!.message, /none of CLARIFAI_PAT, CLARIFAI_API_KEY, CLARIFAI_SESSION_TOKEN is defined in the shell environment or in \.env\./u);
  assert.match(f!.fix, /CLARIFAI_PAT=<your PAT> to \.env/u);
});

test('says when there is no .env file at all', () => {
  const [f] = only('bad.nothing-anywhere');
  assert.match(f!.message, /there is no readable \.env file/u);
});
