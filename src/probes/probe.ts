// Runs one probe and turns the raw answer into an Exchange: Clarifai's status, the useful fields, or a classified failure.
import { mask, Redactor } from '../core/secret.js';
import { statusCode } from '../providers/clarifai/api-table.js';
import type { Transport, WireRequest, WireResponse } from '../transport/types.js';
import type { ClarifaiStatus, Exchange, ProbePurpose } from '../types/live-evidence.js';

export interface ProbeMeta {
  credential: string;
  purpose: ProbePurpose;
  target?: number;
  wave: number;
  /** How the key appears in the reproduce command: `$CLARIFAI_PAT`, or a mask. */
  authExpression: string;
  /** Milliseconds since the diagnosis started. */
  now(): number;
}

/** Values an app sends when the variable was never set; Clarifai echoes them in `invalid key(…)`. */
export const UNSET_ECHOES = ['None', 'undefined', 'null', ''];

/** Clarifai echoes the received key in `invalid key(…)`; keep the placeholder words, mask anything else. */
export function maskEchoedKey(details: string): string {
  return details.replace(/invalid key\(([^)]*)\)/gu, (whole, inner: string) => (UNSET_ECHOES.includes(inner) ? whole : `invalid key(${mask(inner)})`));
}

/** Clarifai's `status` from a REST body or gRPC message; `code` may be a number or an enum name. */
export function parseClarifaiStatus(json: unknown): ClarifaiStatus | undefined {
  if (!json || typeof json !== 'object') return undefined;
  const status = (json as { status?: unknown }).status;
  if (!status || typeof status !== 'object') return undefined;
  const s = status as Record<string, unknown>;
  let code: number | undefined;
  if (typeof s.code === 'number' && Number.isInteger(s.code)) code = s.code;
  else if (typeof s.code === 'string') code = /^\d+$/u.test(s.code) ? Number(s.code) : statusCode(s.code)?.code;
  if (code === undefined) return undefined;
  const reqId = typeof s.req_id === 'string' && s.req_id ? s.req_id : undefined;
  return {
    code,
    description: typeof s.description === 'string' ? s.description : '',
    details: maskEchoedKey(typeof s.details === 'string' ? s.details : ''),
    ...(reqId ? { reqId } : {}),
  };
}

function strings(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

function fields(json: unknown): Pick<Exchange, 'scopes' | 'endpoints' | 'app' | 'user'> {
  const o = (json ?? {}) as Record<string, unknown>;
  const out: Pick<Exchange, 'scopes' | 'endpoints' | 'app' | 'user'> = {};
  const scopes = strings(o.scopes);
  if (scopes) out.scopes = scopes;
  const endpoints = strings(o.endpoints);
  if (endpoints) out.endpoints = endpoints;
  const app = o.app as Record<string, unknown> | null | undefined;
  if (app && typeof app.id === 'string' && app.id) out.app = { id: app.id, userId: typeof app.user_id === 'string' ? app.user_id : '' };
  const user = o.user as Record<string, unknown> | null | undefined;
  if (user && typeof user.id === 'string' && user.id) out.user = { id: user.id };
  return out;
}

/** The answer, judged only on whether it is Clarifai's: the meaning of the status is left to the checks. */
export function interpret(res: WireResponse, redact: (text: string) => string = (t) => t): Pick<Exchange, 'httpStatus' | 'status' | 'retryAfter' | 'contentType' | 'bodySnippet' | 'error' | 'scopes' | 'endpoints' | 'app' | 'user'> {
  const head = {
    ...(res.httpStatus !== undefined ? { httpStatus: res.httpStatus } : {}),
    ...(res.retryAfter ? { retryAfter: res.retryAfter } : {}),
    ...(res.contentType ? { contentType: res.contentType } : {}),
  };
  if (res.error) return { ...head, error: res.error };
  const status = parseClarifaiStatus(res.json);
  if (!status) {
    // Redacted before it is cut: a server that echoes the Authorization header must not leave a cut key behind.
    const snippet = redact((res.text ?? (res.json !== undefined ? JSON.stringify(res.json) : '')).replace(/\s+/gu, ' ').trim()).slice(0, 160);
    const kind = res.httpStatus === 407 ? 'proxy' : 'non-clarifai-body';
    const what = res.httpStatus === 407 ? 'a proxy asked for its own credentials (HTTP 407)' : `the answer${res.httpStatus !== undefined ? ` (HTTP ${res.httpStatus}${res.contentType ? `, ${res.contentType.split(';')[0]}` : ''})` : ''} is not a Clarifai response`;
    return { ...head, ...(snippet ? { bodySnippet: snippet } : {}), error: { kind, message: what } };
  }
  return { ...head, status, ...(status.code === 10000 ? fields(res.json) : {}) };
}

export async function runProbe(transport: Transport, req: WireRequest, meta: ProbeMeta, signal?: AbortSignal): Promise<Exchange> {
  const { method, url } = transport.describe(req);
  const startMs = meta.now();
  const res = await transport.send(req, signal);
  const endMs = meta.now();
  const sent = res.error?.kind !== 'cannot-send';
  const sentKey = new Redactor();
  sentKey.add(req.authorization);
  return {
    credential: meta.credential,
    purpose: meta.purpose,
    ...(meta.target !== undefined ? { target: meta.target } : {}),
    transport: transport.kind,
    method,
    url,
    ...(req.rpc ? { rpc: req.rpc } : {}),
    wave: sent ? meta.wave : 0,
    ...interpret(res, (t) => sentKey.redact(t)),
    startMs,
    endMs,
    ...(transport.viaProxy && sent ? { viaProxy: transport.viaProxy } : {}),
    reproduce: transport.reproduce(req, meta.authExpression),
  };
}
