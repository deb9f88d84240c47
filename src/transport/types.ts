// The contract between probes and transports: one request out, one raw answer (or a classified failure) back.
import type { NetworkErrorKind, TransportKind } from '../types/live-evidence.js';

export interface WireRequest {
  /** HTTP method (REST); ignored by gRPC. */
  method: string;
  /** `/v2/...` with query (REST). */
  path: string;
  /** The RPC to call (gRPC); REST uses the path. */
  rpc?: string;
  /** JSON body (REST) — also the request message for gRPC, merged with `grpcRequest`. */
  body?: Record<string, unknown>;
  /** The gRPC request message (plain object, proto field names). */
  grpcRequest?: Record<string, unknown>;
  /** The full Authorization value, exactly as the app would send it (`Key <token>`). */
  authorization: string;
}

export interface WireError {
  kind: NetworkErrorKind;
  message: string;
  code?: string;
}

export interface WireResponse {
  httpStatus?: number;
  /** Parsed JSON body (REST), or the response message as a plain object (gRPC). */
  json?: unknown;
  /** The start of a body that is not JSON. */
  text?: string;
  contentType?: string;
  retryAfter?: string;
  error?: WireError;
}

export interface Transport {
  kind: TransportKind;
  /** What the request is sent to, for reports: `GET https://host/v2/...` parts. Never includes a secret. */
  describe(req: WireRequest): { method: string; url: string };
  /** A command line that reproduces the request; `authExpression` stands in for the key (`$CLARIFAI_PAT`). */
  reproduce(req: WireRequest, authExpression: string): string;
  send(req: WireRequest, signal?: AbortSignal): Promise<WireResponse>;
  /** The proxy requests go through, if any (credentials removed). */
  readonly viaProxy?: string;
  close(): Promise<void>;
}

/**
 * True for 127.0.0.0/8, ::1 and localhost: the only hosts keydoctor talks to without TLS by default. `*.localhost`
 * is not among them: it is resolved by the system's DNS, which may answer with any address.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/gu, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/u.test(h) || h === '::ffff:127.0.0.1';
}

/** The error codes Node and undici attach, mapped to what they mean for a user. */
export function classifyNetworkError(error: unknown): WireError {
  const chain: { code?: string; message?: string; name?: string }[] = [];
  let e: unknown = error;
  for (let i = 0; i < 6 && e && typeof e === 'object'; i++) {
    chain.push(e as { code?: string; message?: string; name?: string });
    e = (e as { cause?: unknown }).cause;
  }
  const codes = chain.map((c) => c.code).filter((c): c is string => typeof c === 'string');
  const text = chain.map((c) => `${c.name ?? ''} ${c.message ?? ''}`).join(' | ');
  const code = codes.find((c) => !c.startsWith('UND_ERR_ABORTED')) ?? codes[0];
  const message = chain.map((c) => c.message).filter(Boolean).at(-1) ?? String(error);
  const is = (re: RegExp) => codes.some((c) => re.test(c));
  if (/Proxy response \(\d+\)/u.test(text)) return { kind: 'proxy', message, ...(code ? { code } : {}) };
  if (chain.some((c) => c.name === 'TimeoutError') || is(/TIMEOUT|ETIMEDOUT/u)) return { kind: 'timeout', message, ...(code ? { code } : {}) };
  if (is(/^(ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_FAIL)$/u)) return { kind: 'dns', message, ...(code ? { code } : {}) };
  if (is(/^ECONNREFUSED$/u)) return { kind: 'refused', message, ...(code ? { code } : {}) };
  if (is(/CERT|SELF_SIGNED|ERR_TLS|ERR_SSL|EPROTO|UNABLE_TO_VERIFY/u) || /SSL routines|certificate|TLS/iu.test(text)) {
    return { kind: 'tls', message, ...(code ? { code } : {}) };
  }
  if (is(/^(ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED|KD_CONNECT_GAVE_UP)$/u) || /other side closed|socket hang up/iu.test(text)) {
    return { kind: 'reset', message, ...(code ? { code } : {}) };
  }
  if (is(/^(UND_ERR_INVALID_ARG|ERR_INVALID_CHAR|ERR_HTTP_INVALID_HEADER_VALUE)$/u) || /invalid .*header|header value/iu.test(text)) {
    return { kind: 'cannot-send', message, ...(code ? { code } : {}) };
  }
  return { kind: 'other', message, ...(code ? { code } : {}) };
}
