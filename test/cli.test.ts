import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from './helpers/cli.js';

test('--version prints the package version', async () => {
  const r = await runCli(['--version']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^\d+\.\d+\.\d+\n$/u);
});

test('--help lists every command and the exit codes', async () => {
  const r = await runCli(['--help']);
  assert.equal(r.code, 0);
  for (const c of ['check', 'env', 'explain', 'demo']) assert.match(r.stdout, new RegExp(`\\n  ${c} `, 'u'));
  assert.match(r.stdout, /Exit codes/u);
});

test('an unknown flag is a usage error with exit code 2 and no stack trace', async () => {
  const r = await runCli(['check', '--frobnicate']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown option --frobnicate/u);
  assert.doesNotMatch(r.stderr, /\n\s+at /u);
});

test('an unknown command suggests the closest one', async () => {
  const r = await runCli(['chek']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /Did you mean "check"/u);
});

test('check on a path that is not a folder is a clear usage error', async () => {
  const r = await runCli(['check', '/definitely/not/here']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /is not a folder/u);
});
