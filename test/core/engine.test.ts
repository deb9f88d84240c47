// The engine: a check runs only with the evidence it requires, every check is recorded, and no category gets a ✓ it did not earn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allChecks } from '../../src/checks/index.js';
import { diagnose } from '../../src/core/diagnose.js';
import { runChecks } from '../../src/core/engine.js';
import { defineCheck } from '../../src/types/check.js';
import { runCli } from '../helpers/cli.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kd-engine-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

test('a check whose evidence is missing is skipped with the reason; a throwing check is recorded as crashed', () => {
  const live = defineCheck({ meta: { id: 'limits/t-live', category: 'limits', severity: 'error', title: 't', description: 't' }, requires: ['live'], run: () => [] });
  const boom = defineCheck({ meta: { id: 'key/t-boom', category: 'key', severity: 'error', title: 't', description: 't' }, requires: [], run: () => { throw new Error('boom'); } });
  const { checks, findings } = runChecks([live, boom], {}, { expected: [] }, { live: 'offline' });
  assert.deepEqual(checks, [
    { id: 'limits/t-live', category: 'limits', status: 'skipped', reason: 'offline' },
    { id: 'key/t-boom', category: 'key', status: 'crashed' },
  ]);
  assert.equal(findings[0]!.id, 'internal/check-crashed');
});

test('offline: every live check is skipped with reason offline, and limits/activation are not checked', async () => {
  const dir = project({ '.env': 'CLARIFAI_PAT=3f9a6d0c8b7e4a2190f1c3d5e7b90000\n', 'app.js': "require('dotenv').config();\nfetch('https://api.clarifai.com/v2/users/me', { headers: { Authorization: 'Key ' + process.env.CLARIFAI_PAT } });\n" });
  try {
    const r = await diagnose({ projectDir: dir, cwd: dir, env: {}, scanWorkers: 0 });
    const liveChecks = allChecks.filter((c) => c.requires.includes('live')).map((c) => c.meta.id);
    assert.ok(liveChecks.length > 10);
    for (const id of liveChecks) assert.deepEqual(r.checks.find((c) => c.id === id), { id, category: allChecks.find((c) => c.meta.id === id)!.meta.category, status: 'skipped', reason: 'offline' });
    assert.deepEqual(r.categories.find((c) => c.category === 'limits'), { category: 'limits', status: 'not-checked', reason: 'offline' });
    assert.deepEqual(r.categories.find((c) => c.category === 'activation'), { category: 'activation', status: 'not-checked', reason: 'offline' });
    assert.equal(r.categories.find((c) => c.category === 'key')!.status, 'checked');
    assert.deepEqual(r.credentials, [{ id: 'CLARIFAI_PAT', name: 'CLARIFAI_PAT', source: '.env', line: 1, value: '3f9a…00 (32 chars)', kind: 'pat', verdict: 'not-probed' }]);
    assert.equal(r.summary.checksRun + r.summary.checksSkipped + r.summary.checksCrashed, allChecks.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('check --offline prints "not checked" instead of ✓ for categories no check examined; --json lists them as skipped', async () => {
  const dir = project({ '.env': 'CLARIFAI_PAT=3f9a6d0c8b7e4a2190f1c3d5e7b90000\n' });
  try {
    const text = await runCli(['check', dir, '--offline', '--no-color'], { env: {}, cwd: dir });
    for (const title of ['Usage limits', 'Activation']) {
      assert.match(text.stdout, new RegExp(`\\[-\\] ${title} — not checked: offline`, 'u'));
      assert.doesNotMatch(text.stdout, new RegExp(`\\[✓\\] ${title}`, 'u'));
    }
    const json = JSON.parse((await runCli(['check', dir, '--offline', '--json'], { env: {}, cwd: dir })).stdout);
    assert.deepEqual(Object.keys(json).slice(0, 7), ['version', 'command', 'findings', 'checks', 'categories', 'credentials', 'summary']);
    assert.equal(json.command, 'check');
    assert.ok(json.checks.some((c: { id: string; status: string; reason?: string }) => c.id === 'limits/live-throttled' && c.status === 'skipped' && c.reason === 'offline'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('check, scan, explain, env, routes and fix share the JSON envelope; usage errors with --json are JSON too', async () => {
  const dir = project({ '.env': 'CLARIFAI_PAT=3f9a6d0c8b7e4a2190f1c3d5e7b90000\n' });
  try {
    const runs = [
      ['check', dir, '--offline', '--json'],
      ['scan', dir, '--json'],
      ['explain', '11009', '--json'],
      ['env', dir, '--json'],
      ['routes', 'PostModelOutputs', '--json'],
      ['fix', dir, '--json'],
    ];
    for (const argv of runs) {
      const out = JSON.parse((await runCli(argv, { env: {}, cwd: dir })).stdout);
      for (const k of ['version', 'command', 'findings', 'checks', 'categories', 'credentials', 'summary']) assert.ok(k in out, `${argv[0]}: no ${k}`);
      assert.equal(out.command, argv[0]);
    }
    const scan = JSON.parse((await runCli(['scan', dir, '--json'], { env: {}, cwd: dir })).stdout);
    assert.equal(scan.categories.find((c: { category: string }) => c.category === 'limits').status, 'not-checked');
    const bad = await runCli(['check', join(dir, 'nope'), '--json'], { env: {}, cwd: dir });
    assert.equal(bad.code, 2);
    assert.deepEqual(Object.keys(JSON.parse(bad.stdout)), ['version', 'error']);
    assert.equal(JSON.parse(bad.stdout).error.code, 'KD_ERR_NOT_A_DIRECTORY');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an old id in a keydoctor-ignore comment still silences the problem it named', async () => {
  const key = '4c8e2a6b0d9f4e1386a5c7b3d1e50000';
  const code = (ignore: string) =>
    `// App key from the environment\nconst key = process.env.CLARIFAI_API_KEY;\n${ignore}\nfetch('https://api.clarifai.com/v2/users/me/apps', { headers: { Authorization: 'Key ' + key } });\n`;
  for (const ignore of ['', '// keydoctor-ignore: permissions/code-app-key-pat-route -- old id', '// keydoctor-ignore: permissions/app-key-on-pat-route']) {
    const dir = project({ '.env': `CLARIFAI_API_KEY=${key}\n`, 'app.js': code(ignore) });
    try {
      const r = await diagnose({ projectDir: dir, cwd: dir, env: {}, scanWorkers: 0 });
      const found = r.findings.some((f) => f.id === 'permissions/app-key-on-pat-route');
      assert.equal(found, ignore === '', `ignore=${JSON.stringify(ignore)}: ${r.findings.map((f) => f.id).join(', ')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

test('the library never goes live unless asked, and refuses bad options with KD_ERR_USAGE', async () => {
  const { diagnose: libraryDiagnose } = await import('../../src/index.js');
  const dir = project({ '.env': 'CLARIFAI_PAT=3f9a6d0c8b7e4a2190f1c3d5e7b90000\n' });
  try {
    const r = await libraryDiagnose({ projectDir: dir, cwd: dir, env: {}, scan: false });
    assert.equal(r.categories.find((c) => c.category === 'limits')!.reason, 'offline');
    assert.ok(!('evidence' in r));
    for (const bad of [{ allowInsecure: 'no' }, { live: 1 }, { timeoutMs: -1 }, { transport: 'http' }, { nonsense: true }, 'offline']) {
      await assert.rejects(libraryDiagnose(bad as never), (e: { code?: string }) => e.code === 'KD_ERR_USAGE', JSON.stringify(bad));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
