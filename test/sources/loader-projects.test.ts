// One small project per loader (dotenv-flow in code and preloaded, dotenv-cli, env-cmd, django-environ, python-decouple,
// pydantic-settings, direnv): the loader model keydoctor builds for it equals <case>.loaders.json beside it, and a
// project whose loader reads its .env gets no env error.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixtureCases } from '../checks/fixture-runner.js';
import { loaderOutcome } from '../checks/env/loader-fixtures.js';

const root = join(dirname(fileURLToPath(import.meta.url)), 'loader-projects');

describe('loader projects', () => {
  for (const name of fixtureCases(root)) {
    test(`${name}: the loader model and the env findings match ${name}.loaders.json`, async () => {
      const dir = join(root, name);
      const actual = (await loaderOutcome(dir)) as { findings: { id: string; severity: string }[] };
      const file = `${dir}.loaders.json`;
      if (!existsSync(file)) {
        if (process.env.KD_WRITE_EXPECTED === '1' && !process.env.CI) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
        assert.fail(`${name}: no .loaders.json${process.env.KD_WRITE_EXPECTED === '1' ? ' (written: review it)' : ''}`);
      }
      assert.deepEqual(actual, JSON.parse(readFileSync(file, 'utf8')));
      if (name.startsWith('good.')) assert.deepEqual(actual.findings.filter((f) => f.id.startsWith('env/') && f.severity === 'error'), []);
    });
  }
});

test('an env_file or build context outside the project folder is never read (the compose file is untrusted)', async () => {
  const { mkdtempSync, mkdirSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const outer = mkdtempSync(join(tmpdir(), 'kd-compose-outside-'));
  writeFileSync(join(outer, 'secret.env'), 'CLARIFAI_PAT=3f9a6d0c8b7e4a2190f1c3d5e7b90000\n');
  writeFileSync(join(outer, 'Dockerfile'), 'FROM node:20\nENV CLARIFAI_PAT=3f9a6d0c8b7e4a2190f1c3d5e7b90000\n');
  const dir = join(outer, 'app');
  mkdirSync(dir);
  writeFileSync(join(dir, 'docker-compose.yml'), 'services:\n  api:\n    build: ..\n    env_file:\n      - ../secret.env\n      - /etc/hostname\n');
  writeFileSync(join(dir, 'server.js'), 'console.log(process.env.CLARIFAI_PAT);\n');
  const out = (await loaderOutcome(dir)) as { entryPoints: { name: string; chain: { reads: string[] }[]; values?: string[] }[]; files: string[] };
  const api = out.entryPoints.find((e) => e.name === 'docker compose up (service api)')!;
  assert.equal(api.chain[0]!.reads[0], '../secret.env (missing)');
  assert.ok(api.chain[0]!.reads.every((r) => r.endsWith('(missing)')), JSON.stringify(api.chain));
  assert.match(api.values![0]!, /^CLARIFAI_PAT = <not set> \(unset\)/u);
  assert.deepEqual(out.files, []);
  assert.ok(!JSON.stringify(out).includes('3f9a6d0c'), 'nothing from outside the folder is read');
});

test('service, job and step names from the YAML never carry a control character out', async () => {
  const { mkdtempSync, mkdirSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'kd-yaml-names-'));
  mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(join(dir, 'docker-compose.yml'), 'services:\n  "api\\u001b[31m":\n    build: .\n    environment:\n      CLARIFAI_PAT: ${CLARIFAI_PAT}\n');
  writeFileSync(join(dir, '.github/workflows/ci.yml'), 'on: push\njobs:\n  "t\\u0007":\n    runs-on: ubuntu-latest\n    steps:\n      - name: "run\\u001b]0;x\\u0007"\n        run: node server.js\n');
  writeFileSync(join(dir, 'server.js'), 'console.log(process.env.CLARIFAI_PAT);\n');
  const out = JSON.stringify(await loaderOutcome(dir));
  assert.match(out, /docker compose up \(service api/u);
  assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f]/u.test(JSON.parse(JSON.stringify(out))), out);
  assert.ok(!out.includes('\\u001b') && !out.includes('\\u0007'), out);
});
