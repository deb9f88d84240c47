import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../src/checks/env/unclosed-quote.js';
import { describeFixtures, runFixtureDir } from '../fixture-runner.js';

const dir = new URL('./unclosed-quote/', import.meta.url).pathname;
const only = (name: string) => runFixtureDir(dir + name, [check]);

describeFixtures(dir, check);

test('the quote stays in the value, shown visibly and masked', () => {
  const [f] = only('bad.unclosed-double');
  assert.equal(f?.severity, 'error');
  assert.equal(f!.message, 'The " at .env:1:14 is never closed, so dotenv keeps it as part of CLARIFAI_PAT: the value is "3f9a…00 (33 chars), with the quote sent as part of the key.');
  assert.deepEqual(f!.location, { file: '.env', line: 1, column: 14, snippet: 'CLARIFAI_PAT="…' });
});

test('a quote closed lines later swallows the variables in between', () => {
  const [f] = only('bad.swallows-next-lines');
  assert.match(f!.message, /reads lines 1–3 as one value and never sets CLARIFAI_USER_ID, CLARIFAI_APP_ID\./u);
});
