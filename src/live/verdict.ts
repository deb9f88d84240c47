// The verdict on one credential from its probe exchanges: only a clear Clarifai success is valid, only a clear Clarifai rejection invalid.
import type { ClarifaiStatus, CredentialVerdict, Exchange } from '../types/live-evidence.js';

/** Codes that say "this key is not accepted" (facts §3): legacy token/credentials, invalid, not found, malformed header. */
export const KEY_REJECTION_CODES = new Set([11001, 11002, 11008, 11009, 11102]);

/** 11008 with this detail is a PAT that is fine but named no app — a recognised key, not a rejected one. */
export function isMissingAppDetail(status: ClarifaiStatus | undefined): boolean {
  return status?.code === 11008 && /Must provide app external ID/iu.test(status.details);
}

export function isKeyRejection(status: ClarifaiStatus | undefined): status is ClarifaiStatus {
  return status !== undefined && KEY_REJECTION_CODES.has(status.code) && !isMissingAppDetail(status);
}

/** Codes Clarifai gives only after it recognised the key: limits, throttling, scopes, a missing resource. */
export const KEY_RECOGNISED_CODES = new Set([11000, 11003, 11004, 11005, 11006, 11007, 11101]);

export function describeStatus(s: ClarifaiStatus): string {
  return `${s.code} ${s.description || '(no description)'}${s.details ? ` (${s.details})` : ''}`;
}

export type Judgement = Pick<CredentialVerdict, 'verdict' | 'reason' | 'kind' | 'userId' | 'appId' | 'scopes' | 'status'>;

const NETWORK_WORDS: Record<string, string> = {
  dns: 'the API host name did not resolve',
  refused: 'the connection was refused',
  timeout: 'the request timed out',
  tls: 'the TLS handshake failed',
  proxy: 'the proxy failed',
  reset: 'the connection was dropped',
  'non-clarifai-body': 'the answer was not from Clarifai',
  other: 'the request failed',
};

/** Judges a credential from its identity probes (myscopes, users/me, users/me/myscopes); target calls do not change the verdict. */
export function judge(exchanges: readonly Exchange[]): Judgement {
  const identity = exchanges.filter((e) => e.purpose !== 'target');
  const ok = (purpose: Exchange['purpose']) => identity.find((e) => e.purpose === purpose && e.status?.code === 10000);
  const user = ok('user');
  const my = ok('myscopes');
  const userScopes = ok('user-scopes');
  if (user) {
    return {
      verdict: 'valid',
      kind: 'pat',
      reason: `Clarifai accepted it as a personal access token of user ${user.user?.id ?? '(unknown)'}`,
      ...(user.user?.id ? { userId: user.user.id } : {}),
      ...(userScopes?.scopes ? { scopes: userScopes.scopes } : my?.scopes ? { scopes: my.scopes } : {}),
    };
  }
  if (my) {
    // users/me answered, but not with success: a key that is not a PAT. Without that answer, the kind stays unknown.
    const userAnswered = identity.some((e) => e.purpose === 'user' && e.status !== undefined);
    const app = my.app;
    return {
      verdict: 'valid',
      ...(app && userAnswered ? { kind: 'app_key' as const } : {}),
      reason: app ? `Clarifai accepted it as a key of app ${app.userId}/${app.id}` : 'Clarifai accepted it',
      ...(app ? { appId: app.id, userId: app.userId } : {}),
      ...(my.scopes ? { scopes: my.scopes } : {}),
    };
  }
  // An app key gets a key error from the PAT-only users/me while myscopes says "limit reached": the key was recognised.
  const recognised = identity.find((e) => e.status && (KEY_RECOGNISED_CODES.has(e.status.code) || isMissingAppDetail(e.status)));
  if (recognised?.status) return { verdict: 'unknown', reason: `Clarifai recognised it but answered ${describeStatus(recognised.status)}` };
  const rejection = identity.find((e) => isKeyRejection(e.status));
  if (rejection?.status) return { verdict: 'invalid', status: rejection.status, reason: `Clarifai rejected it: ${describeStatus(rejection.status)}` };
  const unsendable = identity.find((e) => e.error?.kind === 'cannot-send');
  if (unsendable) return { verdict: 'invalid', reason: `it cannot be sent in an Authorization header (${unsendable.error!.message})` };
  const other = identity.find((e) => e.status && e.status.code !== 10000);
  if (other?.status) return { verdict: 'unknown', reason: `Clarifai answered ${describeStatus(other.status)} before judging the key` };
  const failed = identity.find((e) => e.error);
  if (failed?.error) return { verdict: 'unknown', reason: `${NETWORK_WORDS[failed.error.kind] ?? 'the request failed'}: ${failed.error.message}` };
  return { verdict: 'unknown', reason: 'no probe answered' };
}
