// The full doctor: gather env evidence, ask the API (unless offline), run every check, and return ordered, redacted findings.
import { allChecks } from '../checks/index.js';
import { collectSecrets } from '../core/diagnose-offline.js';
import { runChecks } from '../core/engine.js';
import { processFindings } from '../core/pipeline.js';
import { Redactor } from '../core/secret.js';
import { CLARIFAI_VARIABLE_NAMES } from '../providers/clarifai/variables.js';
import { gatherEnvEvidence } from '../sources/gather.js';
import type { Check } from '../types/check.js';
import type { Finding } from '../types/diagnostic.js';
import type { Evidence } from '../types/evidence.js';
import type { CodeEvidence } from '../types/code-evidence.js';
import type { CredentialVerdict, Verdict } from '../types/live-evidence.js';
import { gatherLiveEvidence, type LiveOptions } from './gather.js';

export interface DiagnoseOptions extends LiveOptions {
  /** The project folder (default: the current folder). */
  projectDir?: string;
  /** The environment the app runs with (default: process.env). */
  env?: Record<string, string | undefined>;
  envFiles?: readonly string[];
  expect?: readonly string[];
  cwd?: string;
  /** Only local evidence: nothing is sent anywhere. */
  offline?: boolean;
  /** Code facts from the source scan, when the caller has them. */
  code?: CodeEvidence;
  checks?: readonly Check[];
}

/** A credential's verdict as the library returns it: no value, only where it came from. */
export interface CredentialSummary {
  id: string;
  variable: string;
  source: string;
  line?: number;
  origin: CredentialVerdict['origin'];
  verdict: Verdict;
  kind?: 'pat' | 'app_key';
  userId?: string;
  appId?: string;
  reason: string;
}

export interface Diagnosis {
  findings: Finding[];
  verdicts: CredentialSummary[];
  evidence: Evidence;
  redactor: Redactor;
}

export function summarise(v: CredentialVerdict, redactor: Redactor): CredentialSummary {
  return {
    id: v.id,
    variable: v.variable,
    source: v.location.source,
    ...(v.location.line !== undefined ? { line: v.location.line } : {}),
    origin: v.origin,
    verdict: v.verdict,
    ...(v.kind ? { kind: v.kind } : {}),
    ...(v.userId ? { userId: v.userId } : {}),
    ...(v.appId ? { appId: v.appId } : {}),
    reason: redactor.redact(v.reason),
  };
}

export async function runDiagnosis(options: DiagnoseOptions, redactor: Redactor = new Redactor()): Promise<Diagnosis> {
  const expected = [...new Set([...CLARIFAI_VARIABLE_NAMES, ...(options.expect ?? [])])];
  const env = gatherEnvEvidence({
    projectDir: options.projectDir ?? '.',
    env: options.env ?? process.env,
    expected,
    ...(options.envFiles ? { envFiles: options.envFiles } : {}),
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  const evidence: Evidence = { env, ...(options.code ? { code: options.code } : {}) };
  collectSecrets(evidence, redactor);
  if (!options.offline) evidence.live = await gatherLiveEvidence(env, options, redactor);
  const raw = runChecks(options.checks ?? allChecks, { evidence, options: { expected } });
  return {
    findings: processFindings(raw, redactor),
    verdicts: (evidence.live?.credentials ?? []).map((v) => summarise(v, redactor)),
    evidence,
    redactor,
  };
}
