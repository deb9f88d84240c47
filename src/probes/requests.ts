// The probe requests: what keydoctor asks Clarifai to learn a credential's kind, owner and scopes, and the target call.
import type { TargetCall } from '../types/live-evidence.js';
import type { WireRequest } from '../transport/types.js';

/** `GET /v2/myscopes` (MyScopes, KeyAuth): a valid app key answers with its app and scopes. */
export function myScopesRequest(authorization: string): WireRequest {
  return { method: 'GET', path: '/v2/myscopes', rpc: 'MyScopes', authorization };
}

/** `GET /v2/users/me` (GetUser, PAT only): a PAT answers with its user; `me` is Clarifai's alias for the caller. */
export function userRequest(authorization: string): WireRequest {
  return { method: 'GET', path: '/v2/users/me', rpc: 'GetUser', grpcRequest: { user_app_id: { user_id: 'me' } }, authorization };
}

/** `GET /v2/users/me/myscopes` (MyScopesUser, PAT only): a PAT's scopes, needed only to judge a target call. */
export function userScopesRequest(authorization: string): WireRequest {
  return { method: 'GET', path: '/v2/users/me/myscopes', rpc: 'MyScopesUser', grpcRequest: { user_app_id: { user_id: 'me' } }, authorization };
}

/** `{ 'user_app_id.user_id': 'u' }` → `{ user_app_id: { user_id: 'u' } }`: path parameters as a gRPC message. */
export function nestParams(params: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(params)) {
    const keys = path.split('.');
    let node = out;
    for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
    node[keys.at(-1)!] = value;
  }
  return out;
}

/** The call the user cares about, sent with an empty body (keydoctor only sends calls that change nothing). */
export function targetRequest(target: TargetCall, authorization: string): WireRequest {
  const hasBody = target.method !== 'GET' && target.method !== 'DELETE';
  return {
    method: target.method,
    path: target.path,
    ...(target.route.rpc ? { rpc: target.route.rpc } : {}),
    ...(hasBody ? { body: {} } : {}),
    grpcRequest: nestParams(target.route.params ?? {}),
    authorization,
  };
}
