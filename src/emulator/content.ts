// What a successful call returns beyond its status: real content for the introspection RPCs, nothing for the rest.
import type { Allowed } from './authorize.js';

export interface SuccessContent {
  scopes?: string[];
  endpoints?: string[];
  app?: { id: string; user_id: string };
  user?: { id: string };
}

/** Plain data shared by REST (as JSON) and gRPC (copied into the response message). */
export function successContent(rpcName: string, decision: Allowed): SuccessContent {
  const key = decision.key;
  if (!key) return {};
  switch (rpcName) {
    case 'MyScopes':
      return { scopes: key.scopes, endpoints: [], ...(decision.appId ? { app: { id: decision.appId, user_id: decision.userId ?? key.user_id } } : {}) };
    case 'MyScopesUser':
    case 'MyScopesRoot':
      return { scopes: key.scopes, endpoints: [] };
    case 'GetUser':
      return { user: { id: decision.userId ?? key.user_id } };
    default:
      return {};
  }
}
