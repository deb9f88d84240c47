// The shell model of a sourced .env agrees with a real POSIX shell (/bin/sh), CR from Windows line endings included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseSourcedFile, shellValues } from '../../src/sources/loaders/shell.js';

const NAMES = ['A', 'B', 'CLARIFAI_PAT'];

/**
 * Sources `text` in /bin/sh with an empty PATH (so no word of a generated file can run a program) and returns what is set.
 * With set -a every assignment is exported; without, only `export` ones reach a child process.
 */
function realShell(dir: string, text: string, allexport: boolean): { ok: boolean; values: Record<string, string | null> } {
  const file = join(dir, '.env');
  writeFileSync(file, text);
  const print = NAMES.map((n) => `if [ "\${${n}+set}" = set ]; then printf '%s\\0' "$${n}"; else printf '\\1\\0'; fi`).join('; ');
  const script = `${allexport ? 'set -a; ' : ''}. ./.env; ${print}`;
  const run = spawnSync('/bin/sh', ['-c', script], { cwd: dir, env: { PATH: '' }, encoding: 'utf8' });
  if (run.status !== 0 && run.stdout === '') return { ok: false, values: {} };
  const parts = run.stdout.split('\0');
  return { ok: true, values: Object.fromEntries(NAMES.map((n, i) => [n, parts[i] === '\x01' ? null : parts[i]!])) };
}

test('CRLF: the shell keeps the CR at the end of the value (quoted or not); export is seen', () => {
  const vals = shellValues('CLARIFAI_PAT=abc\r\nexport B="x y"\r\n');
  assert.equal(vals.get('CLARIFAI_PAT')?.value, 'abc\r');
  assert.equal(vals.get('CLARIFAI_PAT')?.exported, false);
  assert.equal(vals.get('B')?.value, 'x y\r');
  assert.equal(vals.get('B')?.exported, true);
});

test('A=abc def runs def with A set for it only: the shell keeps nothing', () => {
  const [a] = parseSourcedFile('A=abc def\n');
  assert.match(a!.problem!, /runs as a command/u);
  assert.equal(shellValues('A=abc def\n').has('A'), false);
});

const piece = fc.constantFrom('abc', 'x', "'q'", '"dq"', '"a b"', "'s p'", ' #c', '\\"', '\\\\', '$A', '${B:-d}', '${A}', '\r', '"\r"', 'é', '=', ':');
const line = fc
  .tuple(fc.boolean(), fc.constantFrom(...NAMES), fc.array(piece, { maxLength: 4 }), fc.constantFrom('\n', '\r\n'))
  .map(([exp, name, value, eol]) => `${exp ? 'export ' : ''}${name}=${value.join('')}${eol}`);
const file = fc.array(fc.oneof(line, fc.constantFrom('# comment\n', '\n', '\r\n')), { minLength: 1, maxLength: 6 }).map((l) => l.join(''));

test('property: generated dotenv files sourced by /bin/sh (with and without set -a) leave the values the model says', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kd-shell-'));
  try {
    fc.assert(
      fc.property(file, fc.boolean(), (text, allexport) => {
        const real = realShell(dir, text, allexport);
        if (!real.ok) return;
        const mine = shellValues(text, { allexport });
        for (const n of NAMES) {
          const m = mine.get(n);
          assert.equal(m ? (m.value ?? null) : null, real.values[n], `${n} in ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 150 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
