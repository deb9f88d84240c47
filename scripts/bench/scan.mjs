// `npm run bench -- scan`: keydoctor scan against secretlint, dotenv-diff --scan-usage and ripgrep on five npm packages
// (~142 MB, ~5,800 files), a copy with planted cases, and 1×/2×/4× copies for scaling. Wall, CPU and peak memory
// come from /usr/bin/time -v. Options (flags when run directly, or env vars through `npm run bench`):
// --runs N / KD_BENCH_RUNS=N (default 3), --skip-secretlint / KD_BENCH_SKIP_SECRETLINT=1 (secretlint 13 takes seconds to minutes).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const BENCH = join(ROOT, '.bench', 'scan');
const TOOLS = join(ROOT, '.bench', 'tools');
const PACKAGES = ['typescript@5.9.3', 'aws-sdk@2.1692.0', 'lodash@4.17.21', 'rxjs@7.8.2', '@babel/parser@7.28.5'];
const args = process.argv.slice(2);
const RUNS = Math.max(1, Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : (process.env.KD_BENCH_RUNS ?? 3)) || 1);
const SKIP_SECRETLINT = args.includes('--skip-secretlint') || process.env.KD_BENCH_SKIP_SECRETLINT === '1';
const ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root' };

function sh(cmd, argv, options = {}) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  if (r.status !== 0 && !options.allowFail) throw new Error(`${cmd} ${argv.join(' ')} failed: ${r.stderr || r.error}`);
  return r;
}
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

// 1. The corpus: `npm pack` each package once, extract it, and make hard-linked copies for 2× and 4×.
function corpus() {
  const pkgs = join(BENCH, 'pkgs');
  const one = join(BENCH, 'corpus', '1x');
  mkdirSync(pkgs, { recursive: true });
  for (const spec of PACKAGES) {
    const tgz = `${spec.replace(/^@/u, '').replace('/', '-').replace('@', '-')}.tgz`;
    if (!existsSync(join(pkgs, tgz))) sh('npm', ['pack', spec, '--silent', '--pack-destination', pkgs], { env: { ...process.env } });
    const dir = join(one, tgz.replace(/\.tgz$/u, ''));
    if (!existsSync(dir)) {
      mkdirSync(dir, { recursive: true });
      sh('tar', ['-xzf', join(pkgs, tgz), '-C', dir]);
    }
  }
  for (const n of [2, 4]) {
    const dir = join(BENCH, 'corpus', `${n}x`);
    if (existsSync(dir)) continue;
    mkdirSync(dir, { recursive: true });
    for (let k = 1; k <= n; k++) sh('cp', ['-al', one, join(dir, `copy${k}`)]);
  }
  return one;
}

