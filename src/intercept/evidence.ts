// Turns the calls `keydoctor run` intercepted into the LiveEvidence the live checks judge, naming the source of each value sent.
import { Secret, type Redactor } from '../core/secret.js';
import { findRpc } from '../providers/clarifai/api-table.js';
import { maskEchoedKey, UNSET_ECHOES } from '../probes/probe.js';
import { cleanValue } from '../live/candidates.js';
import { targetFromCall } from '../live/targets.js';
import { isKeyRejection, isMissingAppDetail, describeStatus } from '../live/verdict.js';
import type { CodeEvidence } from '../types/code-evidence.js';
import type { EnvEvidence } from '../types/evidence.js';
import type { EnvLocation } from '../types/location.js';
import type { CredentialVerdict, Exchange, LiveEvidence, ProbePurpose, TargetCall } from '../types/live-evidence.js';
import type { InterceptedCall } from './proxy.js';

/** Where a value the app sent could have come from: a shell or `.env` definition, or a key literal in the code. */
export interface SourceMatch {
  location: EnvLocation;
  /** `same`: byte for byte; `cleaned`: the source's value once trimmed/unquoted (a client or SDK cleaned it); `differs`: another value for the same variable. */
  relation: 'same' | 'cleaned' | 'differs';
  /** For a `.env`/shell definition: whether it is the value dotenv would hand the app (the winner). */
  winner: boolean;
}

/** One distinct value the app sent, with every known source compared against it. */
export interface SentCredential {
  id: string;
  header: string;
  /** The scheme word as sent (`Key`, `key`, `Bearer`, or empty). */
  scheme: string;
  matches: SourceMatch[];
}

export interface InterceptEvidence {
  live: LiveEvidence;
  sent: SentCredential[];
}

/**
 * Registers a sent credential header value with the redactor, unless its token is what an unset variable prints
 * (`Key undefined`, `Key None`): those are not secrets, and masking them would blank the word in every message
 * and finding id (`headers/undefined-value`).
 */
export function registerSent(redactor: Redactor, value: Secret): void {
  const { token } = splitAuth(value.reveal());
  if (UNSET_ECHOES.includes(token)) return;
  redactor.add(value);
  if (token) redactor.add(token);
}

/** `Key abc` → scheme `Key`, token `abc`; a value with no space is all token. */
function splitAuth(value: string): { scheme: string; token: string } {
  const m = /^\s*([A-Za-z-]+)[ \t]+(\S[\s\S]*)$/u.exec(value);
  return m ? { scheme: m[1]!, token: m[2]! } : { scheme: '', token: value.trim() };
}

function label(l: EnvLocation): string {
  return l.line !== undefined ? `${l.source}:${l.line}` : l.source;
}

/** Every definition (shell, every .env line) and code literal, compared with the token that went out. */
function matchSources(token: string, env: EnvEvidence, code: CodeEvidence | undefined): SourceMatch[] {
  const out: SourceMatch[] = [];
  const relation = (value: string): SourceMatch['relation'] | undefined => {
    if (value === token) return 'same';
    if (cleanValue(value)?.value === token) return 'cleaned';
    return undefined;
  };
  for (const variable of env.variables.values()) {
    const defs = variable.definitions;
    const hits = defs.map((d) => relation(d.value.reveal()));
    if (!hits.some(Boolean)) continue;
    defs.forEach((d, i) => {
      const winner = variable.winner === d;
      out.push({ location: d.location, relation: hits[i] ?? 'differs', winner });
    });
  }
  for (const lit of code?.keyLiterals ?? []) {
    const r = relation(lit.value.reveal());
    if (r) out.push({ location: { env: lit.boundTo ?? 'literal', source: lit.file, line: lit.line }, relation: r, winner: false });
  }
  // The source that actually matched first, the winner among them first: that is where the value came from.
  const rank = (m: SourceMatch) => (m.relation === 'same' ? 0 : m.relation === 'cleaned' ? 1 : 2) * 2 + (m.winner ? 0 : 1);
  return out.sort((a, b) => rank(a) - rank(b));
}

function purposeOf(call: InterceptedCall): ProbePurpose {
  if (call.transport === 'grpc') return call.rpc === 'ListMyScopes' || call.rpc === 'MyScopes' ? 'myscopes' : 'target';
  const path = call.path.replace(/\?.*$/u, '');
  if (/^\/v2\/users\/me\/?$/u.test(path)) return 'user';
  if (/^\/v2\/myscopes\/?$/u.test(path)) return 'myscopes';
  return 'target';
}

