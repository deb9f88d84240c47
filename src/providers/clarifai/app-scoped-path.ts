// The app-scoped form of a short path (`/v2/models/x/outputs` → `/v2/users/{user_id}/apps/{app_id}/models/x/outputs`), stated once.
import type { Binding, RpcInfo } from './api-table.js';

/** What the scoped bindings insert after `/v2`: the owner's user and app, which an app key implies and a PAT must name. */
const OWNER = '/users/{user_app_id.user_id}/apps/{user_app_id.app_id}';

/**
 * The same RPC's binding, with the same method, that names user and app in the path: the short path with the owner
 * inserted when the RPC has it (PostModelOutputs also has a /versions/ form), else its first such binding
 * (`GET /v2/app` → `/v2/users/{user_id}/apps/{app_id}`). Undefined when the RPC has none.
 */
export function appScopedBinding(rpc: RpcInfo, binding: Binding): Binding | undefined {
  const scoped = rpc.bindings.filter((b) => b.method === binding.method && b.path.includes('{user_app_id.user_id}') && b.path.includes('{user_app_id.app_id}'));
  const inserted = binding.path.replace(/^(\/v\d+)/u, `$1${OWNER}`);
  return scoped.find((b) => b.path === inserted) ?? scoped[0];
}

/**
 * The app-scoped path as people write it: the parameters known from the request filled in, the rest shown as
 * `{user_id}`, `{app_id}`, `{model_id}`.
 */
export function appScopedPath(rpc: RpcInfo, binding: Binding, params: Record<string, string> = {}): string | undefined {
  const scoped = appScopedBinding(rpc, binding);
  if (!scoped) return undefined;
  return scoped.path.replace(/\{([^}=]+)(?:=[^}]*)?\}/gu, (_, name: string) => params[name] ?? `{${name.replace(/^user_app_id\./u, '')}}`);
}
