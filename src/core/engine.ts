// The engine: runs each check whose evidence is there, records every check as ran, skipped (and why) or crashed.
import type { Check, CheckOptions } from '../types/check.js';
import type { Category, Finding } from '../types/diagnostic.js';
import type { Evidence, EvidenceKind } from '../types/evidence.js';

/** Why a check did not run: its evidence was not gathered, and this is why. */
export type SkipReason = 'offline' | 'no-code' | 'no-credential' | 'not-requested';

export interface CheckRecord {
  id: string;
  category: Category;
  status: 'ran' | 'skipped' | 'crashed';
  reason?: SkipReason;
}

/** For each kind of evidence the request did not gather, why not (the reason a check needing it is skipped). */
export type Absent = Partial<Record<EvidenceKind, SkipReason>>;

export interface CheckRun {
  findings: Finding[];
  checks: CheckRecord[];
}

function missing(check: Check, evidence: Evidence, absent: Absent): SkipReason | undefined {
  for (const kind of check.requires) {
    if (evidence[kind] === undefined) return absent[kind] ?? 'not-requested';
  }
  return undefined;
}

export function runChecks(checks: readonly Check[], evidence: Evidence, options: CheckOptions, absent: Absent = {}): CheckRun {
  const findings: Finding[] = [];
  const records: CheckRecord[] = [];
  for (const check of checks) {
    const { id, category } = check.meta;
    const reason = missing(check, evidence, absent);
    if (reason) {
      records.push({ id, category, status: 'skipped', reason });
      continue;
    }
    try {
      findings.push(...check.run({ evidence: evidence as never, options }));
      records.push({ id, category, status: 'ran' });
    } catch (error) {
      records.push({ id, category, status: 'crashed' });
      findings.push({
        id: 'internal/check-crashed',
        category,
        severity: 'error',
        message: `The check ${id} failed: ${error instanceof Error ? error.message : String(error)}.`,
        fix: 'This is a bug in keydoctor; please report it with the output of `keydoctor --version`.',
      });
    }
  }
  return { findings, checks: records };
}
