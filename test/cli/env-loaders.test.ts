// `keydoctor env` and `check --offline` follow the loaders the code runs: chains per entry point, masked winners, files nothing loads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../helpers/cli.js';

const KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kd-env-loaders-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const PY = 'import os\nfrom clarifai.client.model import Model\n\nmodel = Model(url="https://clarifai.com/clarifai/main/models/general-image-recognition", pat=os.getenv("CLARIFAI_PAT"))\n';

test('check --offline on a Python project that never calls load_dotenv(): not loaded, with the Python line to add, and no "(loaded)"', async () => {
  const dir = project({ '.env': `CLARIFAI_PAT=${KEY}\n`, 'predict.py': PY });
  const r = await runCli(['check', dir, '--offline', '--no-color'], { env: { PATH: process.env.PATH } });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /nothing loads that file: the Python code never calls load_dotenv\(\)/u);
  assert.match(r.stdout, /Add `from dotenv import load_dotenv` and `load_dotenv\(\)` at the top of predict\.py/u);
  assert.match(r.stdout, /Sources: shell environment, \.env \(not loaded\)\./u);
  assert.ok(!r.stdout.includes('(loaded)') && !r.stdout.includes(KEY));
});

test('check --offline on the same project with load_dotenv() in a subpackage and .env above it: no env error', async () => {
  const dir = project({ '.env': `CLARIFAI_PAT=${KEY}\n`, 'src/tagger/main.py': `from dotenv import load_dotenv\nload_dotenv()\n${PY}` });
  const r = await runCli(['check', dir, '--offline', '--json'], { env: { PATH: process.env.PATH } });
  const findings = (JSON.parse(r.stdout) as { findings: { id: string; severity: string }[] }).findings;
  assert.deepEqual(findings.filter((f) => f.id.startsWith('env/') && f.severity === 'error'), []);
});

test('keydoctor env: per entry point the loader chain, each file read and why; the winner masked; JSON has the same', async () => {
  const dir = project({
    'config/.env': `CLARIFAI_PAT=${KEY}\n`,
    'package.json': JSON.stringify({ name: 'a', scripts: { start: 'node --env-file=config/.env server.js', lint: 'eslint .' } }),
    'server.js': "fetch('https://api.clarifai.com/v2/users/me', { headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}` } });\n",
  });
  const r = await runCli(['env', dir, '--no-color'], { env: { PATH: process.env.PATH } });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /CLARIFAI_PAT\s+3f9a…00 \(32 chars\)\s+config\/\.env:1\s+defined in config\/\.env only \(loaded by node --env-file=config\/\.env \(npm start\)/u);
  assert.match(r.stdout, /npm start \(node, runs from \.\)\n {4}1\. node --env-file=config\/\.env at package\.json \("start" script\): node-dotenv rules, the shell wins\n {7}reads config\/\.env: named by --env-file/u);
  assert.ok(!r.stdout.includes('npm run lint'), 'eslint is not an entry point');
  assert.ok(!r.stdout.includes(KEY));
  const json = await runCli(['env', dir, '--json'], { env: { PATH: process.env.PATH } });
  const parsed = (JSON.parse(json.stdout) as { env: { entryPoints: { name: string; chain: { loader: string; reads: { file: string; exists: boolean }[] }[] }[] } }).env;
  assert.deepEqual(parsed.entryPoints.map((e) => [e.name, e.chain.map((c) => [c.loader, c.reads.map((f) => `${f.file}:${f.exists}`)])]), [
    ['npm start', [['node --env-file', ['config/.env:true']]]],
  ]);
  assert.ok(!json.stdout.includes(KEY));
});

test('keydoctor env --no-scan keeps dotenv\'s assumption and shows no chains', async () => {
  const dir = project({ '.env': `CLARIFAI_PAT=${KEY}\n`, 'predict.py': PY });
  const r = await runCli(['env', dir, '--no-scan', '--no-color'], { env: { PATH: process.env.PATH } });
  assert.ok(!r.stdout.includes('HOW THE APP LOADS'));
  assert.match(r.stdout, /\.env \(loaded\)/u);
});

test('keydoctor env: compose services, the Dockerfile image and workflow steps, each with the winning value masked and why it won', async () => {
  const dir = project({
    'docker-compose.yml': 'services:\n  api:\n    build: .\n    env_file:\n      - ./api.env\n    environment:\n      - CLARIFAI_PAT=${CLARIFAI_PAT}\n  worker:\n    build: .\n    env_file: ./api.env\n',
    'api.env': `CLARIFAI_PAT=${KEY}\n`,
    Dockerfile: 'FROM node:20-alpine\nARG CLARIFAI_PAT\nCOPY . .\nCMD ["node", "server.js"]\n',
    'package.json': JSON.stringify({ name: 'a', scripts: { start: 'node server.js' } }),
    'server.js': "fetch('https://api.clarifai.com/v2/users/me', { headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}` } });\n",
    '.github/workflows/ci.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm ci\n      - name: Smoke\n        run: node server.js\n        env:\n          CLARIFAI_PAT: ${{ secrets.CLARIFAI_PAT }}\n',
  });
  const r = await runCli(['env', dir, '--no-color'], { env: { PATH: process.env.PATH, COLUMNS: '400' } });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /docker compose up \(service api\) \(container, runs from \.\)\n {4}1\. env_file \(service api\) at docker-compose\.yml:4/u);
  assert.match(r.stdout, /→ CLARIFAI_PAT = "" \(blank\) \(docker-compose\.yml:7\): environment: in docker-compose\.yml sets it for the api service \(\$\{CLARIFAI_PAT\} is set neither in the shell nor in the project \.env\), and environment: beats env_file/u);
  assert.match(r.stdout, /→ CLARIFAI_PAT = 3f9a…00 \(32 chars\) \(api\.env:1\): env_file api\.env sets it for the worker service/u);
  assert.match(r.stdout, /ci\.yml job test, step "Smoke" \(ci, runs from \.\)[\s\S]*?→ CLARIFAI_PAT = \$\{\{ secrets\.CLARIFAI_PAT \}\} \(\.github\/workflows\/ci\.yml:10\): env: at step level sets it/u);
  assert.ok(!r.stdout.includes(KEY));
  const json = await runCli(['env', dir, '--json'], { env: { PATH: process.env.PATH } });
  const entries = (JSON.parse(json.stdout) as { env: { entryPoints: { name: string; values?: { name: string; value?: string; from: string; problem?: string }[] }[] } }).env.entryPoints;
  assert.deepEqual(
    entries.filter((e) => e.values).map((e) => [e.name, e.values!.map((v) => `${v.name}:${v.from}:${v.value ?? '-'}${v.problem ? `:${v.problem}` : ''}`)]),
    [
      ['docker compose up (service api)', ['CLARIFAI_PAT:interpolated:(empty):blank']],
      ['docker compose up (service worker)', ['CLARIFAI_PAT:env-file:3f9a…00 (32 chars)']],
      ['.github/workflows/ci.yml job test, step "Smoke"', ['CLARIFAI_PAT:secret:-']],
    ],
  );
  assert.ok(!json.stdout.includes(KEY));
  const check = await runCli(['check', dir, '--offline', '--json'], { env: { PATH: process.env.PATH } });
  assert.ok((JSON.parse(check.stdout) as { findings: { id: string }[] }).findings.some((f) => f.id === 'env/compose-blank-value'));
});
