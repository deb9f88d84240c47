// Every --help fits 80 columns without breaking a word, and global options work anywhere on the command line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatHelp } from '../../src/cli/help.js';
import { runCli } from '../helpers/cli.js';

const COMMANDS = ['', 'check', 'scan', 'env', 'explain', 'routes', 'emulator', 'demo', 'run', 'fix'];

test('the main help and every command help are within 80 columns', async () => {
  for (const c of COMMANDS) {
    const r = await runCli(c ? [c, '--help'] : ['--help']);
    assert.equal(r.code, 0, c);
    for (const line of r.stdout.split('\n')) assert.ok([...line].length <= 80, `${c || 'keydoctor'} --help: ${[...line].length} columns: ${line}`);
  }
});

test('wrapping keeps every word whole and continues an option row under its description', () => {
  const long = `  --flag VALUE         ${'word '.repeat(30).trim()}`;
  const out = formatHelp(long).split('\n');
  assert.ok(out.length > 1);
  for (const l of out) assert.ok(l.length <= 80);
  assert.equal(out.join(' ').replace(/\s+/gu, ' ').trim(), long.replace(/\s+/gu, ' ').trim());
  for (const l of out.slice(1)) assert.match(l, /^ {23}word/u);
});

test('global options may come before the command', async () => {
  const r = await runCli(['--no-color', 'explain', '11009']);
  assert.notEqual(r.code, 2, r.stderr);
  assert.doesNotMatch(r.stdout, /\u001b\[/u);
});
