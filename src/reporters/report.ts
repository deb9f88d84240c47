// What every reporter renders: the engine's Result (findings, checks, categories, credentials, summary) plus notes.
import type { CategoryStatus, CommandName, CredentialRecord, Result } from '../core/diagnose.js';
import { findingCounts, type Summary } from '../core/summary.js';
import { causeLinks } from '../checks/consequences.js';
import type { CheckRecord } from '../core/engine.js';
import { CATEGORIES, type Finding } from '../types/diagnostic.js';

export interface Report {
  version: string;
  command: CommandName;
  findings: Finding[];
  checks: CheckRecord[];
  categories: CategoryStatus[];
  credentials: CredentialRecord[];
  summary: Summary;
  /** Extra lines for the terminal (which sources were read, what was sent); never secrets. */
  notes?: string[];
  /** For each finding, the index of the root it follows from (src/checks/consequences.ts); absent for a root. */
  causedBy?: (number | undefined)[];
  /** Command-specific data (explain's status, env's table, routes' matches), under the command's name in JSON. */
  data?: Record<string, unknown>;
}

export type Reporter = (report: Report, options: ReporterOptions) => string;

export interface ReporterOptions {
  color: boolean;
  unicode: boolean;
  /** Columns to wrap to (a terminal); absent: one line per sentence. */
  width?: number;
  /** Print the evidence too: other places involved, the code line, and each folded consequence's place and fix. */
  verbose?: boolean;
}

/**
 * The report of a diagnosis: the Result with the command's notes and data. `findings` replaces the Result's
 * when the command drops some (a baseline); the summary counts what is shown.
 */
export function reportOf(result: Result, extra: { notes?: string[]; data?: Record<string, unknown>; findings?: Finding[] } = {}): Report {
  const { version, command, checks, categories, credentials } = result;
  const findings = extra.findings ?? result.findings;
  const { rootCause: _old, ...rest } = result.summary;
  const summary = { ...rest, ...findingCounts(findings) };
  return { version, command, findings, checks, categories, credentials, summary, causedBy: causeLinks(findings), notes: extra.notes ?? [], ...(extra.data ? { data: extra.data } : {}) };
}

/** The report of a command that judges nothing (routes): the same envelope, with nothing checked. */
export function emptyReport(version: string, command: CommandName, data?: Record<string, unknown>): Report {
  return {
    version,
    command,
    findings: [],
    checks: [],
    categories: CATEGORIES.map((category) => ({ category, status: 'not-checked', reason: 'not-requested' })),
    credentials: [],
    summary: { errors: 0, warnings: 0, infos: 0, blocking: 0, exposures: 0, checksRun: 0, checksSkipped: 0, checksCrashed: 0 },
    ...(data ? { data } : {}),
  };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
