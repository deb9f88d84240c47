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

export async function diagnoseRun(calls: readonly InterceptedCall[], options: RunDiagnoseOptions, redactor: Redactor): Promise<RunDiagnosis> {
  // Gather only (no checks, nothing sent): the env sources and code facts the sent values are compared with.
  const local = await diagnose({
    command: 'run',
    projectDir: options.projectDir,
    cwd: options.cwd,
    env: options.env,
    ...(options.envFiles ? { envFiles: options.envFiles } : {}),
    ...(options.scan === false ? { scan: false } : {}),
    checks: [],
    redactor,
  });
  const env = local.evidence.env!;
  const { live, sent } = interceptEvidence(calls, env, local.evidence.code, redactor, options.bases);
  const evidence: Evidence = { ...local.evidence, live };
  // The app's own traffic is the live evidence: the same engine judges it, once, with every check.
  const result = judge(evidence, { command: 'run', absent: options.scan === false ? { code: 'no-code' } : {}, redactor });
  return { result, sent };
}
