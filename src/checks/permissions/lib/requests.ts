// Reading request records (src/scan/requests) for the permissions checks: which model a request reaches, which owner it names, which credential it sends.
import { PUBLIC_MODELS_APP_ID, PUBLIC_MODELS_USER_ID, type PublicModel } from '../../../providers/clarifai/public-models.js';
import type { RequestSite, RequestValue } from '../../../types/code-evidence.js';
import { credentialKindOf, type CredentialKind } from '../../endpoint/lib/credential-name.js';
import { isPlaceholderId, publicModelOf } from './model-target.js';

export const REST_CLIENTS = new Set<RequestSite['client']>(['fetch', 'axios', 'requests', 'httpx']);

/** A public model as messages name it: its current id, or its display name when the code used a v2-era hex id (masked otherwise). */
export function modelShown(pub: { model: PublicModel; legacy: boolean; id: string }): string {
  if (!pub.legacy) return pub.id;
  const name = pub.model.id ?? pub.model.displayNames[0] ?? pub.model.key;
  return `${name} (by its v2-era hex id)`;
}

/** Clarifai's public model a request runs, by its current or v2-era id. */
export function publicModelOfRequest(r: RequestSite): { model: PublicModel; legacy: boolean; id: string } | undefined {
  const id = r.modelId && 'literal' in r.modelId ? r.modelId.literal : undefined;
  const pub = publicModelOf(id);
  return pub && { ...pub, id: id! };
}

export interface RequestOwner {
  where: 'path' | 'body' | 'sdk';
  user?: RequestValue;
  app?: RequestValue;
}

/** The owner a request names: in the REST path, in `user_app_id` (body or message), or the SDK's url / ids. Undefined: none. */
export function ownerOfRequest(r: RequestSite): RequestOwner | undefined {
  const m = r.path ? /^\/v2\/users\/([^/]+)\/apps\/([^/]+)\//u.exec(r.path) : null;
  if (m) {
    const part = (s: string): RequestValue => (s.includes('{…}') ? { expr: s } : { literal: decodeURIComponent(s) });
    return { where: 'path', user: part(m[1]!), app: part(m[2]!) };
  }
  if (!r.userAppId) return undefined;
  return { where: r.client === 'clarifai-python-sdk' ? 'sdk' : 'body', ...r.userAppId };
}

/** The body or message is known field by field and names no owner, and the path names none either. */
export function namesNoOwner(r: RequestSite): boolean {
  return r.bodyFields !== undefined && ownerOfRequest(r) === undefined;
}

export function literalOf(v: RequestValue | undefined): string | undefined {
  return v && 'literal' in v ? v.literal : undefined;
}

export function isPublicOwnerValue(v: RequestValue | undefined): boolean {
  return literalOf(v) === PUBLIC_MODELS_USER_ID;
}

/** An owner someone set to their own account: a literal that is neither clarifai nor a placeholder, or an env variable. */
export function isOwnOwnerValue(v: RequestValue | undefined): boolean {
  if (!v) return false;
  if ('env' in v) return true;
  const s = literalOf(v);
  return s !== undefined && s !== PUBLIC_MODELS_USER_ID && s !== '' && !isPlaceholderId(s);
}

/** The kind of credential a request sends, judged from the names it was followed through (the SDK's own read is a PAT). */
export function credentialKindOfRequest(r: RequestSite): { kind: CredentialKind; name: string } | undefined {
  if (r.credential.from === 'sdk-default') return { kind: 'pat', name: 'CLARIFAI_PAT' };
  // The env name decides over the variable it was copied into (`PAT = os.environ['CLARIFAI_API_KEY']`).
  for (const name of [...r.credential.names].reverse()) {
    const kind = credentialKindOf(name);
    if (kind) return { kind, name };
  }
  return undefined;
}

/** How a message names the call: `stub.PostModelOutputs (gRPC)`, `POST /v2/models/…`, `Model(…) (clarifai SDK)`. */
export function callLabel(r: RequestSite): string {
  switch (r.client) {
    case 'grpc-python':
    case 'grpc-node':
      return `${r.rpc ?? r.requestType} over gRPC`;
    case 'ts-proto':
      return `${r.rpc ?? r.requestType} via ts-proto`;
    case 'clarifai-python-sdk':
      return `${r.sdkClass}(…) of the clarifai SDK`;
    default:
      return `${r.method ?? 'a request to'} ${r.path ?? ''}`.trim();
  }
}

/** How to name clarifai/main in this request's own syntax. */
export function publicOwnerFix(r: RequestSite): string {
  const u = PUBLIC_MODELS_USER_ID;
  const a = PUBLIC_MODELS_APP_ID;
  switch (r.client) {
    case 'grpc-python':
      return `user_app_id=resources_pb2.UserAppIDSet(user_id='${u}', app_id='${a}')`;
    case 'ts-proto':
      return `userAppId: { userId: '${u}', appId: '${a}' }`;
    case 'clarifai-python-sdk':
      return `url='https://clarifai.com/${u}/${a}/models/…'`;
    case 'requests':
    case 'httpx':
      return `"user_app_id": {"user_id": "${u}", "app_id": "${a}"}`;
    default:
      return `user_app_id: { user_id: '${u}', app_id: '${a}' }`;
  }
}

/** What follows the model id in a REST path (`outputs`, `versions/…/outputs`), for the path to call instead. */
export function restOfPath(path: string | undefined): string {
  const m = path ? /^\/v2\/(?:users\/[^/]+\/apps\/[^/]+\/)?models\/[^/]+\/?(.*)$/u.exec(path) : null;
  return m ? m[1]! : 'outputs';
}