// 2. Planted cases: the corpus plus a small project with one known problem per file.
const FAKE = ['5e1d0c3b2a19f8e7d6c5b4a3f2e10000', '7a6b5c4d3e2f1a0b9c8d7e6f5a4b0000'];
const PLANTED = {
  'src/hardcoded.js': [`const { ClarifaiStub } = require('clarifai-nodejs-grpc');`, `const CLARIFAI_PAT = '${FAKE[0]}';`],
  'src/no-space.js': [`// Clarifai REST call`, `fetch('https://api.clarifai.com/v2/users/me', { headers: { Authorization: 'Key' + process.env.CLARIFAI_PAT } });`],
  'src/bearer.py': [`import requests, os`, `PAT = os.environ["CLARIFAI_PAT"]`, `requests.post("https://api.clarifai.com/v2/models/general-image-recognition/outputs", headers={"Authorization": f"Bearer {PAT}"})`],
  'src/grpc.js': [`const { ClarifaiStub } = require('clarifai-nodejs-grpc');`, `const grpc = require('@grpc/grpc-js');`, `const metadata = new grpc.Metadata();`, `metadata.set('authorization', 'Key ' + process.env.CLARIFAI_PAT);`],
  'src/metadata.py': [`from clarifai_grpc.grpc.api import service_pb2_grpc`, `import os`, `metadata = (("Authorization", "Key " + os.environ["CLARIFAI_PAT"]),)`],
  'src/doubled.js': [`// Clarifai`, `fetch('https://api.clarifai.com/v2' + '/v2/users/me', { headers: { Authorization: 'Key ' + process.env.CLARIFAI_PAT } });`],
  'notebooks/demo.ipynb': [JSON.stringify({ cells: [{ cell_type: 'code', metadata: {}, source: ['import clarifai\n'], outputs: [{ output_type: 'stream', name: 'stdout', text: [`CLARIFAI_PAT=${FAKE[1]}\n`] }] }], metadata: {} }, null, 1)],
  'README.md': ['```bash', 'curl -H "Authorization: Key $CLARIFAI_PAT" https://api.clarifia.com/v2/users/me', '```'],
  'scripts/deploy.sh': ['#!/bin/sh', 'export CLARIFAI_GRPC_BASE=https://api.clarifai.com'],
  'docker-compose.yml': ['services:', '  app:', '    environment:', '      - CLARIFAI_API_BASE=http://api.clarifai.com'],
  '.github/workflows/ci.yml': ['on: push', 'jobs:', '  t:', '    runs-on: ubuntu-latest', '    steps:', '      - run: curl -H "Authorization: Key $CLARIFAI_PAT" https://api.clarifai.com/v1/users/me'],
};
const EXPECTED = [
  ['exposure/hardcoded-key', 'src/hardcoded.js'],
  ['headers/scheme-format', 'src/no-space.js'],
  ['headers/bearer-on-core-api', 'src/bearer.py'],
  ['headers/separate-grpc-js', 'src/grpc.js'],
  ['headers/grpc-metadata-case', 'src/metadata.py'],
  ['endpoint/doubled-v2', 'src/doubled.js'],
  ['exposure/hardcoded-key', 'notebooks/demo.ipynb'],
  ['endpoint/host-typo', 'README.md'],
  ['endpoint/grpc-base-scheme', 'scripts/deploy.sh'],
  ['endpoint/insecure-http', 'docker-compose.yml'],
  ['endpoint/v1-path', '.github/workflows/ci.yml'],
];

function planted(one) {
  const dir = join(BENCH, 'planted');
  rmSync(dir, { recursive: true, force: true });
  sh('cp', ['-al', one, dir]);
  for (const [file, lines] of Object.entries(PLANTED)) {
    const path = join(dir, 'planted-project', file);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, `${lines.join('\n')}\n`);
  }
  return dir;
}

// 3. Tools outside the project's dependencies live in .bench/tools.
function tools() {
  // The current secretlint (13.x) with its own preset: the comparison is against what users install today.
  const need = { secretlint: '13', '@secretlint/secretlint-rule-preset-recommend': '13', 'dotenv-diff': '' };
  const installed = (p) => {
    const file = join(TOOLS, 'node_modules', p, 'package.json');
    return existsSync(file) && (need[p] === '' || JSON.parse(readFileSync(file, 'utf8')).version.split('.')[0] === need[p]);
  };
  if (Object.keys(need).every(installed)) return;
  mkdirSync(TOOLS, { recursive: true });
  if (!existsSync(join(TOOLS, 'package.json'))) writeFileSync(join(TOOLS, 'package.json'), '{ "private": true }\n');
  const install = ['npm', 'install', '--no-audit', '--no-fund', '--prefix', TOOLS, ...Object.entries(need).map(([p, v]) => (v ? `${p}@^${v}` : p))];
  if (has('flock')) sh('flock', ['/tmp/npm.lock', ...install]);
  else sh(install[0], install.slice(1));
}

/** Runs a command under /usr/bin/time -v; returns wall seconds, CPU seconds, peak RSS MB and stdout. */
function timed(cmd, argv, cwd) {
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...argv], { cwd, env: ENV, encoding: 'utf8', maxBuffer: 1 << 30 });
  const field = (name) => new RegExp(`${name}: (.*)`, 'u').exec(r.stderr)?.[1]?.trim() ?? '';
  const clock = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)').split(':').map(Number);
  const wall = clock.reduce((acc, x) => acc * 60 + x, 0);
  const cpu = Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)'));
  return { wall, cpu, rssMb: Number(field('Maximum resident set size \\(kbytes\\)')) / 1024, status: r.status, stdout: r.stdout };
}

