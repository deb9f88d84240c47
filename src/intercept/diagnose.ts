// The diagnosis of a `keydoctor run`: offline evidence of the folder plus the intercepted calls, judged by the engine in one place.
import { allChecks } from '../checks/index.js';
import { runChecks } from '../core/engine.js';
import { processFindings } from '../core/pipeline.js';
import type { Redactor } from '../core/secret.js';
import { runDiagnosis } from '../live/diagnose.js';
import { applySuppressions } from '../scan/suppressions.js';
import type { Finding } from '../types/diagnostic.js';
import type { Evidence } from '../types/evidence.js';
import { interceptEvidence, type SentCredential } from './evidence.js';
import type { InterceptedCall } from './proxy.js';

export interface RunDiagnosis {
  findings: Finding[];
  evidence: Evidence;
  sent: SentCredential[];
}

export interface RunDiagnoseOptions {
  projectDir: string;
  cwd: string;
  env: Record<string, string | undefined>;
  envFiles?: readonly string[];
  scan?: boolean;
  /** Where Clarifai's calls went (for the evidence's base): a REST origin and a gRPC host:port. */
  bases: { rest: string; grpc: string };
}

export async function diagnoseRun(calls: readonly InterceptedCall[], options: RunDiagnoseOptions, redactor: Redactor): Promise<RunDiagnosis> {
  // Gather only (no checks, nothing sent): the env sources and code facts the sent values are compared with.
  const offline = await runDiagnosis(
    { projectDir: options.projectDir, cwd: options.cwd, env: options.env, offline: true, checks: [], ...(options.envFiles ? { envFiles: options.envFiles } : {}), ...(options.scan === false ? { scan: false } : {}) },
    redactor,
  );
  const { live, sent } = interceptEvidence(calls, offline.evidence.env, offline.evidence.code, redactor, options.bases);
  const evidence: Evidence = { ...offline.evidence, live };
  // HOOK(#10 one engine): the single place `run` judges evidence; re-wire to the engine's diagnose() at merge.
  const raw = runChecks(allChecks, { evidence, options: { expected: evidence.env.expected } });
  const kept = evidence.code ? applySuppressions(raw, evidence.code.suppressions) : raw;
  return { findings: processFindings(kept, redactor), evidence, sent };
}
