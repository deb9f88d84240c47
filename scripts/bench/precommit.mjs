// `scan --staged` (the pre-commit hook) on a generated repository of a few thousand files: a typical commit and the worst case.
//
//   npm run bench -- precommit              # 3,000 files
//   node scripts/bench/precommit.mjs --files 10000
//
// Typical: a commit that changes 5 files of an existing repository (one with a planted fake key). Worst: the first
// commit of a repository, every file staged. A full-tree `scan` and `node -e 0` are measured in the same run.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const i = process.argv.indexOf('--files');
const FILES = i === -1 ? 3000 : Number(process.argv[i + 1]);
if (spawnSync('hyperfine', ['--version']).status !== 0) {
  console.error('hyperfine is needed: apt-get install -y hyperfine');
  process.exit(1);
}
execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
const work = mkdtempSync(join(tmpdir(), 'kd-bench-precommit-'));
const git = (cwd, ...args) => execFileSync('git', args, { cwd, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 'B', GIT_AUTHOR_EMAIL: 'b@example.com', GIT_COMMITTER_NAME: 'B', GIT_COMMITTER_EMAIL: 'b@example.com' } });

/** A project-shaped tree: JS, Python and Markdown files of ~40 lines, a tenth of them calling Clarifai. */
function writeTree(dir) {
  for (let n = 0; n < FILES; n++) {
    const ext = n % 3 === 0 ? 'py' : n % 7 === 0 ? 'md' : 'js';
    const path = join(dir, `pkg${n % 40}`, `mod${n}.${ext}`);
    mkdirSync(dirname(path), { recursive: true });
    const lines = [];
    if (n % 10 === 0) lines.push(ext === 'py' ? 'import os  # clarifai client' : '// calls https://api.clarifai.com/v2/models');
    for (let k = 0; k < 40; k++) lines.push(ext === 'py' ? `value_${k} = compute(${n}, ${k})  # cache token ${k}` : `const value${k} = compute(${n}, ${k}); // cache token ${k}`);
    writeFileSync(path, `${lines.join('\n')}\n`);
  }
}

const typical = join(work, 'typical');
mkdirSync(typical);
git(typical, 'init', '-q', '-b', 'main');
writeTree(typical);
git(typical, 'add', '-A');
git(typical, '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'tree');
for (let n = 0; n < 5; n++) writeFileSync(join(typical, 'pkg1', `mod${n * 40 + 1}.js`), `// clarifai\nconst v = ${n};\n`);
writeFileSync(join(typical, 'pkg2', 'config.js'), "// clarifai\nexport const PAT = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';\n");
git(typical, 'add', '-A');

const first = join(work, 'first');
mkdirSync(first);
git(first, 'init', '-q', '-b', 'main');
writeTree(first);
git(first, 'add', '-A');

const bin = join(root, 'bin', 'keydoctor.js');
const md = join(work, 'precommit.md');
const load = loadavg()[0];
spawnSync(
  'hyperfine',
  ['--warmup', '2', '--runs', '10', '-N', '-i', '--export-markdown', md,
    '-n', 'node -e 0', 'node -e 0',
    '-n', `scan --staged, 6 files staged in a ${FILES}-file repo`, `node ${bin} scan ${typical} --staged --format compact`,
    '-n', `scan --staged, all ${FILES} files staged (first commit)`, `node ${bin} scan ${first} --staged --format compact`,
    '-n', `scan (whole working tree, ${FILES} files)`, `node ${bin} scan ${typical} --format compact`],
  { stdio: 'inherit' },
);
console.log(readFileSync(md, 'utf8'));
const found = spawnSync(process.execPath, [bin, 'scan', typical, '--staged', '--format', 'compact'], { encoding: 'utf8' });
console.log(`typical commit: exit ${found.status}, ${found.stdout.trim().split('\n').filter(Boolean).length} finding line(s)`);
console.log(`load average ${load.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after; Node ${process.version}`);
rmSync(work, { recursive: true, force: true });
