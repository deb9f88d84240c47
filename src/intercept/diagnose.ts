// The diagnosis of a `keydoctor run`: the folder's env and code evidence plus the intercepted calls, judged by the one engine.
import { diagnose, judge, type Result } from '../core/diagnose.js';
import type { Redactor } from '../core/secret.js';
import type { Evidence } from '../types/evidence.js';
import { interceptEvidence, type SentCredential } from './evidence.js';
import type { InterceptedCall } from './proxy.js';

export interface RunDiagnosis {
  result: Result;
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

/** The folder's evidence (env sources and code facts) the sent values are compared with; gathered once per run. */
export type RunLocalEvidence = Evidence;

export async function gatherRunEvidence(options: RunDiagnoseOptions, redactor: Redactor, signal?: AbortSignal): Promise<RunLocalEvidence> {
  // Gather only (no checks, nothing sent).
  const local = await diagnose({
    ...(signal ? { signal } : {}),
    command: 'run',
    projectDir: options.projectDir,
    cwd: options.cwd,
    env: options.env,
    ...(options.envFiles ? { envFiles: options.envFiles } : {}),
    ...(options.scan === false ? { scan: false } : {}),
    checks: [],
    redactor,
  });
  return local.evidence;
}

/** Judges the calls seen so far against the gathered evidence: the inspector calls it while the command runs, the report once after. */
export function judgeRun(calls: readonly InterceptedCall[], local: RunLocalEvidence, options: Pick<RunDiagnoseOptions, 'scan' | 'bases'>, redactor: Redactor): RunDiagnosis {
  const { live, sent } = interceptEvidence(calls, local.env!, local.code, redactor, options.bases);
  const evidence: Evidence = { ...local, live };
  // The app's own traffic is the live evidence: the same engine judges it, once, with every check.
  const result = judge(evidence, { command: 'run', absent: options.scan === false ? { code: 'no-code' } : {}, redactor });
  return { result, sent };
}

export async function diagnoseRun(calls: readonly InterceptedCall[], options: RunDiagnoseOptions, redactor: Redactor): Promise<RunDiagnosis> {
  return judgeRun(calls, await gatherRunEvidence(options, redactor), options, redactor);
}
