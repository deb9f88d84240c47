// Runs checks over fixture folders: every bad.<case>/ must produce the check's id, every good.<case>/ must not.
//
// A fixture folder holds a `.env` (or any dotenv family file) and, optionally, `env.json`: an object
// injected as the shell environment. The real process.env is never read.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { diagnoseOffline } from '../../src/core/diagnose-offline.js';
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

function shellEnv(dir: string): Record<string, string> {
  const path = join(dir, 'env.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
}

/** The findings the given checks report for one fixture folder, redacted as the CLI would print them. */
export function runFixtureDir(dir: string, checks: readonly Check[]): Finding[] {
  return diagnoseOffline({ projectDir: dir, cwd: dir, env: shellEnv(dir), checks }).findings;
}

/** Credential values planted in a fixture that are long enough to be a key (shorter ones mask to nothing). */
function plantedSecrets(dir: string): string[] {
  const { evidence } = diagnoseOffline({ projectDir: dir, cwd: dir, env: shellEnv(dir), checks: [] }, new NoRedactor());
  const out = new Set<string>();
  for (const [name, variable] of evidence.env.variables) {
    if (!looksLikeSecretName(name)) continue;
    for (const d of variable.definitions) for (const v of secretVariants(d.value.reveal())) if ([...v].length >= 12) out.add(v);
  }
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
 * Registers a test per fixture folder under `checkDir`. A missing folder, or one without both a
 * bad.* and a good.* case, fails instead of passing silently. Every bad case is also checked for
 * leaks: no planted credential may appear in what the check itself wrote, before any redaction.
 */
export function describeFixtures(checkDir: string, check: Check): void {
  const id = check.meta.id;
  const cases = fixtureCases(checkDir);
  describe(`${id} fixtures`, () => {
    testBadAndGoodExist(checkDir, cases);
    for (const name of cases) {
      const dir = join(checkDir, name);
      if (name.startsWith('bad.')) {
        test(`${name} reports ${id}`, () => {
          const findings = runFixtureDir(dir, [check]);
          assert.ok(findings.some((f) => f.id === id), `expected ${id}, got ${JSON.stringify(findings, null, 2)}`);
          const raw = JSON.stringify(diagnoseOffline({ projectDir: dir, cwd: dir, env: shellEnv(dir), checks: [check] }, new NoRedactor()).findings);
          for (const secret of plantedSecrets(dir)) assert.ok(!raw.includes(secret), `${id} wrote a planted credential in ${name}: ${raw}`);
        });
      } else {
        test(`${name} does not report ${id}`, () => {
          const findings = runFixtureDir(dir, [check]);
          assert.ok(!findings.some((f) => f.id === id), `unexpected ${id}: ${JSON.stringify(findings, null, 2)}`);
        });
      }
    }
  });
}
