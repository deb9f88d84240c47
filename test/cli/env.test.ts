import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

const SHELL_KEY = '1234567890abcdef1234567890ab0000';
const LOCAL_KEY = '8c1e5b7a2d4f6093a1b2c3d4e5f60000';
const ENV_KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';
const STRANDED_KEY = '5b2c9e0f1a3d7c6b8e4f2a1d0c9b0000';
const ALL_KEYS = [SHELL_KEY, LOCAL_KEY, ENV_KEY, STRANDED_KEY];

function project(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kd-cli-env-'));
  writeFileSync(join(dir, '.env'), `CLARIFAI_PAT="${ENV_KEY} \nCLARIFAI_USER_ID=someone\nclarifai_app_id=my-app\n`);
  writeFileSync(join(dir, '.env.local'), `CLARIFAI_PAT=${LOCAL_KEY}\n`);
  writeFileSync(join(dir, 'env'), `CLARIFAI_PAT=${STRANDED_KEY}\n`);
  return fn(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

const shell = { PATH: '/usr/bin', CLARIFAI_PAT: SHELL_KEY };

test('keydoctor env: a masked provenance table with the winner, why it won, and every losing source', () =>
  project(async (dir) => {
    const r = await runCli(['env', dir], { env: shell });
    assert.equal(r.code, 0);
    for (const key of ALL_KEYS) assert.ok(!r.stdout.includes(key) && !r.stderr.includes(key), 'no full key in the output');
    const lines = r.stdout.split('\n');
    assert.match(lines[0]!, /^NAME +VALUE +SOURCE +WHY IT WON$/u);
    assert.match(lines[1]!, /^CLARIFAI_PAT +1234…00 \(32 chars\) +shell +the shell wins: dotenv never overwrites .*\(with override: true, \.env\.local:1 would win\)$/u);
    assert.match(r.stdout, /→ also +8c1e…00 \(32 chars\) +\.env\.local:1 +ignored: shell wins/u);
    // The stray quote dotenv kept is visible in the mask.
    assert.match(r.stdout, /→ also +"3f9a…00 \(33 chars\) +\.env:1 +ignored: shell wins/u);
    assert.match(r.stdout, /→ also +5b2c…00 \(32 chars\) +env:1 +not loaded: "env" is not "\.env"/u);
    assert.match(r.stdout, /\nCLARIFAI_USER_ID +"someone" +\.env:2 +defined in \.env only\n/u);
    assert.match(r.stdout, /\nCLARIFAI_API_KEY +<not set> +- +-\n/u);
    // A near-miss name is listed next to the real ones.
    assert.match(r.stdout, /\nclarifai_app_id +"my-app" +\.env:3/u);
    assert.match(r.stdout, /Sources: shell environment, \.env\.local \(loaded\), \.env \(loaded\), env \(not loaded\)\./u);
  }));

test('keydoctor env --json: the same facts as data, masked', () =>
  project(async (dir) => {
    const r = await runCli(['env', dir, '--json', '--expect', 'MY_CLARIFAI_KEY'], { env: shell });
    assert.equal(r.code, 0);
    for (const key of ALL_KEYS) assert.ok(!r.stdout.includes(key), 'no full key in the JSON');
    const data = (JSON.parse(r.stdout) as { env: unknown }).env as { variables: { name: string; set: boolean; source: string | null; overrideSource: string | null; definitions: { source: string; wins: boolean }[]; notLoaded: { source: string; reason: string }[] }[]; files: { file: string; loaded: boolean }[] };
    const pat = data.variables.find((v) => v.name === 'CLARIFAI_PAT')!;
    assert.equal(pat.source, 'shell');
    assert.equal(pat.overrideSource, '.env.local:1');
    assert.deepEqual(pat.definitions.map((d) => [d.source, d.wins]), [['shell', true], ['.env.local', false], ['.env', false]]);
    assert.deepEqual(pat.notLoaded.map((d) => d.source), ['env']);
    assert.equal(data.variables.find((v) => v.name === 'MY_CLARIFAI_KEY')?.set, false);
    assert.deepEqual(data.files.map((f) => [f.file, f.loaded]), [['.env.local', true], ['.env', true], ['env', false]]);
  }));

test('--env-file that does not exist is a usage error (exit 2) for env and check', () =>
  project(async (dir) => {
    for (const cmd of ['env', 'check']) {
      const r = await runCli([cmd, dir, '--env-file', 'missing.env', '--offline'].filter((a) => cmd === 'check' || a !== '--offline'), { env: shell, cwd: dir });
      assert.equal(r.code, 2, `${cmd}: ${r.stderr}`);
      assert.match(r.stderr, /--env-file missing\.env: does not exist .*\(KD_ERR_FILE\)/u);
      assert.doesNotMatch(r.stderr, /\n\s+at /u);
    }
  }));

test('keydoctor check --offline reports the env problems of a broken project without printing a key', () =>
  project(async (dir) => {
    const r = await runCli(['check', dir, '--offline', '--json'], { env: { PATH: '/usr/bin' } });
    for (const key of ALL_KEYS) assert.ok(!r.stdout.includes(key) && !r.stderr.includes(key), 'no full key in check output');
    const ids = (JSON.parse(r.stdout) as { findings: { id: string }[] }).findings.map((f) => f.id);
    for (const id of ['env/near-miss-name', 'env/shadowed', 'env/unclosed-quote']) assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
  }));
