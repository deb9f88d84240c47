// What the inspector page shows: one masked row per Clarifai call, built from `run`'s judged calls or the emulator's log.
import { rootCauseIndex } from '../checks/consequences.js';
import { maskKeyShaped, type Redactor } from '../core/secret.js';
import { shownAuthorization } from '../core/visible.js';
import type { EmulatorLogEntry } from '../emulator/log.js';
import { describeSource } from '../intercept/evidence.js';
import type { RunDiagnosis } from '../intercept/diagnose.js';
import type { InterceptedCall } from '../intercept/proxy.js';
import { statusDescription } from '../providers/clarifai/status-descriptions.js';
import { SEVERITY_RANK, type Finding } from '../types/diagnostic.js';
import { isEnvLocation, isGrpcLocation, isHttpLocation, formatLocation, type Location } from '../types/location.js';
import type { Exchange } from '../types/live-evidence.js';

/** ok: 10000; rejected: Clarifai refused the call; limited: a quota or throttle; error: no Clarifai answer at all. */
export type Outcome = 'ok' | 'rejected' | 'limited' | 'error';

export interface PageFinding {
  id: string;
  severity: Finding['severity'];
  message: string;
  fix: string;
  where?: string;
  rootCause?: boolean;
}

/** One call as the page shows it. Every string in it has been masked; nothing here is a secret. */
export interface PageRow {
  id: number;
  /** ISO time the call started. */
  time: string;
  /** Milliseconds since the run (or the emulator) started, for the timeline. */
  offsetMs: number;
  durationMs: number;
  transport: 'rest' | 'grpc';
  method: string;
  /** `api.clarifai.com/v2/users/me/apps` or the gRPC service path. */
  route: string;
  rpc?: string;
  httpStatus?: number;
  clarifai?: { code: number; description: string; details?: string; reqId?: string };
  grpcStatus?: number;
  error?: string;
  outcome: Outcome;
  /** The credential header as sent, masked (`Authorization: Key dead…00 (32 chars)`), and where its value came from. */
  credential: { shown: string; source: string; verdict?: string };
  request: { url: string; protocol?: string; headers: [string, string][]; fields: [string, string][]; body?: string };
  answer: { contentType?: string; body?: string };
  /** The findings about this call, the root cause first. */
  findings: PageFinding[];
  /** What the findings are: the run's diagnosis, or (emulator) the causes keydoctor explain lists for the status. */
  findingsTitle: string;
  /** A decision the answering side explained itself (the emulator's reason). */
  note?: string;
  curl: string;
}

export interface PageState {
  mode: 'run' | 'emulator';
  /** The command line, or the emulator's address. */
  title: string;
  startedAt: string;
  status: { state: 'running' | 'exited' | 'serving'; exitCode?: number; signal?: string; endedAt?: string; message: string };
  rows: PageRow[];
  /** Findings of the run that belong to no single call (a .env file, the code), the root cause first. */
  otherFindings: PageFinding[];
  notes: string[];
}

const LIMIT_CODES = new Set([11003, 11004, 11005, 11006]);
const BODY_SHOWN = 8 * 1024;

export function outcomeOf(code: number | undefined, httpStatus: number | undefined, error: string | undefined): Outcome {
  if (code === undefined) return error || httpStatus === undefined || httpStatus >= 400 ? 'error' : 'ok';
  if (code === 10000 || code === 10010) return 'ok';
  return LIMIT_CODES.has(code) ? 'limited' : 'rejected';
}

/** Text from the wire: known secrets (the redactor) and anything shaped like a key are masked. */
function scrubber(redactor: Redactor): (s: string) => string {
  return (s) => maskKeyShaped(redactor.redact(s));
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/gu, `'\\''`)}'`;
}

