// The summary of a report: finding counts, blocking versus exposure, and the finding to fix first.
import { rootCauseIndex } from '../checks/consequences.js';
import type { Finding } from '../types/diagnostic.js';

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  /** Errors that make Clarifai reject the request (all but exposure). */
  blocking: number;
  /** Findings that a credential is exposed (committed, hard-coded, shipped to browsers, logged). */
  exposures: number;
  /** Index in `findings` of the one to fix first (a root, not a consequence of another finding); absent if none. */
  rootCause?: number;
  checksRun: number;
  checksSkipped: number;
  checksCrashed: number;
}

/** The finding counts of a summary, for the findings a report shows. */
export function findingCounts(findings: readonly Finding[]): Pick<Summary, 'errors' | 'warnings' | 'infos' | 'blocking' | 'exposures' | 'rootCause'> {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const root = rootCauseIndex(findings);
  return {
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    blocking: findings.filter((f) => f.severity === 'error' && f.category !== 'exposure').length,
    exposures: findings.filter((f) => f.category === 'exposure' && f.severity !== 'info').length,
    ...(root >= 0 ? { rootCause: root } : {}),
  };
}
