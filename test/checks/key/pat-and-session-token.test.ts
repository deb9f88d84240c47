import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../src/checks/key/pat-and-session-token.js';
import { describeFixtures, runFixtureDir } from '../fixture-runner.js';

const dir = new URL('./pat-and-session-token/', import.meta.url).pathname;
const only = (name: string) => runFixtureDir(dir + name, [check]);

describeFixtures(dir, check);

test('points at the session token and relates the PAT', () => {
  const [f] = only('bad.session-in-shell');
  assert.equal(f?.severity, 'error');
  assert.deepEqual(f!.location, { env: 'CLARIFAI_SESSION_TOKEN', source: 'shell' });
  assert.deepEqual(f!.related, [{ env: 'CLARIFAI_PAT', source: '.env', line: 1 }]);
  assert.match(f!.fix, /unset CLARIFAI_SESSION_TOKEN/u);
});