function pageFindings(findings: readonly Finding[], redactor: Redactor): PageFinding[] {
  // Messages quote what was sent (a URL, a header): scrubbed like the wire text they came from.
  const scrub = scrubber(redactor);
  const sorted = [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const root = rootCauseIndex(sorted);
  if (root > 0) sorted.unshift(...sorted.splice(root, 1));
  return sorted.map((f, i) => ({
    id: f.id,
    severity: f.severity,
    message: scrub(f.message),
    fix: scrub(f.fix),
    ...(f.location ? { where: scrub(formatLocation(f.location)) } : {}),
    ...(i === 0 && root >= 0 ? { rootCause: true } : {}),
  }));
}

function sameEnv(a: Location, b: Location): boolean {
  return isEnvLocation(a) && isEnvLocation(b) && a.env === b.env && a.source === b.source && a.line === b.line;
}

/** A finding is about a call when it points at its exchange, or at the source its credential was read from. */
function isAbout(f: Finding, e: Exchange, credentialLocation: Location | undefined): boolean {
  const places = [f.location, ...(f.related ?? [])].filter((l): l is Location => l !== undefined);
  return places.some(
    (l) =>
      (isHttpLocation(l) && l.method === e.method && l.url === e.url) ||
      (isGrpcLocation(l) && e.transport === 'grpc' && l.rpc === e.rpc) ||
      (credentialLocation !== undefined && sameEnv(l, credentialLocation)),
  );
}

/** `curl …` that sends what the app sent, with the credential as the variable it came from, never its value. */
function curlOf(call: InterceptedCall, url: string, header: string | undefined, scheme: string, variable: string, body: string | undefined): string {
  const name = /^[A-Za-z_][A-Za-z0-9_]*$/u.test(variable) ? variable : 'CLARIFAI_PAT';
  const auth = header ? ` \\\n  -H "${header}: ${scheme ? `${scheme} ` : ''}$${name}"` : '';
  const note = name === variable ? '' : `# The value sent matched no variable keydoctor knows; set ${name} to it first.\n`;
  if (call.transport === 'grpc') return `${note}grpcurl${auth.replace(/^ \\\n {2}/u, ' ')} ${call.host}:443 ${call.path.replace(/^\//u, '')}`;
  const type = call.otherHeaders?.find(([n]) => n.toLowerCase() === 'content-type')?.[1];
  let data = '';
  if (body !== undefined && body.length > 0) data = body.length <= BODY_SHOWN ? ` \\\n  --data-raw ${shellQuote(body)}` : ` \\\n  --data-binary @body.json`;
  const bodyNote = body !== undefined && body.length > BODY_SHOWN ? `# The body (${body.length} bytes) is too long to show: save it as body.json.\n` : '';
  return `${note}${bodyNote}curl -X ${call.method} ${shellQuote(url)}${auth}${type ? ` \\\n  -H ${shellQuote(`Content-Type: ${type}`)}` : ''}${data}`;
}

function fieldsOf(f: InterceptedCall['fields'] | { userId?: string; appId?: string }, scrub: (s: string) => string): [string, string][] {
  const out: [string, string][] = [];
  const all = f as Record<string, string | undefined>;
  for (const [label, key] of [['user_app_id.user_id', 'userId'], ['user_app_id.app_id', 'appId'], ['model id', 'modelId'], ['model version id', 'versionId']] as const) {
    if (all[key]) out.push([label, scrub(all[key]!)]);
  }
  return out;
}

/** The rows of a `keydoctor run`: calls in order, each with the findings that concern it; the rest are the run's. */
export function runRows(calls: readonly InterceptedCall[], diagnosis: RunDiagnosis, startedAt: number, redactor: Redactor): { rows: PageRow[]; otherFindings: PageFinding[] } {
  const scrub = scrubber(redactor);
  const live = diagnosis.result.evidence.live;
  const findings = diagnosis.result.findings;
  const used = new Set<Finding>();
  const rows = calls.map((call, i): PageRow => {
    const e = live?.exchanges[i];
    const cred = live?.credentials.find((c) => c.id === e?.credential);
    const sent = diagnosis.sent.find((s) => s.id === e?.credential);
    const auth = call.credentials.find((c) => c.name.toLowerCase() === 'authorization') ?? call.credentials[0];
    const mine = e ? findings.filter((f) => isAbout(f, e, cred?.location)) : [];
    for (const f of mine) used.add(f);
    const target = e?.target !== undefined ? live?.targets[e.target] : undefined;
    const route = target?.route;
    const url = scrub(e?.url ?? `https://${call.host}${call.path}`);
    const status = e?.status ?? call.status;
    const body = call.requestBody !== undefined ? scrub(call.requestBody) : undefined;
    const fields = fieldsOf(call.fields, scrub);
    if (route?.kind === 'match') {
      fields.push(['route', `${route.rpc} (${route.authType}${route.scopes?.length ? `; scopes ${route.scopes.join(', ')}` : ''})`]);
      if (route.template) fields.push(['route template', route.template]);
    }
    if (cred?.kind) fields.push(['credential kind', cred.kind === 'pat' ? 'personal access token' : cred.kind === 'app_key' ? 'app key' : cred.kind]);
    const error = e?.error?.message ?? call.error;
    return {
      id: i,
      time: new Date(startedAt + call.startMs).toISOString(),
      offsetMs: call.startMs,
      durationMs: Math.max(0, Math.round(call.endMs - call.startMs)),
      transport: call.transport,
      method: call.method,
      route: call.transport === 'grpc' ? `${call.host}${call.path}` : scrub(`${call.host}${call.path.replace(/\?.*$/u, '')}`),
      ...(call.rpc ? { rpc: call.rpc } : route?.kind === 'match' ? { rpc: route.rpc } : {}),
      ...(call.httpStatus !== undefined ? { httpStatus: call.httpStatus } : {}),
      ...(status
        ? {
            clarifai: {
              code: status.code,
              description: scrub(status.description),
              ...(status.details ? { details: scrub(status.details) } : {}),
              ...(status.reqId ? { reqId: redactor.redact(status.reqId) } : {}),
            },
          }
        : {}),
      ...(call.grpcStatus !== undefined ? { grpcStatus: call.grpcStatus } : {}),
      ...(error ? { error: scrub(error) } : {}),
      outcome: outcomeOf(status?.code, call.httpStatus, call.error),
      credential: {
        shown: auth ? `${auth.name}: ${shownAuthorization(auth.value.reveal())}` : 'no credential header',
        source: sent && auth ? scrub(describeSource(sent)) : 'nothing was sent',
        ...(cred ? { verdict: `${cred.verdict}: ${scrub(cred.reason)}` } : {}),
      },
      request: {
        url,
        protocol: call.protocol,
        headers: [
          ...call.credentials.map(({ name, value }): [string, string] => [name, shownAuthorization(value.reveal())]),
          ...(call.otherHeaders ?? []).map(([n, v]): [string, string] => [scrub(n), scrub(v)]),
        ],
        fields,
        ...(body !== undefined ? { body: body.slice(0, BODY_SHOWN) } : {}),
      },
      answer: {
        ...(call.contentType ? { contentType: scrub(call.contentType) } : {}),
        ...(call.answerSnippet !== undefined ? { body: scrub(call.answerSnippet) } : {}),
      },
      findings: pageFindings(mine, redactor),
      findingsTitle: 'Diagnosis',
      curl: curlOf(call, url, auth?.name, sent?.scheme ?? 'Key', cred?.variable ?? 'CLARIFAI_PAT', body),
    };
  });
  return { rows, otherFindings: pageFindings(findings.filter((f) => !used.has(f)), redactor) };
}

/** Turns the emulator's answer into findings (the explain engine, which reads Clarifai's status the same way). */
export type StatusExplainer = (code: number, description: string, httpStatus: number | undefined) => Finding[];

/** A row for one request the emulator answered; its log is masked already, and is scrubbed again here. */
export function emulatorRow(id: number, entry: EmulatorLogEntry, startedAt: number, restUrl: string, grpcTarget: string, explainStatus: StatusExplainer | undefined, redactor: Redactor): PageRow {
  const scrub = scrubber(redactor);
  const description = entry.code === 10000 ? 'Ok' : (statusDescription(entry.code)?.description.value ?? '');
  const shown = entry.key !== undefined ? `Authorization: Key ${entry.key}` : entry.authorization ? entry.authorization.map((a) => `Authorization: ${a}`).join('; ') : 'no credential header';
  const path = entry.path ? scrub(entry.path) : '';
  const url = entry.transport === 'grpc' ? `${grpcTarget}/clarifai.api.V2/${entry.rpc ?? ''}` : `${restUrl}${path}`;
  const fields = fieldsOf({ ...(entry.user_id ? { userId: entry.user_id } : {}), ...(entry.app_id ? { appId: entry.app_id } : {}) }, scrub);
  const auth = entry.key !== undefined || entry.authorization ? ' \\\n  -H "Authorization: Key $CLARIFAI_PAT"' : '';
  const curl =
    entry.transport === 'grpc'
      ? `grpcurl -plaintext${auth.replace(/^ \\\n {2}/u, ' ')} ${grpcTarget} clarifai.api.V2/${entry.rpc ?? ''}`
      : `curl -X ${entry.method ?? 'GET'} ${shellQuote(url)}${auth}`;
  const findings = entry.code !== 10000 && explainStatus ? explainStatus(entry.code, description, entry.http_status) : [];
  return {
    id,
    time: entry.time,
    offsetMs: Math.max(0, entry.received_at - startedAt),
    durationMs: Math.max(0, entry.responded_at - entry.received_at),
    transport: entry.transport,
    method: entry.transport === 'grpc' ? 'gRPC' : (entry.method ?? 'GET'),
    route: entry.transport === 'grpc' ? `/clarifai.api.V2/${entry.rpc ?? ''}` : path,
    ...(entry.rpc ? { rpc: entry.rpc } : {}),
    ...(entry.http_status !== undefined ? { httpStatus: entry.http_status } : {}),
    clarifai: { code: entry.code, description: scrub(description), reqId: entry.req_id },
    outcome: outcomeOf(entry.code, entry.http_status, undefined),
    credential: { shown: scrub(shown), source: 'sent by the client (the emulator cannot see where the value was stored)' },
    request: { url, headers: auth ? [['Authorization', scrub(shown.replace(/^Authorization: /u, ''))]] : [], fields },
    answer: {},
    findings: pageFindings(findings, redactor),
    findingsTitle: findings.length > 0 ? `Possible causes of ${entry.code} (what keydoctor explain says about this status)` : 'Diagnosis',
    note: `The emulator ${entry.decision === 'allow' ? 'allowed' : 'denied'} it: ${scrub(entry.reason)}`,
    curl: `# The emulator cannot see which variable held the key: set CLARIFAI_PAT to it first.\n${curl}`,
  };
}
