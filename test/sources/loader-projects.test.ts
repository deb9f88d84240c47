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
