import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../src/checks/key/placeholder.js';
import { describeFixtures, runFixtureDir } from '../fixture-runner.js';

const dir = new URL('./placeholder/', import.meta.url).pathname;
const only = (name: string) => runFixtureDir(dir + name, [check]);

describeFixtures(dir, check);

test('names the missing-value word and says where to get a PAT', () => {
  const [f] = only('bad.none-from-python');
  assert.equal(f?.severity, 'error');
  assert.match(f!.message, /CLARIFAI_PAT in the shell environment .*the word None, what Python prints/u);
  assert.match(f!.fix, /clarifai\.com\/me\/settings\/secrets/u);
});

test('an empty value says so and points at the line', () => {
  const [f] = only('bad.empty');
  assert.match(f!.message, /^CLARIFAI_PAT in \.env line 1 is empty\.$/u);
  assert.deepEqual(f!.location, { env: 'CLARIFAI_PAT', source: '.env', line: 1 });
});

test('an unexpanded reference mentions dotenv-expand', () => {
  const [f] = only('bad.unexpanded-reference');
  assert.match(f!.message, /never expanded/u);
  assert.match(f!.fix, /dotenv-expand/u);
});

test('a losing placeholder is a warning that says it is not the value sent', () => {
  const [f] = only('bad.losing-definition');
  assert.equal(f?.severity, 'warning');
  assert.match(f!.message, /not the value sent \(the shell environment wins\)/u);
  assert.deepEqual(f!.related, [{ env: 'CLARIFAI_PAT', source: 'shell' }]);
});

