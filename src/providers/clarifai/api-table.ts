// Clarifai's API as data: typed access to the table generated from its protos (RPCs, bindings, scopes, status codes).
import { createRequire } from 'node:module';
import { distance as editDistance } from 'fastest-levenshtein';

export type AuthType = 'undef' | 'NoAuth' | 'KeyAuth' | 'SessionTokenAuth' | 'AdminAuth' | 'PATAuth';

/** What each auth type accepts, in the words users know (proto auth/types/types.proto). */
export const AUTH_TYPE_WORDS: Record<AuthType, string> = {
  undef: 'unspecified',
  NoAuth: 'no auth',
  KeyAuth: 'API key or PAT',
  SessionTokenAuth: 'session token (browser only)',
  AdminAuth: 'admin token only',
  PATAuth: 'PAT only',
};

export interface Binding {
  method: string;
  /** A google.api.http template, e.g. /v2/users/{user_app_id.user_id}/apps/{user_app_id.app_id}/models/{model_id}/outputs */
  path: string;
  body?: string;
}

export interface RpcInfo {
  name: string;
  authType: AuthType;
  /** cl_depending_scopes: the minimum scopes a key needs (checked for KeyAuth only). */
  scopes: string[];
  requestType: string;
  responseType: string;
  requestStream: boolean;
  responseStream: boolean;
  /** The primary binding first, then additional_bindings in proto order. */
  bindings: Binding[];
}

export interface ScopeInfo {
  name: string;
  number: number;
  /** Listed by the scopes endpoints (proto option `clarfai_exposed`, sic). */
  exposed: boolean;
  deprecated: boolean;
  /** Scopes recommended alongside this one at key creation (not enforced). */
  depending: string[];
}

export interface StatusCodeInfo {
  name: string;
  code: number;
  deprecated: boolean;
}

export interface ApiTable {
  source: { package: string; version: string };
  rpcs: RpcInfo[];
  scopes: ScopeInfo[];
  statusCodes: StatusCodeInfo[];
  /** Each RPC request message's top-level fields, by message name (proto names: `user_app_id`, `model_id`). */
  requestFields: Record<string, string[]>;
}

export type RouteMatch =
  | { kind: 'match'; rpc: RpcInfo; binding: Binding; params: Record<string, string> }
  | { kind: 'wrong-method'; path: string; allowed: { method: string; rpc: RpcInfo; binding: Binding }[] }
  | { kind: 'no-match'; nearest: { rpc: RpcInfo; binding: Binding; distance: number }[] };

// Never used as a value: naming the JSON in a type query makes tsc copy it into dist/ next to this file,
// which is where the lazy require below finds it at run time (under tsx it is found in src/).
export type GeneratedJson = typeof import('./generated/api-table.json', { with: { type: 'json' } });

let loaded: ApiTable | undefined;
function load(): ApiTable {
  // Parsed on first use, so commands that never look at the API don't pay for ~250 KB of JSON.
  loaded ??= createRequire(import.meta.url)('./generated/api-table.json') as ApiTable;
  return loaded;
}

/** The generated table; each field is read (and the JSON parsed) on first access. */
export const apiTable: ApiTable = {
  get source() {
    return load().source;
  },
  get rpcs() {
    return load().rpcs;
  },
  get scopes() {
    return load().scopes;
  },
  get statusCodes() {
    return load().statusCodes;
  },
  get requestFields() {
    return load().requestFields;
  },
};

let rpcsByName: Map<string, RpcInfo> | undefined;

/**
 * An RPC by name, case-insensitive. Also accepts the fully qualified forms keys list as endpoints
 * (`/clarifai.api.V2/PostModelOutputs`, `clarifai.api.V2.PostModelOutputs`).
 */
export function findRpc(name: string): RpcInfo | undefined {
  rpcsByName ??= new Map(apiTable.rpcs.map((r) => [r.name.toLowerCase(), r]));
  const short = name.trim().replace(/^.*[/.]/u, '');
  return rpcsByName.get(short.toLowerCase());
}