function best(cmd, argv, cwd, runs = RUNS) {
  const all = Array.from({ length: runs }, () => timed(cmd, argv, cwd));
  const sorted = [...all].sort((a, b) => a.wall - b.wall);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  return { ...median, runs, minWall: sorted[0].wall, rssMb: Math.max(...all.map((x) => x.rssMb)) };
}

function treeSize(dir) {
  let files = 0;
  let bytes = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.isFile()) {
        files++;
        bytes += readFileSync(join(d, e.name)).length;
      }
    }
  };
  walk(dir);
  return { files, mb: bytes / 1024 / 1024 };
}

const RG_PATTERNS = ['process\\.env', 'import\\.meta\\.env', 'os\\.environ', 'getenv', 'Deno\\.env', '[Aa]uthori[sz]ation', '[Xx]-[Aa]pi-[Kk]ey', '[Cc]larifai', '/v2/', '(?-u:\\b)[A-Za-z0-9]{32}(?-u:\\b)', 'keydoctor-ignore'];
const keydoctor = (dir) => best(process.execPath, [join(ROOT, 'bin', 'keydoctor.js'), 'scan', dir, '--json'], ROOT);
const ripgrep = (dir) => best('rg', ['-n', '--no-heading', ...RG_PATTERNS.flatMap((p) => ['-e', p]), dir], ROOT);

