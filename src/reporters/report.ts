// What every reporter renders: the engine's Result (findings, checks, categories, credentials, summary) plus notes.
import type { CategoryStatus, CommandName, CredentialRecord, Result, Summary } from '../core/diagnose.js';
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
  /** Command-specific data (explain's status, env's table, routes' matches), under the command's name in JSON. */
  data?: Record<string, unknown>;
}

export type Reporter = (report: Report, options: ReporterOptions) => string;

export interface ReporterOptions {
  color: boolean;
  unicode: boolean;
}

/**
 * The report of a diagnosis: the Result with the command's notes and data. `findings` replaces the Result's
 * when the command drops some (a baseline); the summary counts what is shown.
 */
export function reportOf(result: Result, extra: { notes?: string[]; data?: Record<string, unknown>; findings?: Finding[] } = {}): Report {
  const { version, command, checks, categories, credentials } = result;
  const findings = extra.findings ?? result.findings;
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const summary = { ...result.summary, errors: count('error'), warnings: count('warning'), infos: count('info') };
  return { version, command, findings, checks, categories, credentials, summary, notes: extra.notes ?? [], ...(extra.data ? { data: extra.data } : {}) };
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
    summary: { errors: 0, warnings: 0, infos: 0, checksRun: 0, checksSkipped: 0, checksCrashed: 0 },
    ...(data ? { data } : {}),
  };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
