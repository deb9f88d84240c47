import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../src/checks/key/whitespace.js';
import { describeFixtures, runFixtureDir } from '../fixture-runner.js';

const dir = new URL('./whitespace/', import.meta.url).pathname;
const only = (name: string) => runFixtureDir(dir + name, [check]);

describeFixtures(dir, check);

test('a trailing line break from the shell suggests printf instead of echo', () => {
  const [f] = only('bad.shell-echo-newline');
  assert.equal(f?.severity, 'error');
  assert.match(f!.message, /CLARIFAI_PAT in the shell environment \(3f9a…00⏎, 33 chars\) ends with a line break/u);
  assert.match(f!.fix, /printf '%s' instead of echo/u);
});

test('a carriage return points at Windows line endings', () => {
  const [f] = only('bad.shell-crlf');
  assert.match(f!.message, /ends with a carriage return \(\\r\) and a line break/u);
  assert.match(f!.fix, /tr -d/u);
});

test('a split key names the position of the break', () => {
  assert.match(only('bad.internal-space')[0]!.message, /has a space inside it at position 17/u);
});

test('trailing spaces alone are a warning, since HTTP servers usually trim them', () => {
  const [f] = only('bad.trailing-spaces-quoted');
  assert.equal(f?.severity, 'warning');
  assert.match(f!.message, /ends with 2 spaces; HTTP servers usually trim this/u);
});

test('a losing definition is a warning naming the winner', () => {
  const [f] = only('bad.losing-definition');
  assert.equal(f?.severity, 'warning');
  assert.match(f!.message, /not the value sent \(\.env\.local line 1 wins\)/u);
});

