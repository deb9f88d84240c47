// `npm run bench -- scan-hostile`: the inputs that made the scan quadratic (issue #16 item 9), at their reported sizes and at
// a quarter of them, each alone in a folder, through the built CLI (`keydoctor scan DIR --json`) under /usr/bin/time.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const OUT = join(ROOT, '.bench', 'hostile');

const CASES = {
  'JS, 12,000 fetch calls': ['app.js', 12_000, (n) => "const USER_ID = 'clarifai';\n" + Array.from({ length: n }, (_, i) => `fetch('https://api.clarifai.com/v2/models/m${i}/outputs', { method: 'POST', headers: { Authorization: 'Key ' + process.env.CLARIFAI_PAT } });\n`).join('')],
  'shell, 8,000 curl lines': ['run.sh', 8_000, (n) => Array.from({ length: n }, (_, i) => `curl -X POST -H "Authorization: Key $CLARIFAI_PAT" https://api.clarifai.com/v2/models/m${i}/outputs -d '{}'\n`).join('')],
  'notebook, 20,000 cells': ['n.ipynb', 20_000, (n) => JSON.stringify({ cells: Array.from({ length: n }, (_, i) => ({ cell_type: i % 2 ? 'markdown' : 'code', metadata: {}, source: ['import os\n', "PAT = os.environ['CLARIFAI_PAT']\n", `resp = requests.post('https://api.clarifai.com/v2/models/m${i}/outputs', headers={'Authorization': f'Key {PAT}'})\n`, 'print(resp.json())\n'], outputs: [{ output_type: 'stream', name: 'stdout', text: ['x'.repeat(400)] }] })), metadata: {}, nbformat: 4, nbformat_minor: 5 })],
  'CI YAML, 13,000 jobs': ['.github/workflows/ci.yml', 13_000, (n) => 'name: ci\non: push\njobs:\n' + Array.from({ length: n }, (_, i) => `  job${i}:\n    runs-on: ubuntu-latest\n    env:\n      CLARIFAI_PAT: \${{ secrets.CLARIFAI_PAT }}\n    steps:\n      - run: curl -H "Authorization: Key $CLARIFAI_PAT" https://api.clarifai.com/v2/users/me\n`).join('')],
};

function timed(dir) {
  // The files are larger than the default 2 MB cap (notebooks get 8×): raise it so they are read, as the report did.
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, join(ROOT, 'bin', 'keydoctor.js'), 'scan', dir, '--json', '--max-file-size', '20'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const [wall, user, sys, kb] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  let findings = '?';
  try {
    findings = JSON.parse(r.stdout).findings.length;
  } catch {
    findings = `exit ${r.status}: ${r.stderr.trim().split('\n')[0]}`;
  }
  return { wall, cpu: user + sys, mb: kb / 1024, findings };
}

console.log('| Input | Size | n/4: CPU | n: wall | n: CPU | n: peak RSS | CPU ratio n : n/4 | findings |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const [label, [file, n, generate]] of Object.entries(CASES)) {
  const run = (count) => {
    const dir = join(OUT, `${file.replace(/\W+/gu, '-')}-${count}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    const text = generate(count);
    writeFileSync(join(dir, file), text);
    return { bytes: Buffer.byteLength(text), ...timed(dir) };
  };
  const quarter = run(n / 4);
  const full = run(n);
  console.log(`| ${label} | ${(full.bytes / 1e6).toFixed(1)} MB | ${quarter.cpu.toFixed(2)} s | ${full.wall.toFixed(2)} s | ${full.cpu.toFixed(2)} s | ${full.mb.toFixed(0)} MB | ${(full.cpu / quarter.cpu).toFixed(1)} | ${full.findings} |`);
}
