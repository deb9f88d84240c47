// Runs checks over evidence; a check that throws becomes an internal finding instead of vanishing.
import type { Check, CheckContext } from '../types/check.js';
import type { Finding } from '../types/diagnostic.js';

export function runChecks(checks: readonly Check[], ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const check of checks) {
    try {
      findings.push(...check.run(ctx));
    } catch (error) {
      findings.push({
        id: 'internal/check-crashed',
        category: check.meta.category,
        severity: 'error',
        message: `The check ${check.meta.id} failed: ${error instanceof Error ? error.message : String(error)}.`,
        fix: 'This is a bug in keydoctor; please report it with the output of `keydoctor --version`.',
      });
    }
  }
  return findings;
}
