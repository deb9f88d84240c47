import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../src/checks/env/shadowed.js';
import { describeFixtures, runFixtureDir } from '../fixture-runner.js';

const dir = new URL('./shadowed/', import.meta.url).pathname;
const only = (name: string) => runFixtureDir(dir + name, [check]);

describeFixtures(dir, check);

test('shell beats .env: names both sources, says the shell wins and that override: true would pick the file', () => {
  const [f] = only('bad.shell-beats-dotenv');
  assert.equal(f?.severity, 'warning');
  assert.match(f!.message, /^CLARIFAI_PAT is set in the shell environment \(8c1e…00 \(32 chars\)\) and differently in \.env:1 \(3f9a…00 \(32 chars\)\); the shell value wins/u);
  assert.match(f!.message, /override: true \}\) \.env:1 would win/u);
  assert.match(f!.fix, /unset CLARIFAI_PAT/u);
  assert.deepEqual(f!.location, { env: 'CLARIFAI_PAT', source: 'shell' });
  assert.deepEqual(f!.related, [{ env: 'CLARIFAI_PAT', source: '.env', line: 1 }]);
});

test('.env.local beats .env', () => {
  const [f] = only('bad.local-beats-env');
  assert.match(f!.message, /^CLARIFAI_PAT is defined in \.env\.local:1 .* and differently in \.env:1 .*; \.env\.local wins because it is loaded first/u);
});

test('the same value in the shell and a file is only a note', () => {
  const [f] = only('bad.same-value-in-both');
  assert.equal(f?.severity, 'info');
  assert.match(f!.message, /with the same value/u);
});
