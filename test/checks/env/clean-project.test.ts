// No false alarms: a healthy project written in every style dotenv accepts gives no env finding at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { envChecks } from '../../../src/checks/env/index.js';
import { runFixtureDir } from '../fixture-runner.js';

const KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';

test('a BOM, CRLF line endings, comments, export, quotes and spaces around = give no env finding', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kd-clean-'));
  try {
    const lines = [
      '\uFEFF# Clarifai settings',
      '',
      `export CLARIFAI_PAT="${KEY}"   # personal access token`,
      "CLARIFAI_USER_ID = 'someone'",
      'CLARIFAI_APP_ID: my-app',
      'CLARIFAI_API_BASE=https://api.clarifai.com',
      'GREETING="hello # not a comment"',
    ];
    writeFileSync(join(dir, '.env'), `${lines.join('\r\n')}\r\n`);
    writeFileSync(join(dir, '.env.example'), 'CLARIFAI_PAT=your_pat_here\r\nCLARIFAI_USER_ID=\r\n');
    assert.deepEqual(runFixtureDir(dir, envChecks), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
