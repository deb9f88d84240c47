// The one way a diagnosis runs: gather the evidence a request asks for, run the checks, and return one Result.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { allChecks } from '../checks/index.js';
import { canonicalId } from '../checks/registry.js';
import { findingCounts, type Summary } from './summary.js';

export type { Summary } from './summary.js';
import { echoIsSecret } from '../explain/echoed-key.js';
import { observe } from '../explain/parse.js';
import { matchRoute, requestPath } from '../providers/clarifai/api-table.js';
import { CLARIFAI_CREDENTIAL_NAMES, CLARIFAI_VARIABLE_NAMES, looksLikeSecretName, looksLikeSecretValue, urlPassword } from '../providers/clarifai/variables.js';
import { gatherEnvEvidence } from '../sources/gather.js';
import { withLoaders } from '../sources/loaders/index.js';
import type { Check } from '../types/check.js';
import type { CodeEvidence } from '../types/code-evidence.js';
import { CATEGORIES, type Category, type Finding } from '../types/diagnostic.js';
import type { Evidence } from '../types/evidence.js';
import type { CredentialVerdict, Verdict } from '../types/live-evidence.js';
import { isFileLocation } from '../types/location.js';
import type { LiveOptions } from '../live/gather.js';
import type { TargetInput } from '../live/targets.js';
import { VERSION } from '../version.js';
import { runChecks, type Absent, type CheckRecord, type SkipReason } from './engine.js';
import { KeydoctorError } from './errors.js';
import { processFindings } from './pipeline.js';
import { Redactor } from './secret.js';

export type CommandName = 'check' | 'scan' | 'explain' | 'env' | 'routes' | 'demo' | 'run' | 'fix' | 'library';

export interface DiagnoseRequest extends LiveOptions {
  /** Which command asked (recorded in the Result). */
  command?: CommandName;
  /** The project folder (default: the current folder). */
  projectDir?: string;
  /** The environment the app runs with. */
  env?: Record<string, string | undefined>;
  envFiles?: readonly string[];
  expect?: readonly string[];
  cwd?: string;
  /**
   * Ask the API (or the emulator) about the credentials. Off unless asked for: a diagnosis sends nothing
   * anywhere by default.
   */
  live?: boolean;
  /** Code facts already gathered (scan, fixtures); otherwise the project is scanned unless `scan` is false. */
  code?: CodeEvidence;
  /** Scan the project's source code (default true). */
  scan?: boolean;
  /** Worker threads for the scan (0: in this thread; fixtures and small projects). */
  scanWorkers?: number;
  /** Read the environment and .env files (default true, except for a paste-only request). */
  readEnv?: boolean;
  /** Text the user pasted (explain). */
  pasted?: string;
  /** Only findings located in a file are reported (`scan`); the others are counted per category as not shown. */
  scope?: 'all' | 'files';
  /** Findings in the order checks emitted them (explain: the order is the advice) instead of by category. */
  order?: 'category' | 'emitted';
  checks?: readonly Check[];
  redactor?: Redactor;
}

/** A credential the diagnosis saw: where it came from, its mask, and for live runs what Clarifai said. */
export interface CredentialRecord {
  /** Stable within one diagnosis: the variable name, or for a probed candidate `CLARIFAI_PAT~cleaned`, `CLARIFAI_PAT@.env:3`. */
  id: string;
  name: string;
  source: string;
  line?: number;
  /** Masked: first 4 and last 2 characters and the length, or nothing for short values. */
  value: string;
  kind: 'pat' | 'app_key' | 'session_token' | 'unknown';
  verdict: Verdict | 'not-probed';
  /** For live runs: why the verdict is what it is. */
  reason?: string;
  /** For a candidate keydoctor derived or found (`cleaned`, `other-source`); absent for the value the app sends. */
  origin?: CredentialVerdict['origin'];
  userId?: string;
  appId?: string;
}

export interface CategoryStatus {
  category: Category;
  /** `checked` when at least one of its checks ran. */
  status: 'checked' | 'not-checked';
  /** Why not, when not checked: the reason shared by its skipped checks. */
  reason?: SkipReason;
  /** Findings of this category left out of the report by its scope (scan shows only file findings). */
  hidden?: number;
}



