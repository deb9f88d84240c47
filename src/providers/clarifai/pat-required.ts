// Which calls need a PAT (an app-specific API key is refused whatever its scopes), stated once with the one sentence that says why.
import type { AuthType } from './api-table.js';

/** Clarifai's public app: the owner of its public models and workflows. */
export const PUBLIC_USER_ID = 'clarifai';
export const PUBLIC_APP_ID = 'main';

/** When app keys lost clarifai/main (docs "pat-api-keys" page; see docs/clarifai-facts.md). Used inside sentences. */
export const PUBLIC_APP_CHANGE = 'since API 9.3 (March 2023) and 11.6 (June 2025)';

/** The fact, as one sentence for descriptions, notes and explanations. */
export const PUBLIC_MODELS_NEED_PAT =
  "Since API 9.3 (March 2023) and 11.6 (June 2025) an app-specific API key reaches only its own app, so Clarifai's public models and workflows in clarifai/main need a PAT sent with user_id clarifai and app_id main.";

/** Where a user creates a PAT (the current UI path, per the Python SDK's CLI). */
export const PAT_SETTINGS_URL = 'https://clarifai.com/me/settings/secrets';

export type PatReason = 'pat-only-route' | 'public-app';

/** A call, as far as it is known: the RPC's auth type and the owner the request names. */
export interface CallTarget {
  authType?: AuthType;
  userId?: string;
}

/**
 * Why a call needs a PAT, or undefined when an app key may do: a PATAuth RPC ("An app-specific API key will not work
 * when PATAuth is used", types.proto), or a resource of Clarifai's public user (every app of `clarifai`).
 */
export function patRequiredFor(call: CallTarget): PatReason | undefined {
  if (call.authType === 'PATAuth') return 'pat-only-route';
  if (call.userId === PUBLIC_USER_ID) return 'public-app';
  return undefined;
}

/** A path that names Clarifai's public app: `/v2/users/clarifai/apps/main` and below. */
export function namesPublicApp(path: string): boolean {
  return /^\/v2\/users\/clarifai\/apps\/main(?:\/|$)/u.test(path);
}