function targetOf(call: InterceptedCall): TargetCall {
  const owner = {
    ...(call.fields.userId ? { 'user_app_id.user_id': call.fields.userId } : {}),
    ...(call.fields.appId ? { 'user_app_id.app_id': call.fields.appId } : {}),
  };
  if (call.transport === 'grpc') {
    const rpc = findRpc(call.rpc ?? '');
    return {
      method: 'gRPC',
      path: call.rpc ?? call.path,
      source: 'code',
      sent: true,
      route: rpc ? { kind: 'match', rpc: rpc.name, authType: rpc.authType, scopes: rpc.scopes, params: owner } : { kind: 'no-match', nearest: [] },
    };
  }
  const t = targetFromCall({ method: call.method, url: call.path }, 'code');
  // The app sent it: whatever targetFromCall would have held back, it went out.
  const { notSentReason: _unused, ...rest } = t;
  return { ...rest, sent: true, route: { ...t.route, params: { ...(t.route.params ?? {}), ...owner } } };
}

/** The verdict from the app's own calls: a success or a Clarifai rejection settles it, anything else leaves it unknown. */
function verdictOf(exchanges: Exchange[]): Pick<CredentialVerdict, 'verdict' | 'reason' | 'kind' | 'status'> {
  const ok = exchanges.find((e) => e.status?.code === 10000);
  if (ok) return { verdict: 'valid', reason: `Clarifai answered ${ok.method} ${ok.rpc ?? ok.url} with 10000 OK` };
  const needsApp = exchanges.find((e) => isMissingAppDetail(e.status));
  if (needsApp) return { verdict: 'valid', kind: 'pat', reason: 'Clarifai recognised it as a personal access token and asked which app the call is for (11008)' };
  const rejected = exchanges.find((e) => isKeyRejection(e.status));
  if (rejected?.status) return { verdict: 'invalid', status: rejected.status, reason: `Clarifai rejected it: ${describeStatus(rejected.status)}` };
  const other = exchanges.find((e) => e.status);
  if (other?.status) return { verdict: 'unknown', reason: `Clarifai answered ${describeStatus(other.status)} before judging the key` };
  const failed = exchanges.find((e) => e.error);
  return { verdict: 'unknown', reason: failed?.error ? `no Clarifai answer: ${failed.error.message}` : 'no Clarifai answer' };
}

function exchangeUrl(call: InterceptedCall, redactor: Redactor): string {
  return call.transport === 'grpc' ? `${call.host}:443${call.path}` : redactor.redact(`https://${call.host}${call.path}`);
}

function reproduce(call: InterceptedCall, url: string, authName: string | undefined, variable: string): string {
  if (call.transport === 'grpc') return `grpcurl -H '${authName ?? 'authorization'}: Key $${variable}' ${call.host}:443 clarifai.api.V2/${call.rpc ?? ''}`;
  return `curl -X ${call.method} '${url}'${authName ? ` -H "${authName}: Key $${variable}"` : ''}`;
}

/**
 * The one conversion from intercepted calls to engine evidence: each distinct value sent becomes a configured credential
 * located at the source it matches (or "the app" when none does), each call an exchange and a target.
 */
