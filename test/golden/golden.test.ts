// Golden files: what a user sees in a real terminal (a pty through script(1)) at 80 and 120 columns, colour on and
// off, for check, scan, env, explain and demo. No line is wider than the terminal, no word is broken, and the text
// equals the golden file; KD_WRITE_GOLDEN=1 rewrites them (refused under CI). Paths and ports are normalised.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve('.');
const GOLDEN = join(ROOT, 'test/golden');
const BIN = join(ROOT, 'bin/keydoctor.js');
const skip = !existsSync('/usr/bin/script') ? 'script(1) is not installed' : !existsSync(join(ROOT, 'dist/cli/main.js')) ? 'run npm run build first' : false;

const fixture = (p: string) => join(ROOT, 'test/checks', p);
const CASES: { name: string; args: string[]; cwd: string; env?: Record<string, string> }[] = [
  { name: 'check-near-miss', args: ['check', '--offline', '.'], cwd: fixture('env/near-miss-name/bad.clarifiai-typo') },
  { name: 'check-host-typo', args: ['check', '--offline', '.'], cwd: fixture('endpoint/host-typo/bad.python-clarifia') },
  { name: 'check-unset-script', args: ['check', '--offline', '.'], cwd: fixture('env/code-credential-unset/bad.shell-script') },
  { name: 'scan-host-typo', args: ['scan', '.'], cwd: fixture('endpoint/host-typo/bad.python-clarifia') },
  { name: 'env-demo', args: ['env', '.'], cwd: join(ROOT, 'examples/demo-project'), env: { CLARIFAI_PAT: 'dead0000dead0000dead0000dead0000' } },
  { name: 'explain-none', args: ['explain', '{"status":{"code":11009,"description":"API key not found","details":"invalid key(None)"}}'], cwd: ROOT },
  { name: 'demo', args: ['demo'], cwd: ROOT },
];

/** Only what the output may depend on: no caller's variables, a UTF-8 locale, a terminal type. */
function baseEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8', TERM: 'xterm-256color', ...(process.env.NODE_OPTIONS ? { NODE_OPTIONS: process.env.NODE_OPTIONS } : {}), ...extra };
}

const shell = (args: string[]) => [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/gu, `'\\''`)}'`).join(' ');

/** The repository path, emulator ports and the pty's CRLF are not part of the picture. */
function normalise(text: string): string {
  // A progress meter a slow moment drew (and cleared) is timing, not layout.
  return text.replace(/(?:\r\u001b\[K[^\r\n]*)*\r\u001b\[K/gu, '').replace(/\r\n/gu, '\n').split(ROOT).join('<repo>').replace(/127\.0\.0\.1:\d+/gu, '127.0.0.1:<port>');
}

/** Runs in a pseudo-terminal of `columns` columns (COLUMNS is what keydoctor reads; script's pty has no size). */
function inPty(c: (typeof CASES)[number], columns: number, color: boolean): string {
  const args = color ? c.args : [...c.args, '--no-color'];
  const r = spawnSync('/usr/bin/script', ['-qefc', shell(args), '/dev/null'], { cwd: c.cwd, env: baseEnv({ ...c.env, COLUMNS: String(columns) }), encoding: 'utf8', timeout: 60_000 });
  assert.ok(r.status === 0 || r.status === 1, `${c.name}: exit ${r.status} ${r.stderr}`);
  return normalise(r.stdout);
}

/** The same command through a pipe, unwrapped: the words a wrapped rendering must keep whole. */
function unwrapped(c: (typeof CASES)[number]): string {
  const r = spawnSync(process.execPath, [BIN, ...c.args], { cwd: c.cwd, env: baseEnv(c.env), encoding: 'utf8', timeout: 60_000 });
  return normalise(r.stdout);
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/gu;
const visible = (l: string) => [...l.replace(ANSI, '')].length;
/** The words of a text; a URL or path wrapped after a `/` is one word again (a cut there breaks no word). */
const words = (t: string) => t.replace(ANSI, '').replace(/\/\n\s*/gu, '/').split(/\s+/u).filter(Boolean);

function compare(file: string, actual: string): void {
  // ESC is stored as ␛ so the golden files read as text and diff cleanly.
  const stored = actual.replace(/\u001b/gu, '␛');
  const path = join(GOLDEN, file);
  if (process.env.KD_WRITE_GOLDEN === '1') {
    assert.ok(!process.env.CI, 'KD_WRITE_GOLDEN is refused under CI: golden files are reviewed, never written there');
    writeFileSync(path, stored);
    return;
  }
  assert.ok(existsSync(path), `${path} is missing: run with KD_WRITE_GOLDEN=1 (outside CI) and review it`);
  assert.equal(stored, readFileSync(path, 'utf8'), `${file} differs from the golden file (KD_WRITE_GOLDEN=1 rewrites it)`);
}

for (const c of CASES) {
  test(`${c.name}: fits 80 and 120 columns in a pty without breaking a word, colour on and off, as in its golden files`, { skip }, () => {
    const plain = unwrapped(c);
    for (const columns of [80, 120]) {
      const text = inPty(c, columns, false);
      for (const line of text.split('\n')) assert.ok(visible(line) <= columns, `${c.name}@${columns}: ${visible(line)} columns: ${line}`);
      // Wrapping only moves spaces: the words are the unwrapped output's words, none cut in two.
      assert.deepEqual(words(text), words(plain), `${c.name}@${columns}: a word was broken or lost`);
      compare(`${c.name}.${columns}.txt`, text);
    }
    const coloured = inPty(c, 80, true);
    assert.ok(coloured.includes('\u001b['), `${c.name}: a terminal gets colour`);
    for (const line of coloured.split('\n')) assert.ok(visible(line) <= 80, `${c.name}@80 colour: ${line}`);
    assert.deepEqual(words(coloured), words(plain), `${c.name}@80 colour: words`);
    compare(`${c.name}.80.color.txt`, coloured);
  });
}
