import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '../../../src/checks/env/file-not-loaded.js';
import { describeFixtures, runFixtureDir } from '../fixture-runner.js';

const dir = new URL('./file-not-loaded/', import.meta.url).pathname;
const only = (name: string) => runFixtureDir(dir + name, [check]);
const KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';

describeFixtures(dir, check);

test('a file without the leading dot: says why and how to rename it', () => {
  const [f] = only('bad.no-leading-dot');
  assert.equal(f?.severity, 'error');
  assert.equal(f!.message, 'CLARIFAI_PAT is defined in env:1, but the app never loads that file: "env" is not ".env" (missing the leading dot?).');
  assert.match(f!.fix, /^Rename it: mv env \.env/u);
  assert.deepEqual(f!.location, { file: 'env', line: 1, column: 1 });
});

test('.env.txt is called a copy, not an environment', () => {
  const [f] = only('bad.txt-extension');
  assert.match(f!.message, /dotenv reads "\.env", not "\.env\.txt" \(saved with an extra extension\?\)/u);
});

test('.env.production without NODE_ENV suggests NODE_ENV=production', () => {
  const [f] = only('bad.production-without-node-env');
  assert.match(f!.message, /only when NODE_ENV=production \(NODE_ENV is not set\)/u);
  assert.match(f!.fix, /NODE_ENV=production/u);
});

test('a real key in an example file: copy it, keep only placeholders in the example', () => {
  const [f] = only('bad.example-with-real-key');
  assert.match(f!.fix, /^Copy it: cp \.env\.example \.env/u);
});

test('".env " with a trailing space and a parent folder .env are both explained', () => {
  const root = mkdtempSync(join(tmpdir(), 'kd-not-loaded-'));
  try {
    const project = join(root, 'app');
    mkdirSync(project);
    writeFileSync(join(project, '.env '), `CLARIFAI_PAT=${KEY}\n`);
    let [f] = runFixtureDir(project, [check]);
    assert.match(f!.message, /trailing whitespace/u);
    assert.match(f!.fix, /mv '\.env ' \.env/u);
    rmSync(join(project, '.env '));
    writeFileSync(join(root, '.env'), `CLARIFAI_PAT=${KEY}\n`);
    [f] = runFixtureDir(project, [check]);
    assert.match(f!.message, /^CLARIFAI_PAT is defined in \.\.\/\.env:1, but the app never loads that file: dotenv reads \.env from the working folder only/u);
    assert.match(f!.fix, /dotenv\.config\(\{ path: '\.\.\/\.env' \}\)/u);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('is only a warning when another credential reaches the app', () => {
  const root = mkdtempSync(join(tmpdir(), 'kd-not-loaded-'));
  try {
    writeFileSync(join(root, '.env'), `CLARIFAI_PAT=${KEY}\n`);
    writeFileSync(join(root, 'env'), `CLARIFAI_API_KEY=8c1e5b7a2d4f6093a1b2c3d4e5f60000\n`);
    const [f] = runFixtureDir(root, [check]);
    assert.equal(f?.severity, 'warning');
    assert.match(f!.message, /^CLARIFAI_API_KEY is defined in env:1/u);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
