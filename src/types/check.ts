// The check contract: a pure function from evidence to findings, with the metadata reporters and docs read.
import type { Category, Finding, Severity } from './diagnostic.js';
import type { Evidence } from './evidence.js';

export interface CheckMeta {
  /** `category/name`; also the file name of the check and of its docs page. */
  id: string;
  category: Category;
  /** The severity of its usual finding (a check may emit others). */
  severity: Severity;
  /** Short title, used as the SARIF rule name. */
  title: string;
  /** What it means and why it matters (SARIF help text, docs). */
  description: string;
}

export interface CheckOptions {
  /** Clarifai variables keydoctor expects, plus `--expect` names. */
  expected: string[];
}

/** Everything a check may look at. No I/O, no process globals: a check sees only this. */
export interface CheckContext {
  evidence: Evidence;
  options: CheckOptions;
}

export interface Check {
  meta: CheckMeta;
  run(ctx: CheckContext): Finding[];
}

/** A finding with the check's id and category filled in. */
export type FindingDraft = Omit<Finding, 'id' | 'category' | 'severity'> & { severity?: Severity; id?: string };

export function finding(meta: CheckMeta, draft: FindingDraft): Finding {
  const { id, severity, ...rest } = draft;
  return { id: id ?? meta.id, category: meta.category, severity: severity ?? meta.severity, ...rest };
}
