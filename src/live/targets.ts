// The calls the user cares about (--call, --rpc, or calls found in code), resolved against Clarifai's route table.
import { usageError } from '../core/errors.js';
import { findRpc, isShortPath, matchRoute, nearestRpcNames, requestPath, type RpcInfo } from '../providers/clarifai/api-table.js';
import { appScopedBinding } from '../providers/clarifai/app-scoped-path.js';
import type { EnvEvidence } from '../types/evidence.js';
import type { FileLocation } from '../types/location.js';
import type { TargetCall, TargetRoute } from '../types/live-evidence.js';

/** A call to check, as the lead's source scan (or a library user) hands it in. */
export interface TargetInput {
  method: string;
  /** A path (`/v2/...`) or a full URL; only its path and query are sent, and only to the configured base. */
  url: string;
  location?: FileLocation;
}

const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];
/** Stands in for path parameters --rpc cannot know (a model id…): the API then answers "does not exist", after auth. */
export const PLACEHOLDER_PARAM = 'keydoctor-probe';

/** `POST /v2/...` or `POST https://api.clarifai.com/v2/...` → method and URL. */
export function parseCall(text: string): TargetInput {
  const m = /^\s*([A-Za-z]+)\s+(\S+)\s*$/u.exec(text);
  if (!m || !METHODS.includes(m[1]!.toUpperCase())) {
    throw usageError(`--call takes "METHOD /path", e.g. --call "GET /v2/users/me" (METHOD is one of ${METHODS.join(', ')}); got ${JSON.stringify(text)}.`);
  }
  return { method: m[1]!.toUpperCase(), url: m[2]! };
}

/** Only calls that change nothing are sent: reads, predictions and searches. The rest are judged from the key's scopes. */
export function safeToSend(method: string, rpc: string | undefined): boolean {
  if (method === 'GET') return true;
  if (method === 'POST' && rpc && /^Post\w*(Outputs|Results|Searches)$/u.test(rpc)) return true;
  return false;
}

function routeOf(method: string, path: string): TargetRoute {
  const m = matchRoute(method, path);
  if (m.kind === 'match') {
    const scoped = isShortPath(m.binding) ? appScopedBinding(m.rpc, m.binding) : undefined;
    return {
      kind: 'match',
      rpc: m.rpc.name,
      authType: m.rpc.authType,
      scopes: m.rpc.scopes,
      params: m.params,
      template: m.binding.path,
      ...(scoped ? { scopedTemplate: scoped.path } : {}),
    };
  }
  if (m.kind === 'wrong-method') {
    return { kind: 'wrong-method', allowedMethods: m.allowed.map((a) => a.method), nearest: m.allowed.map((a) => `${a.method} ${a.binding.path}`) };
  }
  return { kind: 'no-match', nearest: m.nearest.slice(0, 3).map((n) => `${n.binding.method} ${n.binding.path}`) };
}

/** The path and query of a URL or path, as the probes send it to the configured base. */
function pathAndQuery(url: string): string {
  const path = requestPath(url);
  const q = /\?[^#]*/u.exec(url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/iu, ''));
  return `${path}${q ? q[0] : ''}`;
}

export function targetFromCall(input: TargetInput, source: TargetCall['source']): TargetCall {
  const method = input.method.toUpperCase();
  const path = pathAndQuery(input.url);
  const route = routeOf(method, path);
  const target: TargetCall = { method, path, source, ...(input.location ? { location: input.location } : {}), route, sent: false };
  if (route.kind !== 'match') return { ...target, sent: true };
  const rpc = findRpc(route.rpc!);
  if (rpc?.requestStream || rpc?.responseStream) return { ...target, notSentReason: `${rpc.name} is a streaming call; keydoctor judged it from the route table and the key's scopes` };
  if (!safeToSend(method, route.rpc)) {
    return { ...target, notSentReason: `${method} ${route.rpc} changes data, so keydoctor did not send it; it judged the call from the route table and the key's scopes` };
  }
  return { ...target, sent: true };
}

/**
 * --rpc NAME: the binding an SDK would use. With CLARIFAI_USER_ID and CLARIFAI_APP_ID set, the
 * /users/{user}/apps/{app}/ form filled with them; otherwise the short form an app key uses.
 */
export function targetFromRpc(name: string, env: EnvEvidence): TargetCall {
  const rpc: RpcInfo | undefined = findRpc(name);
  if (!rpc) {
    const near = nearestRpcNames(name);
    throw usageError(`--rpc ${name} is not a Clarifai RPC.${near.length ? ` Did you mean ${near.join(', ')}?` : ''} Run "keydoctor routes ${name}".`);
  }
  const userId = env.variables.get('CLARIFAI_USER_ID')?.winner?.value.reveal().trim();
  const appId = env.variables.get('CLARIFAI_APP_ID')?.winner?.value.reveal().trim();
  // The simplest form first: fewest parameters to make up.
  const params = (p: string) => p.split('{').length;
  const simplest = [...rpc.bindings].sort((a, b) => params(a.path) - params(b.path));
  const scoped = simplest.filter((b) => b.path.includes('{user_app_id.user_id}') && (!b.path.includes('{user_app_id.app_id}') || appId));
  const short = simplest.filter((b) => !b.path.includes('/users/'));
  const binding = (userId && scoped.find((b) => b.path.includes('{user_app_id.app_id}'))) || (userId && scoped[0]) || short[0] || scoped[0] || rpc.bindings[0]!;
  const path = binding.path.replace(/\{([^}=]+)(?:=[^}]*)?\}/gu, (_, param: string) => {
    if (param === 'user_app_id.user_id') return encodeURIComponent(userId || PLACEHOLDER_PARAM);
    if (param === 'user_app_id.app_id') return encodeURIComponent(appId || PLACEHOLDER_PARAM);
    return PLACEHOLDER_PARAM;
  });
  return targetFromCall({ method: binding.method, url: path }, 'flag');
}