async function main() {
  if (!existsSync('/usr/bin/time')) throw new Error('/usr/bin/time is missing: apt-get install -y time');
  console.log('building keydoctor…');
  // tsc still emits JavaScript when another file has a type error; measure that, but say so.
  const build = sh('npm', ['run', 'build', '--silent'], { cwd: ROOT, allowFail: true });
  if (build.status !== 0) console.log(`warning: the build reported type errors:\n${(build.stdout + build.stderr).trim().split('\n').slice(0, 5).join('\n')}`);
  if (!existsSync(join(ROOT, 'dist', 'cli', 'commands', 'scan.js'))) throw new Error('dist/ has no scan command: the build failed');
  const one = corpus();
  const plantedDir = planted(one);
  tools();
  const size = treeSize(one);
  console.log(`corpus: ${size.files} files, ${size.mb.toFixed(1)} MB (${PACKAGES.join(', ')})`);
  const results = { date: new Date().toISOString(), node: process.version, cpus: spawnSync('nproc', [], { encoding: 'utf8' }).stdout.trim(), corpus: size, runs: RUNS, tools: {}, scaling: {}, planted: {} };

  // What keydoctor read and skipped (an untimed run of the engine itself).
  const { gatherCodeEvidence } = await import(join(ROOT, 'dist', 'scan', 'index.js'));
  const evidence = await gatherCodeEvidence(one, { verbose: true });
  results.scanned = { files: evidence.filesScanned, mb: evidence.bytesScanned / 1024 / 1024, skipped: evidence.skipped };
  const kd = keydoctor(one);
  const report = JSON.parse(kd.stdout);
  results.tools.keydoctor = { ...kd, stdout: undefined, errorFindings: report.findings.filter((f) => f.severity === 'error').length, findings: report.findings.length };
  const rg = has('rg') ? ripgrep(one) : undefined;
  if (rg) results.tools.ripgrep = { ...rg, stdout: undefined, lines: rg.stdout.split('\n').length - 1, version: sh('rg', ['--version']).stdout.split(/\s+/u)[1] };
  const ddBin = join(TOOLS, 'node_modules', 'dotenv-diff', 'package.json');
  const dd = best(process.execPath, [join(TOOLS, 'node_modules', '.bin', 'dotenv-diff'), '--scan-usage', '--ci', '--json'], one);
  results.tools['dotenv-diff'] = { ...dd, stdout: undefined, version: JSON.parse(readFileSync(ddBin, 'utf8')).version };
  if (!SKIP_SECRETLINT) {
    const rc = join(TOOLS, '.secretlintrc.json');
    writeFileSync(rc, '{ "rules": [{ "id": "@secretlint/secretlint-rule-preset-recommend" }] }\n');
    const sl = best(join(TOOLS, 'node_modules', '.bin', 'secretlint'), ['--secretlintrc', rc, '--format', 'json', '**/*'], one, 1);
    let findings = '?';
    try {
      findings = JSON.parse(sl.stdout).reduce((n, f) => n + (f.messages?.length ?? 0), 0);
    } catch {
      /* not JSON: leave unknown */
    }
    results.tools.secretlint = { ...sl, stdout: undefined, findings, version: JSON.parse(readFileSync(join(TOOLS, 'node_modules', 'secretlint', 'package.json'), 'utf8')).version };
  }

  for (const n of [1, 2, 4]) {
    const dir = n === 1 ? one : join(BENCH, 'corpus', `${n}x`);
    const k = n === 1 ? kd : keydoctor(dir);
    results.scaling[`${n}x`] = { keydoctor: { wall: k.wall, cpu: k.cpu, rssMb: k.rssMb }, ...(has('rg') ? { ripgrep: (({ wall, cpu, rssMb }) => ({ wall, cpu, rssMb }))(ripgrep(dir)) } : {}) };
  }

  const p = timed(process.execPath, [join(ROOT, 'bin', 'keydoctor.js'), 'scan', plantedDir, '--json'], ROOT);
  const found = JSON.parse(p.stdout).findings;
  results.planted = {
    cases: EXPECTED.length,
    found: EXPECTED.filter(([id, file]) => found.some((f) => f.id === id && f.location?.file === `planted-project/${file}`)).map(([id, file]) => `${id} ${file}`),
    missed: EXPECTED.filter(([id, file]) => !found.some((f) => f.id === id && f.location?.file === `planted-project/${file}`)).map(([id, file]) => `${id} ${file}`),
    keyLeaked: FAKE.some((k) => p.stdout.includes(k)),
  };
  writeFileSync(join(BENCH, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  print(results);
  if (results.planted.missed.length > 0 || results.planted.keyLeaked) process.exitCode = 1;
}

function print(r) {
  const mbps = (t) => (r.corpus.mb / t.wall).toFixed(1);
  const row = (name, t, note = '') => `| ${name} | ${t.wall.toFixed(2)} s | ${t.cpu.toFixed(2)} s | ${t.rssMb.toFixed(0)} MB | ${mbps(t)} MB/s | ${note} |`;
  const lines = [
    `Corpus: ${r.corpus.files} files, ${r.corpus.mb.toFixed(1)} MB; ${r.cpus} CPUs, Node ${r.node}; median of ${r.runs} runs (secretlint: 1).`,
    `keydoctor read ${r.scanned.files} files (${r.scanned.mb.toFixed(1)} MB); skipped ${r.scanned.skipped.length}: ${r.scanned.skipped.map((s) => `${s.file} (${s.reason})`).join(', ')}.`,
    'Throughput is corpus MB / wall time for every tool.',
    '',
    '| Tool | Wall | CPU (user+sys) | Peak RSS | Throughput | Notes |',
    '|---|---|---|---|---|---|',
    row('keydoctor scan --json', r.tools.keydoctor, `${r.tools.keydoctor.findings} findings, ${r.tools.keydoctor.errorFindings} errors`),
  ];
  if (r.tools.ripgrep) lines.push(row(`rg ${r.tools.ripgrep.version} (same patterns)`, r.tools.ripgrep, `${r.tools.ripgrep.lines} matching lines`));
  lines.push(row(`dotenv-diff ${r.tools['dotenv-diff'].version} --scan-usage`, r.tools['dotenv-diff']));
  if (r.tools.secretlint) lines.push(row(`secretlint ${r.tools.secretlint.version} + preset-recommend`, r.tools.secretlint, `${r.tools.secretlint.findings} findings`));
  lines.push('', '| Copies | keydoctor wall | keydoctor CPU | keydoctor RSS | rg wall |', '|---|---|---|---|---|');
  for (const [n, s] of Object.entries(r.scaling)) {
    lines.push(`| ${n} | ${s.keydoctor.wall.toFixed(2)} s | ${s.keydoctor.cpu.toFixed(2)} s | ${s.keydoctor.rssMb.toFixed(0)} MB | ${s.ripgrep ? `${s.ripgrep.wall.toFixed(2)} s` : '-'} |`);
  }
  lines.push('', `Planted cases found: ${r.planted.found.length}/${r.planted.cases}${r.planted.missed.length ? ` (missed: ${r.planted.missed.join('; ')})` : ''}; key in output: ${r.planted.keyLeaked ? 'YES' : 'no'}.`);
  console.log(lines.join('\n'));
}

await main();
