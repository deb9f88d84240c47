import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyChecks } from '../../../src/checks/key/index.js';
import { diagnoseLocal } from '../../../src/core/diagnose.js';
import { secretVariants } from '../../../src/core/secret.js';
import { runFixtureDir } from '../fixture-runner.js';
import { runCli } from '../../helpers/cli.js';

const root = new URL('./', import.meta.url).pathname;
const folders = readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
// key/code-* checks judge scanned code: their own fixtures.test.ts runs them through the scan, not through the env-only fixture runner.
const fixtures = folders.filter((c) => !c.startsWith('code-')).flatMap((c) => readdirSync(join(root, c)).filter((n) => /^(bad|good)\./u.test(n) && !n.endsWith('.expected.json')).map((n) => ({ check: c, name: n, dir: join(root, c, n) })));
const shell = (dir: string): Record<string, string> =>
  existsSync(join(dir, 'env.json')) ? (JSON.parse(readFileSync(join(dir, 'env.json'), 'utf8')) as Record<string, string>) : {};

/** Fixtures with two independent problems, each of which is its own finding. */
const TWO_CAUSES: Record<string, string[]> = { 'wrong-format/bad.quoted-and-short': ['key/wrapping-quotes', 'key/wrong-format'] };

test('every offline key check has a fixture folder and every folder is a registered check', () => {
  // Live checks (key/live-*) judge API exchanges and are tested with the probes.
  const offline = keyChecks.filter((c) => !c.meta.id.startsWith('key/live-'));
  assert.deepEqual(folders, offline.map((c) => c.meta.id.replace(/^key\//u, '')).sort());
  for (const c of offline) {
    assert.equal(c.meta.category, 'key');
    assert.ok(existsSync(new URL(`../../../src/checks/${c.meta.id}.ts`, import.meta.url)), `${c.meta.id} has no file of that name`);
  }
});

test('one root cause gives one finding: with every key check running, each bad fixture reports only its own check', () => {
  for (const f of fixtures.filter((x) => x.name.startsWith('bad.'))) {
    const ids = runFixtureDir(f.dir, keyChecks).map((x) => x.id);
    assert.deepEqual(ids, TWO_CAUSES[`${f.check}/${f.name}`] ?? [`key/${f.check}`], `${f.check}/${f.name}`);
  }
});

test('a clean key in .env, in the shell, or in both gives no key finding', () => {
  const clean = fixtures.filter((f) => f.name === 'good.real-key');
  assert.ok(clean.length > 0);
  for (const f of clean) assert.deepEqual(runFixtureDir(f.dir, keyChecks), [], f.dir);
});

test('keydoctor check --json never prints a planted credential for any key fixture', async () => {
  for (const f of fixtures) {
    const r = await runCli(['check', f.dir, '--offline', '--json'], { env: shell(f.dir), cwd: f.dir });
    const planted = new Set<string>();
    for (const [, variable] of diagnoseLocal({ projectDir: f.dir, cwd: f.dir, env: shell(f.dir), checks: [] }).evidence.env!.variables) {
      for (const d of variable.definitions) for (const v of secretVariants(d.value.reveal())) if ([...v].length >= 12) planted.add(v);
    }
    for (const secret of planted) {
      assert.ok(!r.stdout.includes(secret), `${f.check}/${f.name}: stdout carries a planted value`);
      assert.ok(!r.stderr.includes(secret), `${f.check}/${f.name}: stderr carries a planted value`);
    }
    const parsed = JSON.parse(r.stdout) as { findings: { id: string }[] };
    if (f.name.startsWith('bad.')) assert.ok(parsed.findings.some((x) => x.id === `key/${f.check}`), `${f.check}/${f.name} not reported by check --json`);
  }
});

test('the fake key in the tests is absent from text output too', async () => {
  const dir = join(root, 'whitespace', 'bad.shell-echo-newline');
  const r = await runCli(['check', dir, '--offline'], { env: shell(dir), cwd: dir });
  assert.ok(!r.stdout.includes('3f9a6d0c8b7e4a2190f1c3d5e7b90000'));
  assert.match(r.stdout, /3f9a…00⏎/u);
  assert.equal(r.code, 1);
});

test('an --expect name that looks like a secret is judged; other expected names are not', () => {
  const dir = join(root, 'placeholder', 'good.real-key');
  const env = { MY_CLARIFAI_KEY: 'your_key_here', MY_APP_NAME: 'your_key_here' };
  const findings = diagnoseLocal({ projectDir: dir, cwd: dir, env, expect: ['MY_CLARIFAI_KEY', 'MY_APP_NAME'], checks: keyChecks }).findings;
  assert.deepEqual(findings.map((f) => [f.id, f.location]), [['key/placeholder', { env: 'MY_CLARIFAI_KEY', source: 'shell' }]]);
});

test('a losing definition with the same value as the winner is not reported twice', () => {
  const dir = join(root, 'whitespace', 'bad.escaped-newline-in-quotes');
  const value = '3f9a6d0c8b7e4a2190f1c3d5e7b90000\n';
  const findings = diagnoseLocal({ projectDir: dir, cwd: dir, env: { CLARIFAI_PAT: value }, checks: keyChecks }).findings;
  assert.deepEqual(findings.map((f) => [f.id, f.severity, f.location]), [['key/whitespace', 'error', { env: 'CLARIFAI_PAT', source: 'shell' }]]);
});
