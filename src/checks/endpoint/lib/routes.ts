// Picks the Clarifai REST paths in code that the route table can judge, and words RPCs for messages.
import { matchRoute, routesAt, type Binding, type RouteMatch, type RpcInfo } from '../../../providers/clarifai/api-table.js';
import { appScopedPath } from '../../../providers/clarifai/app-scoped-path.js';
import type { CodeEvidence, UrlSite } from '../../../types/code-evidence.js';
import { HOLE, isExtensionPath, isJudgeable, parseCodeUrl, type CodeUrl } from './code-url.js';

export interface RestPath {
  site: UrlSite;
  url: CodeUrl;
}

/** Doubled `/v2` and other mangled bases are reported by their own checks, not as unknown routes. */
export function isMangled(path: string): boolean {
  return /\/v2\/+(?:v2(?:\/|$)|https?:)/iu.test(path) || path.includes('//');
}

/**
 * REST URLs whose path is a Clarifai core route: a Clarifai or loopback host (or no host at all), a path under
 * /v2/ that is not an /v2/ext/ extension (OpenAI-compatible, MCP: not in the proto table) and not mangled.
 */
// Several checks walk the same evidence; parse it once per scan result.
const pathsOf = new WeakMap<CodeEvidence, RestPath[]>();

export function judgeableRestPaths(code: CodeEvidence): RestPath[] {
  let paths = pathsOf.get(code);
  if (!paths) {
    paths = code.urls.map(toRestPath).filter((p): p is RestPath => p !== undefined);
    pathsOf.set(code, paths);
  }
  return paths;
}

const routeCache = new Map<string, RouteMatch>();

/** matchRoute, remembered: a project calls the same few routes from many places. */
export function cachedMatchRoute(method: string, path: string): RouteMatch {
  const key = `${method.toUpperCase()} ${path}`;
  let hit = routeCache.get(key);
  if (!hit) {
    if (routeCache.size > 20_000) routeCache.clear();
    hit = matchRoute(method, path);
    routeCache.set(key, hit);
  }
  return hit;
}

export function toRestPath(site: UrlSite): RestPath | undefined {
  if (site.kind !== 'rest') return undefined;
  const url = parseCodeUrl(site.url);
  if (!isJudgeable(url) || !url.path.startsWith('/v2/') || isExtensionPath(url.path) || isMangled(url.path)) return undefined;
  if (isPlaceholderPath(url.path)) return undefined;
  return { site, url };
}

/**
 * Paths written for people, not sent: the bare `/v2/` base, and templates with `…`, `...`, `<id>`, `{user}` or
 * `:id` where an id goes. Holes from code expressions are real calls and do not count.
 */
export function isPlaceholderPath(path: string): boolean {
  const literal = path.replaceAll(HOLE, 'x');
  return /^\/v2\/*$/u.test(literal) || /…|\.\.\.|[<>{}]|\/:[A-Za-z_]/u.test(literal);
}

export interface RouteHit {
  rpc: RpcInfo;
  binding: Binding;
  params: Record<string, string>;
}

/** The route a request reaches; with no known method, every route served at the path (each method once). */
export function routesFor(method: string | undefined, path: string): RouteHit[] {
  if (method === undefined) return routesAt(path);
  const m = cachedMatchRoute(method, path);
  return m.kind === 'match' ? [m] : [];
}

/** The same RPC's binding that names user and app in the path, with the known params filled in. */
export function appScopedAlternative(hit: RouteHit): string | undefined {
  return appScopedPath(hit.rpc, hit.binding, hit.params);
}

const WHOLE: Record<string, string> = { PostModelOutputs: 'run a model', PostWorkflowResults: 'run a workflow' };
const VERBS: Record<string, string> = { Post: 'create', Get: 'fetch', List: 'list', Patch: 'update', Put: 'replace', Delete: 'delete', Stream: 'stream' };

function thirdPerson(verb: string): string {
  return /(?:ch|sh)$/u.test(verb) ? `${verb}es` : `${verb}s`;
}

/**
 * `GetModel` → "fetches a model", `PostModels` → "creates models", `PostModelsSearches` → "searches models";
 * with `infinitive`, "fetch a model" (for "if you mean to …").
 */
export function describeRpc(rpc: RpcInfo, infinitive = false): string {
  const phrase = describe(rpc);
  if (infinitive) return phrase;
  const [verb, ...rest] = phrase.split(' ');
  return [thirdPerson(verb!), ...rest].join(' ');
}

function describe(rpc: RpcInfo): string {
  const whole = WHOLE[rpc.name];
  if (whole) return whole;
  const m = /^(Post|Get|List|Patch|Put|Delete|Stream)(.*)$/u.exec(rpc.name);
  if (!m) return `call ${rpc.name}`;
  const searches = m[2]!.endsWith('Searches');
  const verb = searches ? 'search' : VERBS[m[1]!]!;
  const noun = m[2]!.replace(/Searches$/u, '').replace(/([a-z0-9])([A-Z])/gu, '$1 $2').toLowerCase();
  if (noun === '') return verb;
  return noun.endsWith('s') ? `${verb} ${noun}` : `${verb} a ${noun}`;
}

/** A binding template as people write it: `{user_id}` rather than the proto's `{user_app_id.user_id}`. */
export function displayPath(template: string): string {
  return template.replace(/\{user_app_id\./gu, '{');
}

export function formatRoute(method: string, binding: Binding, rpc: RpcInfo): string {
  return `${method} ${displayPath(binding.path)} (${rpc.name})`;
}

/**
 * The template with the caller's own segments put into its parameters, when both have the same number of
 * segments: a misspelt literal is corrected while the caller's ids stay where they were.
 */
export function fillTemplate(template: string, path: string): string {
  const t = template.split('/');
  const p = path.split('/');
  if (t.length !== p.length) return displayPath(template);
  return t.map((seg, i) => (/^\{[^}=]+\}$/u.test(seg) && p[i] ? p[i] : seg)).join('/');
}