export function interceptEvidence(
  calls: readonly InterceptedCall[],
  env: EnvEvidence,
  code: CodeEvidence | undefined,
  redactor: Redactor,
  bases: { rest: string; grpc: string },
): InterceptEvidence {
  const byValue = new Map<string, { cred: Omit<CredentialVerdict, 'verdict' | 'reason'>; sent: SentCredential }>();
  const targets: TargetCall[] = [];
  const targetIndex = new Map<string, number>();
  const exchanges: Exchange[] = [];
  const usedIds = new Set<string>();

  for (const call of calls) {
    for (const c of call.credentials) registerSent(redactor, c.value);
    const auth = call.credentials.find((c) => c.name.toLowerCase() === 'authorization') ?? call.credentials[0];
    const raw = auth?.value.reveal() ?? '';
    const { scheme, token } = splitAuth(raw);
    let entry = byValue.get(raw);
    if (!entry) {
      const matches = token ? matchSources(token, env, code) : [];
      const from = matches.find((m) => m.relation !== 'differs');
      const variable = from?.location.env ?? (auth ? `${auth.name} header` : 'no credential');
      let id = variable;
      for (let n = 2; usedIds.has(id); n++) id = `${variable}#${n}`;
      usedIds.add(id);
      const location: EnvLocation = from?.location ?? { env: variable, source: 'the app (no shell, .env or code value matches)' };
      const cred = { id, variable, location, value: auth?.value ?? new Secret(''), origin: 'configured' as const };
      entry = { cred, sent: { id, header: auth?.name ?? '', scheme, matches } };
      byValue.set(raw, entry);
    }
    const purpose = purposeOf(call);
    let target: number | undefined;
    if (purpose === 'target') {
      const key = `${call.method} ${call.path.replace(/\?.*$/u, '')} ${call.fields.userId ?? ''}/${call.fields.appId ?? ''}`;
      target = targetIndex.get(key);
      if (target === undefined) {
        target = targets.push(targetOf(call)) - 1;
        targetIndex.set(key, target);
      }
    }
    const url = exchangeUrl(call, redactor);
    const status = call.status ? { ...call.status, details: maskEchoedKey(call.status.details) } : undefined;
    const notClarifai = !status && !call.error;
    exchanges.push({
      credential: entry.cred.id,
      purpose,
      ...(target !== undefined ? { target } : {}),
      transport: call.transport,
      method: call.method,
      url,
      ...(call.rpc ? { rpc: call.rpc } : {}),
      wave: 1,
      ...(call.httpStatus !== undefined ? { httpStatus: call.httpStatus } : {}),
      ...(status ? { status } : {}),
      ...(call.contentType ? { contentType: call.contentType } : {}),
      ...(call.error
        ? { error: { kind: 'other' as const, message: redactor.redact(call.error) } }
        : notClarifai
          ? { error: { kind: 'non-clarifai-body' as const, message: `the answer (HTTP ${call.httpStatus ?? '?'}${call.grpcStatus !== undefined ? `, grpc-status ${call.grpcStatus}${call.grpcMessage ? ` ${redactor.redact(call.grpcMessage)}` : ''}` : ''}) has no Clarifai status` } }
          : {}),
      startMs: call.startMs,
      endMs: call.endMs,
      viaProxy: 'keydoctor run',
      reproduce: reproduce(call, url, auth?.name, entry.cred.variable),
      ...(auth ? { sentAuthorization: { name: auth.name, value: auth.value } } : {}),
    });
  }

  const credentials: CredentialVerdict[] = [...byValue.values()].map(({ cred }) => ({ ...cred, ...verdictOf(exchanges.filter((e) => e.credential === cred.id)) }));
  const transport = calls.some((c) => c.transport === 'rest') || calls.length === 0 ? 'rest' : 'grpc';
  const base = transport === 'rest' ? bases.rest : bases.grpc;
  const live: LiveEvidence = {
    base,
    config: { transport, configuredBase: base, baseSource: 'flag', effectiveBase: base, allowInsecure: false, timeoutMs: 0, ...(transport === 'grpc' ? { tls: true } : {}) },
    credentials,
    targets,
    exchanges,
    waves: exchanges.length > 0 ? 1 : 0,
    ...(calls.length === 0 ? { skipped: 'the command made no call to a Clarifai API host that reached keydoctor' } : {}),
  };
  return { live, sent: [...byValue.values()].map((e) => e.sent) };
}

/** "the shell's CLARIFAI_PAT, not .env line 3 (a different value)": where the value sent came from, in words. */
export function describeSource(sent: SentCredential): string {
  const from = sent.matches.filter((m) => m.relation !== 'differs');
  if (from.length === 0) return 'a value that matches no shell variable, .env line or key literal keydoctor found (built at run time, or read from a secret store)';
  const first = from[0]!;
  const where = (m: SourceMatch) => (m.location.source === 'shell' ? `the shell's ${m.location.env}` : `${m.location.env} at ${label(m.location)}`);
  const parts = [`${where(first)}${first.relation === 'cleaned' ? ' (after the client trimmed it)' : ''}`];
  const others = sent.matches.filter((m) => m !== first && m.relation === 'differs');
  if (others.length > 0) parts.push(`not ${others.map((m) => `${where(m)} (a different value)`).join(', ')}`);
  return parts.join(', ');
}
