// The one fixture runner: every bad.<case>/ must produce the check's problem, every good.<case>/ must not, and each
// case's whole output (id, severity, message, location, fix) must equal its <case>.expected.json beside it.
//
// A fixture folder holds a `.env` (or any dotenv family file), code, and optionally `env.json`: an object injected
// as the shell environment. The real process.env is never read. Findings come from the engine itself (diagnose /
// diagnoseLocal), the same path the CLI takes. A missing expectation file fails; KD_WRITE_EXPECTED=1 writes it
// (refused under CI, so an expectation is never written silently there).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { diagnose, diagnoseLocal } from '../../src/core/diagnose.js';
import { allChecks } from '../../src/checks/index.js';
import { problemFor } from '../../src/checks/registry.js';
import { Redactor, secretVariants } from '../../src/core/secret.js';
import { looksLikeSecretName } from '../../src/providers/clarifai/variables.js';
import type { Check } from '../../src/types/check.js';
import type { Finding } from '../../src/types/diagnostic.js';

/** A redactor that lets everything through, to see what the checks themselves wrote. */
class NoRedactor extends Redactor {
  override add(): void {}
  override redact(text: string): string {
    return text;
  }
}

export function shellEnv(dir: string): Record<string, string> {
  const path = join(dir, 'env.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
}

/** The problem id a check reports. */
export function problemOf(check: Check): string {
  return check.meta.problem ?? check.meta.id;
}

/** The findings the given checks report for an env-only fixture folder, redacted as the CLI would print them. */
export function runFixtureDir(dir: string, checks: readonly Check[], redactor: Redactor = new Redactor()): Finding[] {
  return diagnoseLocal({ projectDir: dir, cwd: dir, env: shellEnv(dir), checks, redactor }).findings;
}

/** The findings for a fixture project with code: the real scan (in this thread), env gathering, then the checks. */
export async function runCodeFixture(fixture: string, checks: readonly Check[], redactor: Redactor = new Redactor()): Promise<Finding[]> {
  const dir = resolve(fixture);
  return (await diagnose({ projectDir: dir, cwd: dir, env: shellEnv(dir), checks, scanWorkers: 0, redactor })).findings;
}

/** Credential values planted in a fixture: long env values and every 32-character key-shaped token in its files. */
function plantedSecrets(dir: string): string[] {
  const out = new Set<string>();
  const { evidence } = diagnoseLocal({ projectDir: dir, cwd: dir, env: shellEnv(dir), checks: [], redactor: new NoRedactor() });
  for (const [name, variable] of evidence.env!.variables) {
    if (!looksLikeSecretName(name)) continue;
    for (const d of variable.definitions) for (const v of secretVariants(d.value.reveal())) if ([...v].length >= 12) out.add(v);
  }
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.isFile()) for (const m of readFileSync(p, 'latin1').matchAll(/[A-Za-z0-9]{32}/gu)) out.add(m[0]);
    }
  };
  visit(dir);
  return [...out];
}

/** The bad.* and good.* fixture folders under `checkDir`, sorted; none when the folder is missing. */
export function fixtureCases(checkDir: string): string[] {
  try {
    return readdirSync(checkDir).filter((n) => /^(bad|good)\./u.test(n) && statSync(join(checkDir, n)).isDirectory()).sort();
  } catch {
    return [];
  }
}

/** A check's fixtures must include both kinds; a missing folder fails instead of passing silently. */
export function testBadAndGoodExist(checkDir: string, cases: readonly string[]): void {
  test('has at least one bad.* and one good.* fixture', () => {
    assert.ok(cases.some((c) => c.startsWith('bad.')), `no bad.* fixture folder in ${checkDir}`);
    assert.ok(cases.some((c) => c.startsWith('good.')), `no good.* fixture folder in ${checkDir}`);
  });
}

/**
 * Findings as stored in expected.json: the fixture's own path written as `<fixture>` so the file is portable. The
 * byte-level `autofix` is left out: test/fix applies every fix and compares the bytes it writes.
 */
function portable(findings: readonly Finding[], dir: string): unknown {
  const plain = findings.map(({ autofix: _fix, ...f }) => f);
  return JSON.parse(JSON.stringify(plain).split(resolve(dir)).join('<fixture>'));
}

/** Compares a case's whole output with its expected.json; a missing file fails (or is written with KD_WRITE_EXPECTED=1 outside CI). */
export function assertExpected(dir: string, findings: readonly Finding[]): void {
  // Beside the case folder, not in it: the scan would read a file inside the fixture as part of the project.
  const path = `${resolve(dir)}.expected.json`;
  const actual = portable(findings, dir);
  if (!existsSync(path)) {
    if (process.env.KD_WRITE_EXPECTED === '1' && !process.env.CI) {
      writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
      return;
    }
    assert.fail(`${path} is missing: run the test with KD_WRITE_EXPECTED=1 (outside CI) and review the file`);
  }
  assert.deepEqual(actual, JSON.parse(readFileSync(path, 'utf8')), `${path} differs from what the check reports now`);
}

function registerCases(checkDir: string, check: Check, run: (dir: string, redactor?: Redactor) => Finding[] | Promise<Finding[]>): void {
  const id = problemOf(check);
  const cases = fixtureCases(checkDir);
  describe(`${check.meta.id} fixtures`, () => {
    testBadAndGoodExist(checkDir, cases);
    for (const name of cases) {
      const dir = join(checkDir, name);
      const bad = name.startsWith('bad.');
      test(`${name} ${bad ? 'reports' : 'does not report'} ${id}`, async () => {
        const findings = await run(dir);
        assert.ok(!findings.some((f) => f.id.startsWith('internal/')), JSON.stringify(findings, null, 2));
        if (allChecks.includes(check)) for (const f of findings) assert.equal(problemFor(f.id)?.id, f.id, `${f.id} is not a registered problem id`);
        // Only problems the registry marks fixable carry a fix keydoctor fix would apply.
        for (const f of findings) if (f.autofix) assert.ok(problemFor(f.id)?.fixable, `${f.id} carries an autofix but is not marked fixable in the registry`);
        const mine = findings.filter((f) => f.id === id);
        if (bad) assert.ok(mine.length > 0, `expected ${id} in ${name}, got ${JSON.stringify(findings, null, 2)}`);
        else assert.deepEqual(mine, [], `unexpected ${id}: ${JSON.stringify(mine, null, 2)}`);
        assertExpected(dir, findings);
        // What the check itself wrote, before any redaction, must not hold a planted credential.
        const raw = JSON.stringify(await run(dir, new NoRedactor()));
        for (const secret of plantedSecrets(dir)) assert.ok(!raw.includes(secret), `${id} wrote a planted credential in ${name}: ${raw}`);
      });
    }
  });
}

/** Registers a test per fixture folder of an env/key check. */
export function describeFixtures(checkDir: string, check: Check): void {
  registerCases(checkDir, check, (dir, redactor) => runFixtureDir(dir, [check], redactor));
}

/** Registers a test per fixture project of a code check (the real scan). */
export function describeCodeFixtures(checkDir: string, check: Check): void {
  registerCases(checkDir, check, (dir, redactor) => runCodeFixture(dir, [check], redactor));
}