/** RPC names closest to a misspelt one, best first (empty when nothing is close). */
export function nearestRpcNames(name: string, limit = 5): string[] {
  const wanted = name.trim().toLowerCase();
  return apiTable.rpcs
    .map((r) => {
      const lower = r.name.toLowerCase();
      // A fragment of a name ("modeloutputs") is as good a hint as a typo.
      const d = lower.includes(wanted) && wanted.length >= 4 ? 0.5 : editDistance(wanted, lower);
      return { name: r.name, d };
    })
    .filter((x) => x.d <= Math.max(2, Math.floor(wanted.length / 4)))
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name, 'en'))
    .slice(0, limit)
    .map((x) => x.name);
}

/** A scope by its proto name (`Models_Get`); the UI's `Models:Get` spelling is accepted too. */
export function findScope(name: string): ScopeInfo | undefined {
  const wanted = name.trim().replace(':', '_').toLowerCase();
  return apiTable.scopes.find((s) => s.name.toLowerCase() === wanted);
}

/** A status code by number (11008, "11008") or name ("CONN_KEY_INVALID", any case). Aliases resolve to the current name. */
export function statusCode(codeOrName: number | string): StatusCodeInfo | undefined {
  const text = String(codeOrName).trim();
  if (/^\d+$/u.test(text)) return apiTable.statusCodes.find((s) => s.code === Number(text));
  return apiTable.statusCodes.find((s) => s.name === text.toUpperCase());
}

// ---- route matching ----

interface Segment {
  literal?: string;
  param?: string;
  /** `{x=**}`: the rest of the path. */
  rest?: boolean;
}

interface CompiledBinding {
  rpc: RpcInfo;
  binding: Binding;
  segments: Segment[];
}

let compiled: CompiledBinding[] | undefined;

function compile(template: string): Segment[] {
  return template
    .split('/')
    .slice(1)
    .map((s) => {
      const p = /^\{([^}=]+)(?:=([^}]*))?\}$/u.exec(s);
      if (!p) return { literal: s };
      return { param: p[1]!, rest: p[2] === '**' };
    });
}

function allBindings(): CompiledBinding[] {
  compiled ??= apiTable.rpcs.flatMap((rpc) => rpc.bindings.map((binding) => ({ rpc, binding, segments: compile(binding.path) })));
  return compiled;
}

