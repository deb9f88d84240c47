// `scan --history` on a generated repository (3,000 commits by default, a few keys planted then removed): wall time, peak memory, keys found.
//
//   npm run bench -- history                      # 3,000 commits
//   node scripts/bench/history.mjs --commits 20000
//
// The repository is written with one `git fast-import` (seconds, not minutes of `git commit`), into a temporary folder
// that is deleted afterwards. The planted keys are obviously fake (32 hex ending in 0000).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const COMMITS = arg('--commits', 3000);
const RUNS = arg('--runs', 3);
const FILES = 120;
const KEEP_LINES = 60;

execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
const repo = mkdtempSync(join(tmpdir(), 'kd-bench-history-'));

/** Planted: added at `at`, removed `life` commits later; `file` is where. Each must be found once. */
const planted = [
  { at: Math.floor(COMMITS * 0.1), life: 7, file: 'src/config.js', line: (k) => `export const CLARIFAI_PAT = '${k}';` },
  { at: Math.floor(COMMITS * 0.45), life: 30, file: '.env', line: (k) => `CLARIFAI_PAT=${k}` },
  { at: Math.floor(COMMITS * 0.8), life: 2, file: 'notebooks/predict.py', line: (k) => `PAT = "${k}"  # clarifai` },
].map((p, i) => ({ ...p, key: `${['3f9a6d0c', '7c1e5a9b', '0b1c2d3e'][i]}8b7e4a2190f1c3d5e7b9${i}0000`.slice(0, 32) }));

/** The fast-import stream: each commit rewrites one source file (its last lines), like ordinary work does. */
function* stream() {
  const files = new Map();
  const data = (s) => `data ${Buffer.byteLength(s)}\n${s}\n`;
  for (let c = 1; c <= COMMITS; c++) {
    const n = c % FILES;
    const path = n % 3 === 0 ? `src/mod${n}.py` : `src/mod${n}.js`;
    const lines = files.get(path) ?? (n % 5 === 0 ? ['// calls Clarifai: https://api.clarifai.com/v2/models'] : ['// helpers']);
    for (let k = 0; k < 5; k++) lines.push(`const value${c}_${k} = compute(${c}, ${k}); // cache key 9f${String(c).padStart(6, '0')}`);
    files.set(path, lines.slice(-KEEP_LINES));
    let ops = `M 100644 inline ${path}\n${data(files.get(path).join('\n') + '\n')}`;
    for (const p of planted) {
      if (c === p.at) ops += `M 100644 inline ${p.file}\n${data(`${p.line(p.key)}\n`)}`;
      if (c === p.at + p.life) ops += `D ${p.file}\n`;
    }
    const when = 1_700_000_000 + c * 600;
    yield `commit refs/heads/main\nmark :${c}\nauthor Bench <bench@example.com> ${when} +0000\ncommitter Bench <bench@example.com> ${when} +0000\n${data(`change ${c}`)}${c > 1 ? `from :${c - 1}\n` : ''}${ops}\n`;
  }
}

execFileSync('git', ['init', '-q', '-b', 'main', repo]);
const started = Date.now();
execFileSync('git', ['-C', repo, 'fast-import', '--quiet'], { input: [...stream()].join(''), maxBuffer: 1 << 30 });
execFileSync('git', ['-C', repo, 'checkout', '-q', 'main']);
const generated = Date.now() - started;

/** The CLI as bin/keydoctor.js runs it, reporting its own peak RSS (git's is separate: GNU time sees the whole tree). */
const cli = `import(${JSON.stringify(join(root, 'dist', 'cli', 'main.js'))}).then(async (m) => {
  const io = await import(${JSON.stringify(join(root, 'dist', 'cli', 'io.js'))});
  process.exitCode = await m.run(process.argv.slice(1), io.processIO());
  process.stderr.write('\\nKD_MAXRSS ' + process.resourceUsage().maxRSS + '\\n');
});`;
/** One run: wall time, keydoctor's peak RSS, the peak RSS of the whole process tree (git included), what it found. */
function measure(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', 'TREE_MAXRSS %M', process.execPath, '-e', cli, 'scan', repo, '--json', ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const kb = (tag) => Number(new RegExp(`${tag} (\\d+)`, 'u').exec(r.stderr)?.[1] ?? NaN);
  const findings = JSON.parse(r.stdout).findings;
  return { ms, nodeMb: kb('KD_MAXRSS') / 1024, treeMb: kb('TREE_MAXRSS') / 1024, history: findings.filter((f) => f.id === 'exposure/key-in-history'), raw: r.stdout };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const plain = Array.from({ length: RUNS }, () => measure([]));
const withHistory = Array.from({ length: RUNS }, () => measure(['--history']));
const found = withHistory[0].history;
const leaked = planted.filter((p) => withHistory.some((r) => r.raw.includes(p.key)));
const size = execFileSync('git', ['-C', repo, 'count-objects', '-vH'], { encoding: 'utf8' }).match(/size-pack: (.*)/u)?.[1] ?? '?';

console.log(`machine: ${cpus().length} CPUs, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${execFileSync('git', ['--version'], { encoding: 'utf8' }).trim()}`);
console.log(`repository: ${COMMITS.toLocaleString('en-US')} commits, ${FILES} files, pack ${size}; generated in ${(generated / 1000).toFixed(1)} s`);
console.log(`planted and removed: ${planted.length} keys; found: ${found.length} (${found.map((f) => f.location.file).join(', ')}); keys in the output: ${leaked.length}`);
console.log('');
console.log(`| command | wall time (median of ${RUNS}) | keydoctor peak RSS | peak RSS with git |`);
console.log('|---|---:|---:|---:|');
for (const [name, runs] of [['`keydoctor scan DIR --json`', plain], ['`keydoctor scan DIR --history --json`', withHistory]]) {
  console.log(`| ${name} | ${(median(runs.map((r) => r.ms)) / 1000).toFixed(2)} s | ${median(runs.map((r) => r.nodeMb)).toFixed(0)} MB | ${median(runs.map((r) => r.treeMb)).toFixed(0)} MB |`);
}
rmSync(repo, { recursive: true, force: true });
if (found.length !== planted.length || leaked.length > 0) {
  console.error('history benchmark: the planted keys were not each found once, or a key was printed');
  process.exit(1);
}
