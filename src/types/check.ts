// The check contract: a pure function from the evidence it declares to findings, with the metadata reporters and docs read.
import type { Category, Finding, Severity } from './diagnostic.js';
import type { Evidence, EvidenceKind } from './evidence.js';

export interface CheckMeta {
  /** `category/name`; also the file name of the check. */
  id: string;
  category: Category;
  /** The severity of its usual finding (a check may emit others). */
  severity: Severity;
  /** Short title, used as the SARIF rule name. */
  title: string;
  /** What it means and why it matters (SARIF help text, docs). */
  description: string;
  /**
   * The registered problem this check reports, when it is not the check's own id: several checks (one per
   * kind of evidence: code, a live answer, pasted text) report the same problem under one id.
   */
  problem?: string;
}

export interface CheckOptions {
  /** Clarifai variables keydoctor expects, plus `--expect` names. */
  expected: string[];
}

/** Evidence with the kinds `K` present: what a check that requires them is handed. */
export type EvidenceWith<K extends EvidenceKind> = Evidence & { [P in K]-?: NonNullable<Evidence[P]> };

/** Everything a check may look at. No I/O, no process globals: a check sees only this. */
export interface CheckContext<K extends EvidenceKind = never> {
  evidence: EvidenceWith<K>;
  options: CheckOptions;
}

/** A check as the engine holds it. */
export interface Check {
  meta: CheckMeta;
  /** The evidence the check needs; the engine runs it only when all of it is there, and records why not otherwise. */
  requires: readonly EvidenceKind[];
  run(ctx: CheckContext): Finding[];
}

/** A check as it is written: the evidence `run` is handed is typed by what it `requires`. */
export interface CheckDefinition<K extends EvidenceKind> {
  meta: CheckMeta;
  requires: readonly K[];
  run(ctx: CheckContext<K>): Finding[];
}

/** Declares a check. The engine calls `run` only when every required kind of evidence is present. */
export function defineCheck<K extends EvidenceKind>(check: CheckDefinition<K>): Check {
  return check as unknown as Check;
}

/** A finding with the check's problem id and category filled in. */
export type FindingDraft = Omit<Finding, 'id' | 'category' | 'severity'> & { severity?: Severity; id?: string };

export function finding(meta: CheckMeta, draft: FindingDraft): Finding {
  const { id, severity, ...rest } = draft;
  return { id: id ?? meta.problem ?? meta.id, category: meta.category, severity: severity ?? meta.severity, ...rest };
}