/** The path part of a path or URL: no scheme, host, query or fragment; a leading slash; no trailing slash. */
export function requestPath(pathOrUrl: string): string {
  let s = pathOrUrl.trim();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/iu.exec(s);
  if (scheme) s = s.slice(scheme[0].length);
  else if (/^[^/?#]+\.[^/?#]+\/v\d+\//u.test(s)) s = s.slice(s.indexOf('/')); // api.clarifai.com/v2/...
  s = s.replace(/[?#].*$/su, '');
  if (!s.startsWith('/')) s = `/${s}`;
  // `//` (an empty path after a host) stays `/`: the path always starts with a slash.
  if (s.length > 1) s = s.replace(/\/+$/u, '') || '/';
  return s;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if (seg.rest) {
      if (i >= parts.length) return undefined;
      params[seg.param!] = parts.slice(i).map(decode).join('/');
      return params;
    }
    const part = parts[i];
    if (part === undefined || part === '') return undefined;
    if (seg.literal !== undefined) {
      // Only an escaped part can decode to the literal: skip decoding the rest (a garbage path may be megabytes).
      if (part !== seg.literal && (!part.includes('%') || decode(part) !== seg.literal)) return undefined;
    } else params[seg.param!] = decode(part);
  }
  return segments.length === parts.length ? params : undefined;
}

/** Negative when a is more specific: at the first position where they differ, a literal beats a parameter. */
function bySpecificity(a: Segment[], b: Segment[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const rank = (s: Segment) => (s.literal !== undefined ? 0 : s.rest ? 2 : 1);
    const d = rank(a[i]!) - rank(b[i]!);
    if (d !== 0) return d;
  }
  return b.length - a.length;
}

type Hit = { rpc: RpcInfo; binding: Binding; params: Record<string, string> };

/** Every binding matching the path, most specific first. */
function hitsAt(path: string): Hit[] {
  const parts = path.split('/').slice(1);
  return allBindings()
    .map((c) => ({ c, params: matchSegments(c.segments, parts) }))
    .filter((h): h is { c: CompiledBinding; params: Record<string, string> } => h.params !== undefined)
    .sort((a, b) => bySpecificity(a.c.segments, b.c.segments))
    .map(({ c, params }) => ({ rpc: c.rpc, binding: c.binding, params }));
}

/**
 * Which RPC a REST request reaches. Method first, then the most specific template (as the gateway routes),
 * so `GET /v2/models/searches` is GetModel with model_id "searches", not PostModelsSearches.
 */
export function matchRoute(method: string, pathOrUrl: string): RouteMatch {
  const verb = method.trim().toUpperCase();
  const path = requestPath(pathOrUrl);
  const routes = routesAt(path);
  const same = routes.find((h) => h.binding.method === verb);
  if (same) return { kind: 'match', ...same };
  if (routes.length > 0) return { kind: 'wrong-method', path, allowed: routes.map(({ rpc, binding }) => ({ method: binding.method, rpc, binding })) };
  // The nearest routes cost a scan of every binding (milliseconds per 404): found only when someone reads them.
  let nearest: ReturnType<typeof nearestRoutes> | undefined;
  return {
    kind: 'no-match',
    get nearest() {
      return (nearest ??= nearestRoutes(path, verb));
    },
  };
}

/** The route each method takes at this path (the most specific binding per method); empty when none matches. */
export function routesAt(pathOrUrl: string): Hit[] {
  const byMethod = new Map<string, Hit>();
  for (const hit of hitsAt(requestPath(pathOrUrl))) if (!byMethod.has(hit.binding.method)) byMethod.set(hit.binding.method, hit);
  return [...byMethod.values()];
}

/** Far beyond any template (the longest has 14 segments, the longest segment 37 characters). */
const MAX_NEAREST_PARTS = 64;
const MAX_NEAREST_PART_CHARS = 256;

/**
 * The bindings closest to a path: segment-level edit distance (a parameter matches any one segment, a misspelt
 * literal costs 1), plus 1 when a method is given and differs. Ties go to the closest literals letter by letter.
 */
export function nearestRoutes(pathOrUrl: string, method?: string, limit = 5): { rpc: RpcInfo; binding: Binding; distance: number }[] {
  const all = requestPath(pathOrUrl).split('/').slice(1);
  // A garbage path (thousands of segments, a megabyte segment) is compared on a bounded prefix: every part past
  // the bound counts as one more insertion for every binding, and letters past it only broke ties anyway.
  const parts = all.slice(0, MAX_NEAREST_PARTS).map((p) => p.slice(0, MAX_NEAREST_PART_CHARS));
  const beyond = all.length - parts.length;
  const verb = method?.trim().toUpperCase();
  return allBindings()
    .map((c) => {
      const { edits, letters } = segmentDistance(c.segments, parts);
      return { rpc: c.rpc, binding: c.binding, distance: edits + beyond + (verb === undefined || c.binding.method === verb ? 0 : 1), letters };
    })
    .sort((a, b) => a.distance - b.distance || a.letters - b.letters || a.binding.path.length - b.binding.path.length || a.rpc.name.localeCompare(b.rpc.name, 'en'))
    .slice(0, limit)
    .map(({ rpc, binding, distance }) => ({ rpc, binding, distance }));
}

function segmentDistance(segments: Segment[], parts: string[]): { edits: number; letters: number } {
  const n = segments.length;
  const m = parts.length;
  // d[i][j] = [edits, letters] to align segments[0..i) with parts[0..j)
  const d: [number, number][][] = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => [i + j, 0] as [number, number]));
  const less = (a: [number, number], b: [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const seg = segments[i - 1]!;
      const part = parts[j - 1]!;
      const prev = d[i - 1]![j - 1]!;
      let sub: [number, number];
      if (seg.literal === undefined) sub = part === '' ? [prev[0] + 1, prev[1]] : prev;
      else if (seg.literal === part) sub = prev;
      else sub = [prev[0] + 1, prev[1] + editDistance(seg.literal, part)];
      let best = sub;
      const del: [number, number] = [d[i - 1]![j]![0] + 1, d[i - 1]![j]![1]];
      const ins: [number, number] = [d[i]![j - 1]![0] + 1, d[i]![j - 1]![1]];
      if (less(del, best)) best = del;
      if (less(ins, best)) best = ins;
      d[i]![j] = best;
    }
  }
  return { edits: d[n]![m]![0], letters: d[n]![m]![1] };
}

/** Bindings without /users/… (e.g. /v2/models/{model_id}/outputs): the key itself must imply user and app. */
export function isShortPath(binding: Binding): boolean {
  return !binding.path.includes('/users/');
}
