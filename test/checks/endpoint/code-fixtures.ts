// Runs one code check over fixture projects: the real scan (gatherCodeEvidence) and env gathering, then the check.
// Every bad.<case>/ must produce the check's id, every good.<case>/ must not, and no 32-character key
// written in a fixture may appear in what the check wrote.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runChecks } from '../../../src/core/engine.js';
import { CLARIFAI_VARIABLE_NAMES } from '../../../src/providers/clarifai/variables.js';
import { applySuppressions, gatherCodeEvidence } from '../../../src/scan/index.js';
import { gatherEnvEvidence } from '../../../src/sources/gather.js';
import { withLoaders } from '../../../src/sources/loaders/index.js';
import type { Check } from '../../../src/types/check.js';
import type { Finding } from '../../../src/types/diagnostic.js';
import { fixtureCases, testBadAndGoodExist } from '../fixture-runner.js';

function shellEnv(dir: string): Record<string, string> {
  const path = join(dir, 'env.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
}

/** The findings of `checks` for one fixture project, suppressions applied as the scan pipeline does. */
export async function runCodeFixture(fixture: string, checks: readonly Check[]): Promise<Finding[]> {
  const dir = resolve(fixture);
  const expected = [...CLARIFAI_VARIABLE_NAMES];
  const gathered = gatherEnvEvidence({ projectDir: dir, cwd: dir, env: shellEnv(dir), expected });
  const code = await gatherCodeEvidence(dir, { workers: 0 });
  // As runDiagnosis does: the code's loaders decide which files are loaded and with which rules.
  const { env, loaders } = withLoaders(gathered, code);
  const findings = runChecks(checks, { evidence: { env, code, loaders }, options: { expected } });
  return applySuppressions(findings, code.suppressions);
}

/** Every 32-character key-shaped token written in the fixture's files. */
function plantedKeys(dir: string): string[] {
  const out = new Set<string>();
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) visit(p);
      else for (const m of readFileSync(p, 'utf8').matchAll(/[A-Za-z0-9]{32}/gu)) out.add(m[0]);
    }
  };
  visit(dir);
  return [...out];
}

export function describeCodeFixtures(checkDir: string, check: Check): void {
  const id = check.meta.id;
  const cases = fixtureCases(checkDir);
  describe(`${id} fixtures`, () => {
    testBadAndGoodExist(checkDir, cases);
    for (const name of cases) {
      const dir = join(checkDir, name);
      test(`${name} ${name.startsWith('bad.') ? 'reports' : 'does not report'} ${id}`, async () => {
        const findings = await runCodeFixture(dir, [check]);
        assert.ok(!findings.some((f) => f.id.startsWith('internal/')), JSON.stringify(findings, null, 2));
        const mine = findings.filter((f) => f.id === id);
        if (name.startsWith('good.')) {
          assert.deepEqual(mine, [], `unexpected ${id}: ${JSON.stringify(mine, null, 2)}`);
          return;
        }
        assert.ok(mine.length > 0, `expected ${id} in ${name}`);
        for (const f of mine) assert.ok(f.location, `${id} finding without a location`);
        const raw = JSON.stringify(findings);
        for (const key of plantedKeys(dir)) assert.ok(!raw.includes(key), `${id} wrote a planted key in ${name}: ${raw}`);
      });
    }
  });
}
