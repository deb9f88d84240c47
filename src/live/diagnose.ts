// The full doctor: gather env evidence, ask the API (unless offline), run every check, and return ordered, redacted findings.
import { allChecks } from '../checks/index.js';
import { collectSecrets } from '../core/diagnose-offline.js';
import { runChecks } from '../core/engine.js';
import { processFindings } from '../core/pipeline.js';
import { Redactor } from '../core/secret.js';
import { CLARIFAI_VARIABLE_NAMES } from '../providers/clarifai/variables.js';
import { gatherEnvEvidence } from '../sources/gather.js';
import { withLoaders } from '../sources/loaders/index.js';
import type { Check } from '../types/check.js';
import type { Finding } from '../types/diagnostic.js';
import type { Evidence } from '../types/evidence.js';
import type { CodeEvidence } from '../types/code-evidence.js';
import type { CredentialVerdict, Verdict } from '../types/live-evidence.js';
import { gatherLiveEvidence, type LiveOptions } from './gather.js';
import type { TargetInput } from './targets.js';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { KeydoctorError } from '../core/errors.js';
import { matchRoute, requestPath } from '../providers/clarifai/api-table.js';
import { applySuppressions } from '../scan/suppressions.js';

/** Key literals shorter than this are not plausible keys; masking them would hide ordinary words in output. */
const MIN_KEY_LITERAL_LENGTH = 16;

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

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
  /** Code facts from the source scan, when the caller has them (otherwise the project is scanned). */
  code?: CodeEvidence;
  /** Scan the project's source code (default true): names it reads feed the env checks, calls it makes feed the probes. */
  scan?: boolean;
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

/** At most this many calls found in code are probed live; the rest are judged from the route table. */
const MAX_CODE_TARGETS = 3;

/** Calls found in code that are concrete enough to send: a known method and a literal path that is a real route. */
export function targetsFromCode(code: CodeEvidence): TargetInput[] {
  const seen = new Set<string>();
  const out: TargetInput[] = [];
  for (const u of code.urls) {
    // `${base}/v2/...`: the app sends the path to its configured base, so the probe may too.
    const url = u.url.replace(/^\$\{[^}]*\}(?=\/)/u, '');
    if (u.kind !== 'rest' || !u.method || /[{}$<>`]/u.test(url)) continue;
    const route = matchRoute(u.method, url);
    const key = `${u.method} ${requestPath(url)}`;
    if (route.kind !== 'match' || seen.has(key)) continue;
    seen.add(key);
    out.push({ method: u.method, url, location: { file: u.file, line: u.line, column: u.column, snippet: u.snippet } });
    if (out.length === MAX_CODE_TARGETS) break;
  }
  return out;
}

async function scanCode(projectDir: string, options: DiagnoseOptions): Promise<CodeEvidence | undefined> {
  if (options.code) return options.code;
  if (options.scan === false) return undefined;
  const { gatherCodeEvidence } = await import('../scan/index.js');
  return gatherCodeEvidence(projectDir, options.signal ? { signal: options.signal } : {});
}

export async function runDiagnosis(options: DiagnoseOptions, redactor: Redactor = new Redactor()): Promise<Diagnosis> {
  const projectDir = resolve(options.cwd ?? process.cwd(), options.projectDir ?? '.');
  if (!isDirectory(projectDir)) throw new KeydoctorError('KD_ERR_NOT_A_DIRECTORY', `${options.projectDir ?? '.'} is not a folder.`);
  const code = await scanCode(projectDir, options);
  // Clarifai-looking names the code reads are expected names too, so their near misses are found.
  const codeNames = (code?.envReads ?? []).map((r) => r.name).filter((n) => /clarifai/iu.test(n));
  // Whatever variable the code's credential comes from (API_KEY, REACT_APP_…) is probed and judged like CLARIFAI_PAT.
  codeNames.push(...(code?.credentials ?? []).flatMap((c) => c.envNames));
  const expected = [...new Set([...CLARIFAI_VARIABLE_NAMES, ...(options.expect ?? []), ...codeNames])];
  let env = gatherEnvEvidence({
    projectDir,
    env: options.env ?? process.env,
    expected,
    ...(options.envFiles ? { envFiles: options.envFiles } : {}),
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  // Hook (issue #12): how the app really loads its environment, from the code's loaders; files and winners follow it.
  const loaded = code ? withLoaders(env, code) : undefined;
  if (loaded) env = loaded.env;
  const evidence: Evidence = { env, ...(code ? { code } : {}), ...(loaded ? { loaders: loaded.loaders } : {}) };
  collectSecrets(evidence, redactor);
  for (const literal of code?.keyLiterals ?? []) if (literal.value.length >= MIN_KEY_LITERAL_LENGTH) redactor.add(literal.value);
  if (!options.offline) {
    const targets = [...(options.targets ?? []), ...(code && !options.targets ? targetsFromCode(code) : [])];
    evidence.live = await gatherLiveEvidence(env, { ...options, targets }, redactor);
  }
  const raw = runChecks(options.checks ?? allChecks, { evidence, options: { expected } });
  const kept = code ? applySuppressions(raw, code.suppressions) : raw;
  return {
    findings: processFindings(kept, redactor),
    verdicts: (evidence.live?.credentials ?? []).map((v) => summarise(v, redactor)),
    evidence,
    redactor,
  };
}
