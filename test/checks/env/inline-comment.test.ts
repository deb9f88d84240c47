import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../src/checks/env/inline-comment.js';
import { describeFixtures, runFixtureDir } from '../fixture-runner.js';

const dir = new URL('./inline-comment/', import.meta.url).pathname;
const only = (name: string) => runFixtureDir(dir + name, [check]);

describeFixtures(dir, check);

test('a # inside a key: says what was kept (masked) and how much was cut', () => {
  const [f] = only('bad.hash-inside-key');
  assert.equal(f?.severity, 'error');
  assert.equal(f!.message, 'dotenv cut CLARIFAI_PAT at the # in .env:1:26: it kept 3f9a…7e (12 chars) and dropped 21 characters from the # on, because an unquoted # starts a comment.');
  assert.equal(f!.fix, 'Quote the value in .env:1: CLARIFAI_PAT="…#…"');
});

test('a # inside a non-secret value shows the cut text', () => {
  const [f] = only('bad.hash-inside-app-id');
  assert.match(f!.message, /it kept "team" and dropped "#2"/u);
  assert.equal(f!.fix, 'Quote the value in .env:2: CLARIFAI_APP_ID="team#2"');
});
