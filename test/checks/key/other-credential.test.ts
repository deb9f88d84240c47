import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../src/checks/key/other-credential.js';
import { describeFixtures, runFixtureDir } from '../fixture-runner.js';

const dir = new URL('./other-credential/', import.meta.url).pathname;
const only = (name: string) => runFixtureDir(dir + name, [check]);

describeFixtures(dir, check);

test('names the kind of credential and where it belongs', () => {
  const [f] = only('bad.openai');
  assert.equal(f?.severity, 'error');
  assert.match(f!.message, /an OpenAI API key \(sk-…\), not a Clarifai key/u);
  assert.match(f!.fix, /OPENAI_API_KEY/u);
});

test('a short name is taken for a user or app id', () => {
  const [f] = only('bad.app-id');
  assert.match(f!.message, /a user id or app id/u);
  assert.match(f!.fix, /CLARIFAI_APP_ID/u);
});

test('a legacy 40-character app secret is recognised', () => {
  assert.match(only('bad.legacy-app-secret')[0]!.message, /legacy Clarifai app secret/u);
});