export interface Result {
  version: string;
  command: CommandName;
  findings: Finding[];
  checks: CheckRecord[];
  categories: CategoryStatus[];
  credentials: CredentialRecord[];
  summary: Summary;
  /** What was gathered; not part of the JSON contract (reporters render notes from it). */
  evidence: Evidence;
  redactor: Redactor;
}

/** Key literals shorter than this, or without both a digit and a letter, would blank ordinary words if scrubbed. */
function plausibleKeyLiteral(v: string): boolean {
  return v.length >= 16 && /\d/u.test(v) && /[A-Za-z]/u.test(v);
}

/** Registers every value that could be a credential, so no output can carry it. */
export function collectSecrets(evidence: Evidence, redactor: Redactor): void {
  // Secret by name, or by shape (a key under any name, a proxy URL's password): issue #16 item 11.
  const add = (name: string, value: string) => {
    if (looksLikeSecretName(name) || looksLikeSecretValue(value)) redactor.add(urlPassword(value) ?? value);
  };
  for (const [name, variable] of evidence.env?.variables ?? []) for (const d of variable.definitions) add(name, d.value.reveal());
  for (const file of evidence.env?.files ?? []) for (const e of file.entries) add(e.name, e.value);
  for (const k of evidence.code?.keyLiterals ?? []) if (plausibleKeyLiteral(k.value.reveal())) redactor.add(k.value);
  for (const k of evidence.code?.history?.keys ?? []) redactor.add(k.value);
  for (const s of evidence.pasted?.observation.secrets ?? []) if (echoIsSecret(s)) redactor.add(s);
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

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Names the checks expect: Clarifai's, `--expect`, and whatever Clarifai-looking names the code reads or sends. */
function expectedNames(request: DiagnoseRequest, code: CodeEvidence | undefined): string[] {
  const codeNames = (code?.envReads ?? []).map((r) => r.name).filter((n) => /clarifai/iu.test(n));
  // Whatever variable the code's credential comes from (API_KEY, REACT_APP_…) is judged like CLARIFAI_PAT.
  codeNames.push(...(code?.credentials ?? []).flatMap((c) => c.envNames));
  return [...new Set([...CLARIFAI_VARIABLE_NAMES, ...(request.expect ?? []), ...codeNames])];
}

/** Drops findings on a line a `keydoctor-ignore` comment covers; an old id in the comment still names its problem. */
function applySuppressions(findings: readonly Finding[], suppressions: CodeEvidence['suppressions']): Finding[] {
  if (suppressions.length === 0) return [...findings];
  const byPlace = new Map<string, string[][]>();
  for (const s of suppressions) {
    const ids = s.ids.map(canonicalId);
    for (const line of [s.line, s.line + 1]) {
      const k = `${s.file}\u0000${line}`;
      byPlace.set(k, [...(byPlace.get(k) ?? []), ids]);
    }
  }
  return findings.filter((f) => {
    if (!f.location || !isFileLocation(f.location) || f.location.line === undefined) return true;
    const rules = byPlace.get(`${f.location.file}\u0000${f.location.line}`);
    if (!rules) return true;
    return !rules.some((ids) => ids.length === 0 || ids.includes(f.id) || ids.includes(f.category));
  });
}

function credentialKind(name: string, verdict?: CredentialVerdict): CredentialRecord['kind'] {
  if (verdict?.kind) return verdict.kind;
  if (/SESSION_TOKEN/u.test(name)) return 'session_token';
  if (/_PAT$/u.test(name)) return 'pat';
  if (/API_KEY$|APP_KEY$/u.test(name)) return 'app_key';
  return 'unknown';
}

/** Every credential seen: the probed ones with their verdicts, else each defined credential variable as not probed. */
function credentialRecords(evidence: Evidence, expected: readonly string[], redactor: Redactor): CredentialRecord[] {
  const live = evidence.live;
  if (live && live.credentials.length > 0) {
    return live.credentials.map((v) => ({
      id: v.id,
      name: v.variable,
      source: v.location.source,
      ...(v.location.line !== undefined ? { line: v.location.line } : {}),
      value: v.value.toString(),
      kind: credentialKind(v.variable, v),
      verdict: v.verdict,
      reason: redactor.redact(v.reason),
      ...(v.origin !== 'configured' ? { origin: v.origin } : {}),
      ...(v.userId ? { userId: v.userId } : {}),
      ...(v.appId ? { appId: v.appId } : {}),
    }));
  }
  const names = new Set<string>(CLARIFAI_CREDENTIAL_NAMES);
  for (const n of expected) if (looksLikeSecretName(n)) names.add(n);
  const out: CredentialRecord[] = [];
  for (const name of names) {
    const winner = evidence.env?.variables.get(name)?.winner;
    if (!winner) continue;
    out.push({
      id: name,
      name,
      source: winner.location.source,
      ...(winner.location.line !== undefined ? { line: winner.location.line } : {}),
      value: winner.value.toString(),
      kind: credentialKind(name),
      verdict: 'not-probed',
    });
  }
  return out;
}

function categoryStatuses(checks: readonly CheckRecord[], hidden: Map<Category, number>): CategoryStatus[] {
  return CATEGORIES.map((category) => {
    const mine = checks.filter((c) => c.category === category);
    const ran = mine.some((c) => c.status !== 'skipped');
    const reasons = mine.filter((c) => c.status === 'skipped').map((c) => c.reason!);
    // The reason that kept most of its checks from running (offline beats no-code when both apply).
    const reason = (['offline', 'no-credential', 'no-code', 'not-requested'] as const).find((r) => reasons.includes(r));
    return {
      category,
      status: ran ? 'checked' : 'not-checked',
      ...(!ran && reason ? { reason } : {}),
      ...(hidden.get(category) ? { hidden: hidden.get(category)! } : {}),
    };
  });
}

/** Runs the checks over gathered evidence and builds the Result: pure, no I/O. */
export function judge(evidence: Evidence, request: DiagnoseRequest & { absent: Absent; redactor: Redactor }): Result {
  const expected = evidence.env?.expected ?? expectedNames(request, evidence.code);
  collectSecrets(evidence, request.redactor);
  // Live evidence with nothing probed (no credential defined): the live checks have nothing to judge, and say so.
  const nothingProbed =
    evidence.live !== undefined && evidence.live.credentials.length === 0 && evidence.live.exchanges.length === 0 && credentialRecords(evidence, expected, request.redactor).length === 0;
  const { live: _unjudged, ...withoutLive } = evidence;
  const judged: Evidence = nothingProbed ? withoutLive : evidence;
  const absent: Absent = nothingProbed ? { ...request.absent, live: 'no-credential' } : request.absent;
  const run = runChecks(request.checks ?? allChecks, judged, { expected }, absent);
  let findings = evidence.code ? applySuppressions(run.findings, evidence.code.suppressions) : run.findings;
  const hidden = new Map<Category, number>();
  if (request.scope === 'files') {
    const kept: Finding[] = [];
    for (const f of findings) {
      if (f.location && isFileLocation(f.location)) kept.push(f);
      else hidden.set(f.category, (hidden.get(f.category) ?? 0) + 1);
    }
    findings = kept;
  }
  findings = processFindings(findings, request.redactor, request.order ?? 'category');
  return {
    version: VERSION,
    command: request.command ?? 'library',
    findings,
    checks: run.checks,
    categories: categoryStatuses(run.checks, hidden),
    credentials: credentialRecords(evidence, expected, request.redactor),
    summary: {
      ...findingCounts(findings),
      checksRun: run.checks.filter((c) => c.status === 'ran').length,
      checksSkipped: run.checks.filter((c) => c.status === 'skipped').length,
      checksCrashed: run.checks.filter((c) => c.status === 'crashed').length,
    },
    evidence,
    redactor: request.redactor,
  };
}

/** The evidence a request asks for that needs no waiting: pasted text and the env sources (code given or not read). */
function gatherLocal(request: DiagnoseRequest, code: CodeEvidence | undefined, absent: Absent): Evidence {
  const evidence: Evidence = {};
  if (request.pasted !== undefined) evidence.pasted = { text: request.pasted, observation: observe(request.pasted) };
  else absent.pasted = 'not-requested';
  if (code) evidence.code = code;
  else absent.code ??= 'not-requested';
  if (request.readEnv ?? !isPasteOnly(request)) {
    const projectDir = projectFolder(request);
    evidence.env = gatherEnvEvidence({
      projectDir,
      env: request.env ?? process.env,
      expected: expectedNames(request, code),
      ...(request.envFiles ? { envFiles: request.envFiles } : {}),
      ...(request.cwd ? { cwd: request.cwd } : {}),
    });
    // Hook (issue #12): how the app really loads its environment, from the code's loaders; files and winners follow it.
    if (code) {
      const modelled = withLoaders(evidence.env, code);
      evidence.env = modelled.env;
      evidence.loaders = modelled.loaders;
    } else absent.loaders = absent.code ?? 'no-code';
  } else absent.env = absent.loaders = 'not-requested';
  return evidence;
}

function isPasteOnly(request: DiagnoseRequest): boolean {
  return request.pasted !== undefined && request.projectDir === undefined && request.code === undefined;
}

function projectFolder(request: DiagnoseRequest): string {
  const projectDir = resolve(request.cwd ?? process.cwd(), request.projectDir ?? '.');
  if (!isDirectory(projectDir)) throw new KeydoctorError('KD_ERR_NOT_A_DIRECTORY', `${request.projectDir ?? '.'} is not a folder.`);
  return projectDir;
}

/**
 * The diagnosis without waiting: env sources, pasted text and code facts the caller already has — nothing
 * scanned, nothing sent. The same engine as `diagnose`, for callers that cannot await (explain, fixtures).
 */
export function diagnoseLocal(request: DiagnoseRequest): Result {
  const redactor = request.redactor ?? new Redactor();
  const absent: Absent = { live: isPasteOnly(request) ? 'not-requested' : 'offline' };
  if (!request.code) absent.code = 'not-requested';
  return judge(gatherLocal(request, request.code, absent), { ...request, absent, redactor });
}

/**
 * NODE_TLS_REJECT_UNAUTHORIZED=0 turns certificate checks off for every TLS connection this process makes, so a key
 * could go to whoever answers: refused unless the user accepts an insecure connection explicitly.
 */
function refuseDisabledCertificateChecks(request: DiagnoseRequest): void {
  const off = [process.env, request.env ?? {}].some((e) => e.NODE_TLS_REJECT_UNAUTHORIZED === '0');
  if (off && !request.allowInsecure) {
    throw new KeydoctorError(
      'KD_ERR_NETWORK_POLICY',
      'NODE_TLS_REJECT_UNAUTHORIZED=0 is set, which turns off certificate checks, so the key could be sent to anyone who answers: unset it (unset NODE_TLS_REJECT_UNAUTHORIZED), run with --offline, or pass --allow-insecure to accept that.',
    );
  }
}

/** Gathers the evidence the request asks for (env, code, live probes, pasted text), then judges it. */
export async function diagnose(request: DiagnoseRequest = {}): Promise<Result> {
  const redactor = request.redactor ?? new Redactor();
  const absent: Absent = request.scan === false ? { code: 'no-code' } : {};
  let code = request.code;
  if (!code && request.scan !== false && !isPasteOnly(request)) {
    const { gatherCodeEvidence } = await import('../scan/index.js');
    code = await gatherCodeEvidence(projectFolder(request), {
      ...(request.signal ? { signal: request.signal } : {}),
      ...(request.scanWorkers !== undefined ? { workers: request.scanWorkers } : {}),
    });
  }
  const evidence = gatherLocal(request, code, absent);
  if (request.live && evidence.env) {
    refuseDisabledCertificateChecks(request);
    collectSecrets(evidence, redactor);
    const targets = [...(request.targets ?? []), ...(evidence.code && !request.targets ? targetsFromCode(evidence.code) : [])];
    const { gatherLiveEvidence } = await import('../live/gather.js');
    evidence.live = await gatherLiveEvidence(evidence.env, { ...request, targets }, redactor);
  } else absent.live = request.live || request.command === 'scan' || request.command === 'env' ? 'not-requested' : 'offline';
  return judge(evidence, { ...request, absent, redactor });
}
