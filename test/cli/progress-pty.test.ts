// Progress in a real pseudo-terminal (script -qc) and in a pipe: --wait draws one line in place on a terminal, nothing elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { T, project, world } from '../live/helpers.js';

const BIN = 'bin/keydoctor.js';
const hasScript = existsSync('/usr/bin/script');
const built = existsSync('dist/cli/main.js');

/** Runs keydoctor; with `pty` under script(1), so stdout and stderr are a terminal (both land in one stream). */
function run(args: string[], env: Record<string, string>, pty: boolean): Promise<{ out: string; err: string; code: number | null }> {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/gu, `'\\''`)}'`).join(' ');
  const child = pty
    ? spawn('/usr/bin/script', ['-qefc', quoted, '/dev/null'], { env: { ...env, PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, [BIN, ...args], { env: { ...env, PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ out, err, code })));
}

const skip = !hasScript ? 'script(1) is not installed' : !built ? 'run npm run build first' : false;

test('--wait in a pty: every retry redraws one line (\\r, clear line), never a new line; the report follows on a clean line', { skip }, async () => {
  const w = await world({ state: { users: [{ id: 'alice', apps: ['photos'] }], keys: [] } });
  const r = await run(['check', project(), '--wait', '3', '--no-color'], { CLARIFAI_API_BASE: w.restUrl, CLARIFAI_API_KEY: T.unknown, COLUMNS: '80', TERM: 'xterm' }, true);
  assert.equal(r.code, 1, r.out);
  const lines = r.out.split(/\r?\n/u);
  const progress = lines.filter((l) => l.includes('keydoctor: retry '));
  assert.equal(progress.length, 1, `all retries share one line:\n${JSON.stringify(progress)}`);
  const redraws = progress[0]!.split('\r\u001b[K').filter((p) => p.includes('retry'));
  assert.ok(redraws.length >= 2, `several retries were drawn: ${JSON.stringify(progress[0])}`);
  for (const p of redraws) assert.ok([...p].length <= 79, `a progress line fits the width: ${p}`);
  // Cleared before the report: what follows the last clear on that line is the report's first line.
  assert.ok(progress[0]!.endsWith('\r\u001b[K') || !progress[0]!.split('\r\u001b[K').at(-1)!.includes('retry'), JSON.stringify(progress[0]));
  // A key Clarifai never accepts: the wait always runs its course, so the test does not race a clock.
  assert.match(r.out, /Clarifai\s+never\s+accepted\s+it/u);
  assert.ok(!r.out.includes(T.unknown));
});

test('--wait in a pipe: no progress on stderr, and no redraw codes anywhere', { skip }, async () => {
  const w = await world({ state: { users: [{ id: 'alice', apps: ['photos'] }], keys: [] } });
  const r = await run(['check', project(), '--wait', '3'], { CLARIFAI_API_BASE: w.restUrl, CLARIFAI_API_KEY: T.unknown }, false);
  assert.equal(r.code, 1, r.err);
  assert.equal(r.err, '');
  assert.ok(!r.out.includes('\r') && !r.out.includes('\u001b'), JSON.stringify(r.out.slice(0, 200)));
  assert.match(r.out, /Clarifai never accepted it/u);
});
