// The offline doctor: gather env evidence, run the checks, and return redacted, ordered findings.
import { allChecks } from '../checks/index.js';
import { CLARIFAI_VARIABLE_NAMES, looksLikeSecretName, looksLikeSecretValue, urlPassword } from '../providers/clarifai/variables.js';
import { gatherEnvEvidence } from '../sources/gather.js';
import type { Check } from '../types/check.js';
import type { Finding } from '../types/diagnostic.js';
import type { Evidence } from '../types/evidence.js';
import { runChecks } from './engine.js';
import { processFindings } from './pipeline.js';
import { Redactor } from './secret.js';

export interface OfflineOptions {
  projectDir: string;
  env: Record<string, string | undefined>;
  envFiles?: readonly string[];
  expect?: readonly string[];
  cwd?: string;
  checks?: readonly Check[];
}

export interface DiagnosisResult {
  findings: Finding[];
  evidence: Evidence;
  redactor: Redactor;
}

/** Registers every value that could be a credential, so no output can carry it. */
export function collectSecrets(evidence: Evidence, redactor: Redactor): void {
  // Secret by name, or by shape (a key under any name, a proxy URL's password).
  const add = (name: string, value: string) => {
    if (looksLikeSecretName(name) || looksLikeSecretValue(value)) redactor.add(urlPassword(value) ?? value);
  };
  for (const [name, variable] of evidence.env.variables) for (const d of variable.definitions) add(name, d.value.reveal());
  for (const file of evidence.env.files) for (const e of file.entries) add(e.name, e.value);
}

export function diagnoseOffline(options: OfflineOptions, redactor: Redactor = new Redactor()): DiagnosisResult {
  const expected = [...new Set([...CLARIFAI_VARIABLE_NAMES, ...(options.expect ?? [])])];
  const env = gatherEnvEvidence({
    projectDir: options.projectDir,
    env: options.env,
    expected,
    ...(options.envFiles ? { envFiles: options.envFiles } : {}),
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  const evidence: Evidence = { env };
  collectSecrets(evidence, redactor);
  const raw = runChecks(options.checks ?? allChecks, { evidence, options: { expected } });
  return { findings: processFindings(raw, redactor), evidence, redactor };
}
