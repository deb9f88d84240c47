// The GitHub Action's script part (scripts/action-scan.sh), run as action.yml's scan step runs it, on fixture repositories.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sarifValidator } from '../helpers/sarif-schema.js';

const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'bin', 'keydoctor.js');
/** Obviously fake keys of the fixtures' pattern (32 lowercase hex ending in 0000). */
const KEY_A = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';
const KEY_B = '0b1c2d3e4f5a6b7c8d9e0f1a2b3c0000';
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const validate = sarifValidator();

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Step {
  id?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface ActionYml {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

/** action.yml, read with a real YAML parser (PyYAML, Debian's python3-yaml). */
const action = JSON.parse(execFileSync(PYTHON, ['-c', 'import json,sys,yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))', join(root, 'action.yml')], { encoding: 'utf8' })) as ActionYml;

/** A fixture repository with one commit of `files`. */
function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kd-action-'));
  dirs.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' };
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, env });
  execFileSync('git', ['add', '-A'], { cwd: dir, env });
  execFileSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'fixture'], { cwd: dir, env });
  return dir;
}

/**
 * Runs the composite action's scan step the way the runner does: its `run:` line under bash, its `env:` with each
 * `${{ inputs.X }}` replaced by the given input or the input's default, GITHUB_ACTION_PATH at this checkout, and
 * GITHUB_OUTPUT a file. KEYDOCTOR_BIN stands in for `npx keydoctor@…` (tests reach no registry).
 */
function runScanStep(workspace: string, inputs: Record<string, string> = {}) {
  const step = action.runs.steps.find((s) => s.id === 'scan')!;
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(step.env ?? {})) {
    env[name] = value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/gu, (_, input: string) => inputs[input] ?? action.inputs[input]?.default ?? '');
  }
  const output = join(workspace, '..', `${workspace.split('/').pop()}-output`);
  writeFileSync(output, '');
  dirs.push(output);
  const r = spawnSync('bash', ['-c', step.run!], {
    cwd: workspace,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: workspace, GITHUB_ACTION_PATH: root, GITHUB_OUTPUT: output, KEYDOCTOR_BIN: bin, ...env },
  });
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { ...r, outputs };
}

type Sarif = { runs: { results: { ruleId: string; level: string; locations?: { physicalLocation?: { artifactLocation: { uri: string } } }[] }[] }[] };
const results = (workspace: string, file = 'keydoctor.sarif') => {
  const log = JSON.parse(readFileSync(join(workspace, file), 'utf8')) as Sarif;
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
  return log.runs[0]!.results.map((r) => ({ rule: r.ruleId, level: r.level, uri: r.locations?.[0]?.physicalLocation?.artifactLocation.uri }));
};

test('action.yml is a composite action whose steps scan, upload with upload-sarif, then fail on findings', () => {
  assert.equal(action.runs.using, 'composite');
  assert.deepEqual(Object.keys(action.inputs).sort(), ['fail-on', 'folder', 'history', 'sarif-file', 'upload', 'version']);
  const [scan, upload, verdict] = action.runs.steps;
  assert.match(scan!.run!, /scripts\/action-scan\.sh/u);
  // Inputs reach the script as environment variables only, never spliced into the script text.
  assert.doesNotMatch(scan!.run!, /\$\{\{/u);
  assert.match(upload!.uses!, /^github\/codeql-action\/upload-sarif@/u);
  assert.match(upload!.if!, /always\(\)/u);
  assert.match(verdict!.if!, /exit-code == '1'/u);
  assert.match(readFileSync(join(root, 'scripts', 'action-scan.sh'), 'utf8'), /npx --yes "keydoctor@\$version" "\$\{args\[@\]\}"/u);
});

test('on a repository with a hard-coded key and a broken header it writes valid SARIF and reports exit code 1', () => {
  const ws = fixture({
    'src/predict.js': `const { ClarifaiStub } = require('clarifai-nodejs-grpc');\nconst PAT = '${KEY_A}';\nfetch('https://api.clarifai.com/v2/users/me', { headers: { Authorization: 'Key' + PAT } });\n`,
    'README.md': '# app\n',
  });
  const r = runScanStep(ws);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.outputs['exit-code'], '1');
  assert.equal(r.outputs.sarif, 'keydoctor.sarif');
  const found = results(ws);
  assert.ok(found.some((f) => f.rule === 'exposure/hardcoded-key' && f.uri === 'src/predict.js' && f.level === 'error'), JSON.stringify(found));
  assert.ok(found.some((f) => f.rule === 'headers/scheme-format'), JSON.stringify(found));
  assert.ok(!readFileSync(join(ws, 'keydoctor.sarif'), 'utf8').includes(KEY_A), 'the key is masked in the SARIF log');
});

test('a clean repository exits 0; fail-on warning turns a warning into a failing exit code', () => {
  const ws = fixture({ 'app.js': 'const pat = process.env.CLARIFAI_PAT;\n', 'notes.js': `const PAT = '${KEY_B}';\n` });
  const plain = runScanStep(ws);
  assert.equal(plain.status, 0, plain.stderr);
  assert.equal(plain.outputs['exit-code'], '0', 'a key not tied to Clarifai is a warning');
  assert.ok(results(ws).some((f) => f.rule === 'exposure/hardcoded-key' && f.level === 'warning'));
  const strict = runScanStep(ws, { 'fail-on': 'warning' });
  assert.equal(strict.outputs['exit-code'], '1');
});

test('a subfolder scan writes repository-relative paths, as code scanning expects', () => {
  const ws = fixture({ 'services/api/app.py': `# clarifai\nCLARIFAI_PAT = "${KEY_A}"\n`, 'web/index.js': '' });
  const r = runScanStep(ws, { folder: 'services/api', 'sarif-file': 'out.sarif' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.deepEqual(
    results(ws, 'out.sarif').filter((f) => f.rule === 'exposure/hardcoded-key').map((f) => f.uri),
    ['services/api/app.py'],
  );
});

test('history: a key committed and removed is reported; a shallow checkout is warned about', () => {
  const ws = fixture({ 'config.js': `// clarifai\nexport const PAT = '${KEY_A}';\n` });
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: ws, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' };
  writeFileSync(join(ws, 'config.js'), '// clarifai\nexport const PAT = process.env.CLARIFAI_PAT;\n');
  execFileSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-am', 'remove key'], { cwd: ws, env });
  const r = runScanStep(ws, { history: 'true' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.outputs['exit-code'], '1');
  assert.ok(results(ws).some((f) => f.rule === 'exposure/key-in-history'), JSON.stringify(results(ws)));
  assert.doesNotMatch(r.stdout, /shallow/u);

  const shallow = mkdtempSync(join(tmpdir(), 'kd-action-shallow-'));
  dirs.push(shallow);
  execFileSync('git', ['clone', '-q', '--depth', '1', `file://${ws}`, shallow], { env });
  const s = runScanStep(shallow, { history: 'true' });
  assert.match(s.stdout, /::warning title=keydoctor::history: the checkout is shallow/u);
});

test('bad inputs stop with a clear error and exit 2, and an input is never run as a command', () => {
  const ws = fixture({ 'a.js': '' });
  const bad = runScanStep(ws, { 'fail-on': 'critical' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /::error title=keydoctor::fail-on must be error, warning, info or never/u);
  const marker = join(ws, 'pwned');
  const inject = runScanStep(ws, { folder: `$(touch ${marker})`, version: '1.0.0; touch x' });
  assert.equal(inject.status, 2);
  assert.equal(existsSync(marker), false);
  assert.equal(existsSync(join(ws, 'x')), false);
});
