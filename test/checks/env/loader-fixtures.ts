// Fixture projects for the loader checks: each bad.*/good.* folder is a small project whose expected.json holds the
// loader model keydoctor builds for it (entry points, loaders, files read) and every env finding, compared whole
// (in <case>.loaders.json beside it; the check's own findings are also in <case>.expected.json, as for every check).
// Set KD_WRITE_EXPECTED=1 to write a missing expected.json (never done silently; review it before committing).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { envChecks } from '../../../src/checks/env/index.js';
import { diagnose } from '../../../src/core/diagnose.js';
import type { Check } from '../../../src/types/check.js';
import { fixtureCases } from '../fixture-runner.js';
import { describeCodeFixtures } from '../endpoint/code-fixtures.js';

function shellEnv(dir: string): Record<string, string> {
  const path = join(dir, 'env.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
}

/** The loader model and the env findings of one fixture project, as plain data. */
export async function loaderOutcome(fixture: string, projectSub = '.'): Promise<unknown> {
  const dir = resolve(fixture, projectSub);
  // The one engine, offline, with the real scan: the loader model is its evidence.
  const result = await diagnose({ projectDir: dir, cwd: dir, env: shellEnv(dir), checks: envChecks, scanWorkers: 0 });
  const env = result.evidence.env!;
  const loaders = result.evidence.loaders!;
  const findings = result.findings;
  return {
    entryPoints: loaders.entryPoints.map((e) => ({
      name: e.name,
      runtime: e.runtime,
      chain: e.chain.map((r) => ({ loader: r.loader, label: r.label, override: r.override, reads: r.reads.map((f) => `${f.display}${f.exists ? '' : ' (missing)'}`) })),
      // Containers and CI steps: the value each credential has there (masked), where it is written and why it wins.
      ...(e.values ? { values: e.values.map((v) => `${v.name} = ${v.value === undefined ? (v.secret ? `\${{ ${v.secret} }}` : '<not set>') : v.value.reveal() === '' ? '""' : v.value.toString()} (${v.from}${v.problem ? `, ${v.problem}` : ''}) at ${v.at.file}${v.at.line ? `:${v.at.line}` : ''}: ${v.why}`) } : {}),
    })),
    files: env.files.map((f) => `${f.display}: ${f.reason}`),
    findings: findings.map((f) => ({ id: f.id, severity: f.severity, message: f.message, fix: f.fix, ...(f.location ? { location: f.location } : {}) })),
  };
}

/** `located: false` for a check whose finding has no place (env/no-credential); the code-fixture checks need one. */
export function describeLoaderFixtures(checkDir: string, check: Check, options: { located?: boolean } = {}): void {
  if (options.located !== false) describeCodeFixtures(checkDir, check);
  describe(`${check.meta.id} expected outputs`, () => {
    for (const name of fixtureCases(checkDir)) {
      test(`${name} matches its .loaders.json`, async () => {
        const dir = join(checkDir, name);
        // Beside the case folder, not in it: the scan would read a file inside the fixture as part of the project.
        const file = `${dir}.loaders.json`;
        const actual = await loaderOutcome(dir);
        if (!existsSync(file)) {
          if (process.env.KD_WRITE_EXPECTED === '1' && !process.env.CI) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
          assert.fail(`${name}: no .loaders.json${process.env.KD_WRITE_EXPECTED === '1' ? ' (written: review it)' : ' (KD_WRITE_EXPECTED=1 writes it)'}`);
        }
        assert.deepEqual(actual, JSON.parse(readFileSync(file, 'utf8')));
        const ids = (actual as { findings: { id: string }[] }).findings.map((f) => f.id);
        assert.equal(ids.includes(check.meta.id), name.startsWith('bad.'), `${name}: ${ids.join(', ')}`);
      });
    }
  });
}
