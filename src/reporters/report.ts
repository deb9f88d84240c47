// The result every reporter renders: the findings plus a little context about the run.
import type { Finding } from '../types/diagnostic.js';

export interface Report {
  version: string;
  findings: Finding[];
  /** Extra lines for the terminal only (which sources were read, notes); never secrets. */
  notes?: string[];
}

export type Reporter = (report: Report, options: ReporterOptions) => string;

export interface ReporterOptions {
  color: boolean;
  unicode: boolean;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
