import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '../../../src/checks/env/ignored-line.js';
import { describeFixtures, runFixtureDir } from '../fixture-runner.js';

const dir = new URL('./ignored-line/', import.meta.url).pathname;
const only = (name: string) => runFixtureDir(dir + name, [check]);

describeFixtures(dir, check);

test('a quoted name: points at file:line:column, shows what dotenv made of it, and never the value', () => {
  const [f] = only('bad.quoted-name');
  assert.equal(f?.severity, 'error');
  assert.equal(
    f!.message,
    'dotenv skips .env:1 (export "CLARIFAI_API_KEY"=…): the name is in quotes, and dotenv names cannot be quoted; dotenv sets nothing from it, so CLARIFAI_API_KEY is never set.',
  );
  assert.deepEqual(f!.location, { file: '.env', line: 1, column: 1, snippet: 'export "CLARIFAI_API_KEY"= …' });
  assert.match(f!.fix, /CLARIFAI_API_KEY=<the same value>/u);
});

test('shell syntax is named as such', () => {
  assert.match(only('bad.windows-set')[0]!.message, /Windows cmd set command/u);
  assert.match(only('bad.powershell')[0]!.message, /PowerShell syntax/u);
  assert.match(only('bad.fish')[0]!.message, /fish shell syntax/u);
});

test('exportNAME without a space: dotenv reads another name, and the finding says which', () => {
  const [f] = only('bad.export-without-space');
  assert.match(f!.message, /as the variable exportCLARIFAI_PAT, not CLARIFAI_PAT/u);
});

test('a file full of problems shows ten and counts the rest', () => {
  const root = mkdtempSync(join(tmpdir(), 'kd-ignored-many-'));
  try {
    writeFileSync(join(root, '.env'), Array.from({ length: 50 }, (_, i) => `set SERVICE_${i}_KEY=value${i}`).join('\n'));
    const findings = runFixtureDir(root, [check]);
    assert.equal(findings.length, 11);
    assert.equal(findings.at(-1)!.severity, 'info');
    assert.match(findings.at(-1)!.message, /^40 more env\/ignored-line findings in \.env are not shown/u);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
