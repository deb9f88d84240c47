// keydoctor's public library API (named exports only): diagnose a project's Clarifai credential, or explain an error text.
import { runDiagnosis, type CredentialSummary, type DiagnoseOptions } from './live/diagnose.js';
import type { Finding } from './types/diagnostic.js';

export type { DiagnoseOptions, CredentialSummary } from './live/diagnose.js';
export type { TargetInput } from './live/targets.js';
export type { Finding, Category, Severity } from './types/diagnostic.js';
export { CATEGORIES } from './types/diagnostic.js';
export type { Location, FileLocation, EnvLocation, HttpLocation, GrpcLocation } from './types/location.js';
export { formatLocation } from './types/location.js';
export type { Verdict, LiveEvidence, Exchange, CredentialVerdict, TargetCall } from './types/live-evidence.js';
export { explain } from './explain/index.js';
export type { ExplainResult, ExplainStatus, ExplainOptions } from './explain/index.js';
export { KeydoctorError, ERROR_CODES, type ErrorCode } from './core/errors.js';

export interface DiagnoseResult {
  /** The same findings `keydoctor check --json` prints, ordered by category, secrets masked. */
  findings: Finding[];
  /** One verdict per probed credential (valid / invalid / unknown), without its value. */
  verdicts: CredentialSummary[];
}

/**
 * Runs the doctor: reads the project's env and .env files (default: the current folder and
 * process.env), asks the configured Clarifai base unless `offline`, and returns the findings.
 * Throws KeydoctorError (code KD_ERR_NETWORK_POLICY) instead of sending a key over plain http://
 * to a host that is not this machine.
 */
export async function diagnose(options: DiagnoseOptions = {}): Promise<DiagnoseResult> {
  const { findings, verdicts } = await runDiagnosis(options);
  return { findings, verdicts };
}
