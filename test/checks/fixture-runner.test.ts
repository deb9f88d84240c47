import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Check } from '../../src/types/check.js';
import { defineCheck, finding } from '../../src/types/check.js';
import { describeFixtures, runFixtureDir } from './fixture-runner.js';

const here = join(fileURLToPath(import.meta.url), '..', 'fixture-runner');

/** Reports whenever CLARIFAI_PAT is set, wherever from: enough to exercise the runner. */
const patIsSet: Check = defineCheck({
  meta: { id: 'key/test-pat-is-set', category: 'key', severity: 'info', title: 'PAT set', description: 'test only' },
  requires: ['env'],
  run: ({ evidence }) => {
    const winner = evidence.env.variables.get('CLARIFAI_PAT')?.winner;
    return winner ? [finding(patIsSet.meta, { message: 'CLARIFAI_PAT is set.', fix: 'Nothing.', location: winner.location })] : [];
  },
});

describeFixtures(here, patIsSet);

test('runFixtureDir reads the .env and locates the definition by line', () => {
  const [f] = runFixtureDir(join(here, 'bad.set'), [patIsSet]);
  assert.deepEqual(f?.location, { env: 'CLARIFAI_PAT', source: '.env', line: 1 });
});

test('runFixtureDir injects env.json as the shell and never reads process.env', () => {
  process.env.CLARIFAI_PAT = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';
  try {
    assert.deepEqual(runFixtureDir(join(here, 'good.unset'), [patIsSet]), []);
  } finally {
    delete process.env.CLARIFAI_PAT;
  }
});
