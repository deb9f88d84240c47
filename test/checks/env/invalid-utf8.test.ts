import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../src/checks/env/invalid-utf8.js';
import { describeFixtures, runFixtureDir } from '../fixture-runner.js';

const dir = new URL('./invalid-utf8/', import.meta.url).pathname;
const only = (name: string) => runFixtureDir(dir + name, [check]);

describeFixtures(dir, check);

test('shows the replacement character in the masked value', () => {
  const [f] = only('bad.latin1-value');
  assert.equal(f?.severity, 'error');
  assert.match(f!.message, /^CLARIFAI_PAT in \.env:1 contains a byte that is not UTF-8/u);
  assert.match(f!.fix, /Re-save \.env as UTF-8/u);
});

test('a non-secret value is shown with the odd character spelled out', () => {
  const [f] = only('bad.windows-1252-app-id');
  assert.match(f!.message, /"caf⟨U\+FFFD⟩"/u);
});
