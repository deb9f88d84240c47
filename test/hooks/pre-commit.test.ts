// The pre-commit hook (.pre-commit-hooks.yaml): its entry, run as pre-commit runs it, in fresh repositories.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
/** An obviously fake key of the fixtures' pattern (32 lowercase hex ending in 0000). */
const FAKE_KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';

interface Hook {
  id: string;
  entry: string;
  language: string;
  pass_filenames?: boolean;
}
const hooks = JSON.parse(execFileSync(PYTHON, ['-c', 'import json,sys,yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))', join(root, '.pre-commit-hooks.yaml')], { encoding: 'utf8' })) as Hook[];
const hook = hooks.find((h) => h.id === 'keydoctor')!;

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kd-hook-'));
  dirs.push(dir);
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  for (const [path, content] of Object.entries(files)) writeFileSync(join(dir, path), content);
  execFileSync('git', ['add', '-A'], { cwd: dir });
  return dir;
}

/** The hook's entry as pre-commit runs it (no file names), with `keydoctor` resolved to this checkout's built bin. */
function runHook(cwd: string, env: Record<string, string> = {}) {
  const [program, ...args] = hook.entry.split(/\s+/u);
  assert.equal(program, 'keydoctor');
  return spawnSync(process.execPath, [join(root, 'bin', 'keydoctor.js'), ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });
}

test('the hook is a node hook that scans the index, without file names', () => {
  assert.equal(hook.language, 'node');
  assert.equal(hook.pass_filenames, false);
  assert.match(hook.entry, /^keydoctor scan --staged --format compact$/u);
});

test('a staged key or a broken Authorization header fails the commit with one line per finding', () => {
  const dir = repo({
    'predict.js': `// Clarifai\nconst PAT = '${FAKE_KEY}';\n`,
    'client.js': "// Clarifai\nfetch('https://api.clarifai.com/v2/users/me', { headers: { Authorization: 'Key' + process.env.CLARIFAI_PAT } });\n",
  });
  // The developer's shell defines the variable the code reads (else a `Key undefined` warning joins the list).
  const r = runHook(dir, { CLARIFAI_PAT: '0b1c2d3e4f5a6b7c8d9e0f1a2b3c0000' });
  assert.equal(r.status, 1, r.stdout + r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.deepEqual(lines.map((l) => /^(\S+?):\d+:\d+: (\w+) (\S+):/u.exec(l)?.slice(1, 4)).sort(), [
    ['client.js', 'error', 'headers/scheme-format'],
    ['predict.js', 'error', 'exposure/hardcoded-key'],
  ]);
  assert.ok(!r.stdout.includes(FAKE_KEY));
});

test('a clean commit passes silently; a warning is printed but does not block', () => {
  const dir = repo({ 'client.js': "fetch('https://api.clarifai.com/v2/users/me', { headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}` } });\n" });
  const clean = runHook(dir, { CLARIFAI_PAT: '0b1c2d3e4f5a6b7c8d9e0f1a2b3c0000' });
  assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  assert.equal(clean.stdout, '');
  const warned = runHook(dir);
  assert.equal(warned.status, 0, warned.stdout + warned.stderr);
  assert.match(warned.stdout, /^client\.js:1:\d+: warning headers\/undefined-value: [^\n]+\n$/u);
});
