// Issue #16 item 10: one huge .env value costs bounded work and bounded output. The built CLI runs with a 256 MB heap
// (0.1.0 needed 2.7 GB for an 8 MB value), and what it prints stays small whatever the value's size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { assertClean, NEEDS_BUILD, runBuilt } from '../hardening/helpers.js';
import { project } from '../live/helpers.js';

const SMALL_HEAP = { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=256`.trim() };
const MAX_OUTPUT = 32 * 1024;

test('an 8 MB CLARIFAI_PAT: check --offline and env finish within a 256 MB heap, print a few KB, never the value', { skip: NEEDS_BUILD }, async () => {
  const value = randomBytes(4 * 1024 * 1024 - 64).toString('hex'); // 8,388,480 characters: just under the 8 MB file cap
  const dir = project({ '.env': `CLARIFAI_PAT=${value}\nCLARIFAI_USER_ID=alice\n` });
  for (const argv of [['check', '--offline', dir], ['check', '--offline', dir, '--json'], ['env', dir], ['env', dir, '--json']]) {
    const r = await runBuilt(argv, { env: SMALL_HEAP, guardMs: 120_000 });
    assertClean(r, argv.join(' '));
    assert.ok(r.stdout.length + r.stderr.length < MAX_OUTPUT, `${argv.join(' ')}: ${r.stdout.length + r.stderr.length} bytes of output`);
    assert.ok(!(r.stdout + r.stderr).includes(value.slice(100, 140)), `${argv.join(' ')}: part of the value is printed`);
    assert.match(r.stdout, /8,388,480|8388480/u, `${argv.join(' ')}: the value's length is not reported`);
  }
});

test('a 5 MB value under a name that is not secret is quoted by its start and length, not printed whole', { skip: NEEDS_BUILD }, async () => {
  const line = 'x y '.repeat((5 * 1024 * 1024) / 4);
  const quoted = project({ '.env': `CLARIFAI_USER_ID="${line}"\nCLARIFAI_APP_ID=${'z'.repeat(5 * 1024 * 1024)}\nCLARIFAI_PAT=${'ab\u200bcd '.repeat(1024 * 1024)}\n` });
  // An unclosed quote: the 5 MB rest of the line is what dotenv keeps, and what 0.1.0 printed in full.
  const unclosed = project({ '.env': `CLARIFAI_USER_ID="${line}\n` });
  for (const argv of [quoted, unclosed].flatMap((dir) => [['check', '--offline', dir], ['check', '--offline', dir, '--json'], ['env', dir], ['env', dir, '--json'], ['scan', dir]])) {
    const r = await runBuilt(argv, { env: SMALL_HEAP, guardMs: 120_000 });
    assertClean(r, argv.join(' '));
    assert.ok(r.stdout.length + r.stderr.length < MAX_OUTPUT, `${argv.join(' ')}: ${r.stdout.length + r.stderr.length} bytes of output`);
  }
});
