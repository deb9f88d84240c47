// Start-up and offline-check wall time, measured side by side in one hyperfine run against `node -e 0` as the floor.
//
//   npm run bench -- startup
//
// Aims (issue #17): `--version` within 1.2× `node -e 0`, `check DIR --offline` within 2×.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
if (spawnSync('hyperfine', ['--version']).status !== 0) {
  console.error('hyperfine is needed: apt-get install -y hyperfine');
  process.exit(1);
}
execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
const project = mkdtempSync(join(tmpdir(), 'kd-bench-startup-'));
writeFileSync(join(project, '.env'), 'CLARIFAI_PAT="3f9a6d0c8b7e4a2190f1c3d5e7b90000 "\nCLARIFAI_USER_ID=demo\nCLARIFIAI_APP_ID=main\n');
writeFileSync(join(project, 'app.js'), "const pat = process.env.CLARIFAI_PAT;\n");
// The same project inside a git repository: real projects are, and there keydoctor asks git about the .env files.
const repo = mkdtempSync(join(tmpdir(), 'kd-bench-startup-git-'));
for (const f of ['.env', 'app.js']) writeFileSync(join(repo, f), readFileSync(join(project, f)));
execFileSync('git', ['init', '-q'], { cwd: repo });
const bin = join(root, 'bin', 'keydoctor.js');
const commands = [
  'node -e 0',
  `node ${bin} --version`,
  `node ${bin} check ${project} --offline`,
  `node ${bin} check ${project} --offline --json`,
  `node ${bin} check ${project} --offline --no-scan`,
  `node ${bin} check ${repo} --offline`,
];
const md = join(project, 'startup.md');
const json = join(project, 'startup.json');
const load = loadavg()[0];
spawnSync('hyperfine', ['--warmup', '3', '--runs', '20', '-N', '-i', '--export-markdown', md, '--export-json', json, ...commands], { stdio: 'inherit', env: { ...process.env, CLARIFAI_PAT: '' } });
console.log(readFileSync(md, 'utf8').replaceAll(repo, 'REPO').replaceAll(project, 'DIR').replaceAll(`node ${bin}`, 'keydoctor'));
const results = JSON.parse(readFileSync(json, 'utf8')).results;
const ratio = (i) => results[i].median / results[0].median;
console.log(`load average ${load.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after; Node ${process.version}`);
console.log(`--version: ${ratio(1).toFixed(2)}× node -e 0 by median (aim ≤ 1.2×); check --offline: ${ratio(2).toFixed(2)}× (aim ≤ 2×)`);
// CPU time (user + system) holds steadier than wall time when other work shares the machine.
const cpu = (i) => results[i].user + results[i].system;
console.log(`by CPU time: --version ${(cpu(1) / cpu(0)).toFixed(2)}×, check --offline ${(cpu(2) / cpu(0)).toFixed(2)}×, --no-scan ${(cpu(4) / cpu(0)).toFixed(2)}× (node -e 0: ${(cpu(0) * 1000).toFixed(0)} ms)`);
rmSync(project, { recursive: true, force: true });
rmSync(repo, { recursive: true, force: true });
