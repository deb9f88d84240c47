// Start-up and offline-check wall time, measured with hyperfine against `node -e 0` as the floor.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
const bin = join(root, 'bin', 'keydoctor.js');
const commands = [
  'node -e 0',
  `node ${bin} --version`,
  `node ${bin} check ${project} --offline`,
  `node ${bin} check ${project} --offline --json`,
  `node ${bin} check ${project} --offline --no-scan`,
];
const out = join(project, 'startup.md');
spawnSync('hyperfine', ['--warmup', '3', '--runs', '20', '-N', '-i', '--export-markdown', out, ...commands], { stdio: 'inherit', env: { ...process.env, CLARIFAI_PAT: '' } });
console.log(execFileSync('cat', [out], { encoding: 'utf8' }));
rmSync(project, { recursive: true, force: true });
