// The published package works: `npm pack`, install the tarball's files into an empty folder, run the CLI and the library.
//
// Self-contained: no registry and no npm cache. `npm install <tarball>` would need the registry's metadata for every
// dependency (an `npm ci` cache holds tarballs only), so the install is done by hand the way npm lays it out: the
// tarball's files unpacked into node_modules/keydoctor, its bin linked and made executable, and each dependency the
// tarball's package.json declares linked from this checkout's node_modules (which `npm ci` filled from the lockfile).
// Only declared dependencies are linked, so code that imports an undeclared or dev-only package fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
/** An obviously fake key of the fixtures' pattern (32 lowercase hex ending in 0000). */
const FAKE_KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';

interface PackedManifest {
  bin: Record<string, string>;
  dependencies?: Record<string, string>;
  scripts?: Record<string, string>;
}

/** Lays the tarball out as `npm install` would, without asking a registry. */
function installTarball(tarball: string, app: string): string {
  const target = join(app, 'node_modules', 'keydoctor');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  const manifest = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8')) as PackedManifest;
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    const link = join(app, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(root, 'node_modules', name), link, 'dir');
  }
  mkdirSync(join(app, 'node_modules', '.bin'), { recursive: true });
  for (const [name, file] of Object.entries(manifest.bin)) {
    chmodSync(join(target, file), 0o755); // npm's bin-links does this on install
    symlinkSync(join('..', 'keydoctor', file), join(app, 'node_modules', '.bin', name));
  }
  return join(app, 'node_modules', '.bin', 'keydoctor');
}

test('the packed tarball installs into an empty folder and runs', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'kd-pack-'));
  try {
    // dist/ is already built by `npm test`; skip prepack so packing does not rebuild.
    execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: root, stdio: 'pipe' });
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    assert.ok(tarball, 'npm pack produced a tarball');
    const app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{"name":"kd-pack-test","version":"1.0.0","private":true,"type":"module"}');
    const bin = installTarball(join(dir, tarball), app);
    const installed = join(app, 'node_modules', 'keydoctor');

    // Installing from the registry runs no script of ours (npm runs `prepare` only in a checkout or a git
    // dependency, where it builds dist/), and nothing but built files ships.
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as PackedManifest;
    for (const hook of ['preinstall', 'install', 'postinstall']) assert.equal(manifest.scripts?.[hook], undefined, `no ${hook} script`);
    assert.equal(existsSync(join(installed, 'src')), false, 'no TypeScript sources');
    assert.equal(existsSync(join(installed, 'test')), false, 'no tests');
    assert.equal(existsSync(join(installed, 'dist', 'cli', 'main.js')), false, "tsc's unbundled tree is not shipped");

    const help = execFileSync(bin, ['--help'], { cwd: app, encoding: 'utf8' });
    assert.match(help, /Usage: keydoctor <command>/u);
    const version = execFileSync(bin, ['--version'], { cwd: app, encoding: 'utf8' });
    assert.match(version, /^\d+\.\d+\.\d+/u);
    // The README's main job works from the installed package too: the demo project and emulator ship with it.
    const demo = spawnSync(bin, ['demo', '--json'], { cwd: app, encoding: 'utf8', env: { PATH: process.env.PATH, NODE_OPTIONS: process.env.NODE_OPTIONS } });
    assert.equal(demo.status, 0, demo.stderr);
    assert.ok((JSON.parse(demo.stdout) as { findings: unknown[] }).findings.length > 0);
    // Node itself would swallow a missing --env-file after the script name; the shebang's `--` stops that.
    const missing = spawnSync(bin, ['check', '--offline', '--env-file', 'missing.env'], { cwd: app, encoding: 'utf8' });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--env-file missing\.env: does not exist/u);
    // `check` on a project with a broken .env finds the problem from the installed files (route table, checks, scan).
    writeFileSync(join(app, '.env'), `CLARIFAI_PAT="${FAKE_KEY} "\n`);
    // The app loads its .env (the loader model would otherwise, rightly, report the file as never loaded).
    writeFileSync(join(app, 'index.js'), "require('dotenv').config();\nconsole.log(process.env.CLARIFAI_PAT ? 'set' : 'unset');\n");
    const check = spawnSync(bin, ['check', '--offline', '--json'], { cwd: app, encoding: 'utf8', env: { PATH: process.env.PATH } });
    assert.ok(check.status === 0 || check.status === 1, check.stderr);
    assert.ok((JSON.parse(check.stdout) as { findings: { id: string }[] }).findings.some((f) => f.id.startsWith('key/')), check.stdout);

    // The library entry: ESM import at run time, and its types for `import { diagnose } from 'keydoctor'`.
    const lib = spawnSync(process.execPath, ['--input-type=module', '-e', "import { diagnose, explain } from 'keydoctor'; const r = explain('{\"status\":{\"code\":11009}}'); console.log(typeof diagnose, r.findings.length > 0);"], { cwd: app, encoding: 'utf8' });
    assert.equal(lib.status, 0, lib.stderr);
    assert.equal(lib.stdout.trim(), 'function true');
    writeFileSync(join(app, 'use.ts'), "import { diagnose, type DiagnoseResult } from 'keydoctor';\nconst r: Promise<DiagnoseResult> = diagnose({ live: false });\n// @ts-expect-error the result has no `ok` field: the types are real, not `any`\nvoid r.then((x) => x.ok);\n");
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] }, files: ['use.ts'] }));
    symlinkSync(join(root, 'node_modules', '@types'), join(app, 'node_modules', '@types'), 'dir');
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app], { cwd: app, encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the installed package blocks a commit that stages a hard-coded key (scan --staged, the pre-commit hook)', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'kd-pack-staged-'));
  try {
    execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: root, stdio: 'pipe' });
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    const app = join(dir, 'app');
    mkdirSync(app);
    const bin = installTarball(join(dir, tarball), app);

    const repo = join(dir, 'repo');
    mkdirSync(repo);
    const gitEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: repo };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: gitEnv, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    writeFileSync(join(repo, 'predict.js'), `// Calls Clarifai\nconst PAT = '${FAKE_KEY}';\nfetch('https://api.clarifai.com/v2/users/me', { headers: { Authorization: 'Key ' + PAT } });\n`);
    writeFileSync(join(repo, 'clean.js'), 'export const pat = process.env.CLARIFAI_PAT;\n');
    git('add', 'predict.js', 'clean.js');

    // The hook's own command line, as .pre-commit-hooks.yaml runs it.
    const r = spawnSync(bin, ['scan', '--staged', '--format', 'compact'], { cwd: repo, encoding: 'utf8', env: { PATH: process.env.PATH } });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 1, r.stdout);
    assert.match(lines[0]!, /^predict\.js:2:\d+: error exposure\/hardcoded-key: /u);
    assert.ok(!r.stdout.includes(FAKE_KEY) && !r.stderr.includes(FAKE_KEY), 'the key is masked');

    // Unstaged, the same key no longer blocks the commit.
    git('rm', '-q', '--cached', 'predict.js');
    const clean = spawnSync(bin, ['scan', '--staged', '--format', 'compact'], { cwd: repo, encoding: 'utf8', env: { PATH: process.env.PATH } });
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.equal(clean.stdout, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
