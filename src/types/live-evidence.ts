// What the live probes saw when they asked the API: each exchange, classified, and a verdict per credential.
import type { Secret } from '../core/secret.js';
import type { EnvLocation, FileLocation } from './location.js';

export type TransportKind = 'rest' | 'grpc';

/**
 * Why an exchange produced no Clarifai answer. `non-clarifai-body` is an answer that is not Clarifai's
 * (an HTML page, a WAF 403, a proxy's error page); `cannot-send` means the HTTP/gRPC client itself
 * refused the value (a line break in a header), so nothing left the machine.
 */
export type NetworkErrorKind = 'dns' | 'refused' | 'timeout' | 'tls' | 'proxy' | 'reset' | 'non-clarifai-body' | 'cannot-send' | 'other';

/** Clarifai's `status` object; `details` has any echoed key masked. */
export interface ClarifaiStatus {
  code: number;
  description: string;
  details: string;
  reqId?: string;
}

/** What a probe asks: the key's app and scopes, the PAT's user, the PAT's scopes, or the call the user cares about. */
export type ProbePurpose = 'myscopes' | 'user' | 'user-scopes' | 'target';

export interface Exchange {
  /** Id of the CredentialVerdict whose value was sent. */
  credential: string;
  purpose: ProbePurpose;
  /** Index into LiveEvidence.targets when purpose is `target`. */
  target?: number;
  transport: TransportKind;
  /** HTTP method, or `gRPC`. */
  method: string;
  /** Redacted URL (REST) or `host:port/clarifai.api.V2/Rpc` (gRPC). Never carries a secret. */
  url: string;
  rpc?: string;
  /** The round trip this request was sent in (1 or 2; `--wait` retries are 3, 4, …); 0 when nothing was sent. */
  wave: number;
  httpStatus?: number;
  status?: ClarifaiStatus;
  /** `Retry-After` as sent by the server. */
  retryAfter?: string;
  contentType?: string;
  /** The start of a body that was not Clarifai's (secrets redacted), for the report. */
  bodySnippet?: string;
  /** From a successful myscopes / users/me answer. */
  scopes?: string[];
  endpoints?: string[];
  app?: { id: string; userId: string };
  user?: { id: string };
  error?: { kind: NetworkErrorKind; message: string; code?: string };
  /** Milliseconds since the diagnosis started. */
  startMs: number;
  endMs: number;
  /** The proxy the request went through (credentials in its URL redacted). */
  viaProxy?: string;
  /** A curl (or grpcurl) command reproducing the request, with the key as `$VARIABLE` or masked. */
  reproduce: string;
  /** `keydoctor run` only: the credential header exactly as the app sent it (name as written on the wire). */
  sentAuthorization?: { name: string; value: Secret };
}

export type Verdict = 'valid' | 'invalid' | 'unknown';

/**
 * Where a probed value came from: the value the app sends (`configured`), or a candidate keydoctor
 * derived from it or found in a source that lost the precedence contest.
 */
export type CandidateOrigin = 'configured' | 'cleaned' | 'other-source';

export interface CredentialVerdict {
  /** Stable within one diagnosis: `CLARIFAI_PAT`, `CLARIFAI_PAT~cleaned`, `CLARIFAI_PAT@.env:3`. */
  id: string;
  variable: string;
  /** Where the value was defined. */
  location: EnvLocation;
  value: Secret;
  origin: CandidateOrigin;
  /** For a candidate: the id of the configured credential it stands in for. */
  candidateFor?: string;
  /** For a `cleaned` candidate: what was changed, completing "the key works once …" (e.g. `the trailing newline is removed`). */
  change?: string;
  verdict: Verdict;
  /** Known only after a clear success: a PAT answers GET /v2/users/me, an app key reports its app. */
  kind?: 'pat' | 'app_key';
  userId?: string;
  appId?: string;
  scopes?: string[];
  /** One phrase saying why the verdict is what it is. */
  reason: string;
  /** The Clarifai status that made the verdict `invalid`. */
  status?: ClarifaiStatus;
}

/** A route-table view of a target call, so checks need no table lookups. */
export interface TargetRoute {
  kind: 'match' | 'wrong-method' | 'no-match';
  rpc?: string;
  authType?: string;
  /** cl_depending_scopes of the RPC. */
  scopes?: string[];
  params?: Record<string, string>;
  /** The binding's path template. */
  template?: string;
  /** For a short path: the app-scoped binding of the same RPC and method (providers/clarifai/app-scoped-path.ts), if any. */
  scopedTemplate?: string;
  /** For wrong-method: the methods Clarifai binds to this path. */
  allowedMethods?: string[];
  /** For no-match: the nearest real routes, `METHOD /template`. */
  nearest?: string[];
}

/** A call the user cares about: from --call / --rpc, or found in the code. */
export interface TargetCall {
  method: string;
  /** The path sent (query kept, no host), or the RPC name for gRPC-only targets. */
  path: string;
  source: 'flag' | 'code';
  /** Where the code makes this call (for code targets). */
  location?: FileLocation;
  route: TargetRoute;
  /** Whether keydoctor sent it; mutating calls are judged from the route table and the key's scopes instead. */
  sent: boolean;
  notSentReason?: string;
}

export interface ProxySetting {
  /** The variable that set it (`HTTPS_PROXY`, `https_proxy`, …). */
  variable: string;
  /** The proxy URL, with any user:password removed. */
  url: string;
  /** True when NO_PROXY exempts the API host. */
  bypassed: boolean;
  noProxyVariable?: string;
}

export interface LiveConfig {
  transport: TransportKind;
  /** The base as configured (REST URL, or gRPC host:port as written). */
  configuredBase: string;
  baseSource: 'flag' | 'env' | 'default';
  /** The variable and source of the base when it came from the environment. */
  baseLocation?: EnvLocation;
  /** What keydoctor actually talked to: a REST origin (no trailing /v2) or a gRPC host:port. */
  effectiveBase: string;
  /** gRPC only: whether TLS was used. */
  tls?: boolean;
  proxy?: ProxySetting;
  /** The user asked to allow plain http:// to a non-loopback host. */
  allowInsecure: boolean;
  timeoutMs: number;
}

/** The outcome of `--wait`: how long keydoctor retried an unknown (11009) key and whether it became valid. */
export interface ActivationWait {
  credential: string;
  waitedMs: number;
  attempts: number;
  maxWaitMs: number;
  /** Set when a retry succeeded: the time from the first rejection to the first success. */
  becameValidAfterMs?: number;
}

export interface LiveEvidence {
  /** The base keydoctor talked to (same as config.effectiveBase). */
  base: string;
  config: LiveConfig;
  credentials: CredentialVerdict[];
  targets: TargetCall[];
  exchanges: Exchange[];
  /** The number of sequential round trips the diagnosis needed (not counting --wait retries). */
  waves: number;
  wait?: ActivationWait[];
  /** Why no probe was sent, when none was (no credential defined). */
  skipped?: string;
}
