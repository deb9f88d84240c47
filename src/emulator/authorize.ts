// The emulator's authorizer: decides, like Clarifai's gateway would, whether a request's credential may call an RPC.
//
// It reads only the generated route table and the emulator's state, never the doctor's checks, so that testing
// the doctor against the emulator compares two independent readings of the same facts.
import type { Binding, RpcInfo } from '../providers/clarifai/api-table.js';
import { apiTable } from '../providers/clarifai/api-table.js';
import { PUBLIC_USER_ID, TOKEN_CHARS, type EmulatorKey, type EmulatorState, type EmulatorUser } from './state.js';

export const MALFORMED_HEADER = 'Empty or malformed authorization header. Please provide an API key or session token.';
export const BAD_KEY_FORMAT = 'Invalid format of key.';
export const NO_APP_ID = 'Must provide app external ID in API authorizer';

export interface AuthRequest {
  rpc: RpcInfo;
  /** The REST binding the request reached; undefined over gRPC, where any of the RPC's bindings may apply. */
  binding?: Binding;
  /** Path parameters (`user_app_id.user_id`, `model_id`, …). */
  params: Record<string, string>;
  /** user_app_id from the body, query string or gRPC message; path parameters win over it. */
  userAppId?: { user_id?: string; app_id?: string };
  /** Every Authorization header / `authorization` metadata value received. */
  authorization: string[];
}

export interface Allowed {
  ok: true;
  code: 10000;
  reason: string;
  key?: EmulatorKey;
  /** The user and app the call acts on, after `me` and the key's implied pair are resolved. */
  userId?: string;
  appId?: string;
}

export interface Denied {
  ok: false;
  code: number;
  /** status.details exactly as sent (may echo the received token: never log it, log `reason`). */
  details: string;
  /** Why, for the request log; never contains the token. */
  reason: string;
  key?: EmulatorKey;
  retryAfterS?: number;
}

export type Decision = Allowed | Denied;

const deny = (code: number, details: string, reason: string, key?: EmulatorKey, retryAfterS?: number): Denied => ({
  ok: false,
  code,
  details,
  reason,
  ...(key ? { key } : {}),
  ...(retryAfterS !== undefined ? { retryAfterS } : {}),
});

const HOUR_MS = 3_600_000;

/** Why an Authorization value is not exactly `Key <token>`, or undefined when it is (then the token follows). */
export function parseAuthorization(values: string[]): { token: string } | { malformed: string } {
  if (values.length === 0) return { malformed: 'no Authorization header' };
  if (values.length > 1) return { malformed: `${values.length} Authorization values (exactly one is allowed)` };
  const value = values[0]!;
  // The same rule as Clarifai's own Python client (_read_auth_string): "Key " then one token, no other spaces.
  if (value.startsWith('Key ')) {
    const parts = value.split(' ');
    if (parts.length === 2 && parts[1] !== '') return { token: parts[1]! };
    if (parts.length === 2) return { malformed: 'the scheme "Key" has no token after it' };
    return { malformed: 'extra spaces in the Authorization value (must be exactly "Key <token>")' };
  }
  if (value.trim() === '') return { malformed: 'empty Authorization header' };
  // HTTP strips trailing spaces from header values, so "Key " arrives as "Key".
  if (value.trim() === 'Key') return { malformed: 'the scheme "Key" has no token after it' };
  const scheme = value.split(/\s/u)[0]!;
  if (scheme === 'Key') return { malformed: 'the separator after "Key" is not a single space' };
  if (/^key$/iu.test(scheme)) return { malformed: `scheme word "${scheme}" (must be "Key", capital K)` };
  if (/^bearer$/iu.test(scheme)) return { malformed: 'Bearer scheme (Clarifai wants "Key <token>")' };
  if (/^key/iu.test(scheme)) return { malformed: 'no space between "Key" and the token' };
  return { malformed: /\s/u.test(value.trim()) ? `unknown scheme word (${[...scheme].length} chars; must be "Key")` : 'no scheme word (must be "Key <token>")' };
}

let readScopes: Set<string> | undefined;
/** What a PAT may do in another user's public app (clarifai/main): read and predict, never change. */
function publicReadScopes(): Set<string> {
  readScopes ??= new Set(apiTable.scopes.map((s) => s.name).filter((n) => n === 'Predict' || n === 'Search' || n.endsWith('_Get')));
  return readScopes;
}

function hasParam(binding: Binding, name: string): boolean {
  return binding.path.includes(`{${name}}`) || binding.path.includes(`{${name}=`);
}

/** A listing across all of a user's apps (`/v2/users/{user_id}/models`): a PAT needs no app id there. */
function isUserLevel(rpc: RpcInfo, binding: Binding | undefined): boolean {
  const userOnly = (b: Binding) => hasParam(b, 'user_app_id.user_id') && !hasParam(b, 'user_app_id.app_id');
  return binding ? userOnly(binding) : rpc.bindings.some(userOnly);
}

function blank(s: string | undefined): string | undefined {
  return s === undefined || s === '' ? undefined : s;
}

/** Holds the keys, users and live counters (usage, rate windows); decide() is synchronous, so counting is exact. */
export class Authorizer {
  readonly #keys: Map<string, EmulatorKey>;
  readonly #users: Map<string, EmulatorUser & { live: { hourly_ops: number; monthly_ops: number; hour: number; second: number; inSecond: number } }>;
  readonly #rateLimit: number | null;
  readonly #now: () => number;
  readonly #startedAt: number;

  constructor(state: EmulatorState, now: () => number) {
    this.#now = now;
    this.#startedAt = now();
    this.#rateLimit = state.rate_limit_rps;
    this.#keys = new Map(state.keys.map((k) => [k.id, k]));
    this.#users = new Map(state.users.map((u) => [u.id, { ...u, live: { ...u.usage, hour: 0, second: -1, inSecond: 0 } }]));
  }

  /** Operations counted so far for a user (starting from the state's usage), in the current hour and month. */
  usage(userId: string): { hourly_ops: number; monthly_ops: number } {
    const u = this.#users.get(userId);
    if (!u) return { hourly_ops: 0, monthly_ops: 0 };
    this.#rollHour(u);
    return { hourly_ops: u.live.hourly_ops, monthly_ops: u.live.monthly_ops };
  }

  #rollHour(u: { live: { hourly_ops: number; hour: number } }): void {
    const hour = Math.floor((this.#now() - this.#startedAt) / HOUR_MS);
    if (hour !== u.live.hour) {
      u.live.hour = hour;
      u.live.hourly_ops = 0;
    }
  }

  decide(req: AuthRequest): Decision {
    const { rpc } = req;
    if (rpc.authType === 'NoAuth') return { ok: true, code: 10000, reason: 'NoAuth method: no credential needed' };

    const parsed = parseAuthorization(req.authorization);
    if ('malformed' in parsed) return deny(11102, MALFORMED_HEADER, `malformed Authorization: ${parsed.malformed}`);
    const { token } = parsed;
    // "Key None" gets 11009 in a real response, so the format check cannot be "32 hex"; it rejects characters
    // no key has (quotes, dashes, whitespace, non-ASCII), and an alphanumeric token of any length is looked up.
    if (!TOKEN_CHARS.test(token)) return deny(11008, BAD_KEY_FORMAT, 'token has characters no key has (only letters and digits are looked up)');
    const key = this.#keys.get(token);
    if (!key) return deny(11009, `invalid key(${token})`, 'no key with this token');

    const now = this.#now();
    const activeAt = this.#startedAt + key.active_after_s * 1000;
    if (now < activeAt) {
      return deny(11009, `invalid key(${token})`, `key not active yet (active_after_s ${key.active_after_s}; ${Math.ceil((activeAt - now) / 1000)} s to go)`, key);
    }
    if (key.expires_at !== null && Date.parse(key.expires_at) <= now) return deny(11008, 'expired key', `key expired at ${key.expires_at}`, key);

    const user = this.#users.get(key.user_id)!;
    if (user.account_issue) return deny(11000, `account or plan issue on user ${user.id}`, `user ${user.id} has account_issue`, key);

    if (this.#rateLimit !== null) {
      const second = Math.floor(now / 1000);
      if (second !== user.live.second) {
        user.live.second = second;
        user.live.inSecond = 0;
      }
      user.live.inSecond += 1;
      if (user.live.inSecond > this.#rateLimit) {
        return deny(11005, `exceeded limit of ${this.#rateLimit} requests per second`, `user ${user.id} over ${this.#rateLimit} requests this second`, key, 1);
      }
    }

    const target = this.#resolveTarget(req, key, user);
    if (!target.ok) return target;

    const missing = this.#missingScopes(rpc, key, target.userId);
    if (missing.length > 0) return deny(11007, `missing scopes: ${missing.join(', ')}`, `key lacks ${missing.join(', ')} for ${rpc.name}`, key);

    this.#rollHour(user);
    // Monthly first: when both are exhausted the longer wait is the one worth reporting.
    if (user.plan.monthly_ops !== null && user.live.monthly_ops >= user.plan.monthly_ops) {
      return deny(11004, `exceeded monthly limit of ${user.plan.monthly_ops} operations`, `user ${user.id} used ${user.live.monthly_ops}/${user.plan.monthly_ops} monthly ops`, key);
    }
    if (user.plan.hourly_ops !== null && user.live.hourly_ops >= user.plan.hourly_ops) {
      const retry = Math.ceil((HOUR_MS - ((now - this.#startedAt) % HOUR_MS)) / 1000);
      return deny(11003, `exceeded hourly limit of ${user.plan.hourly_ops} operations`, `user ${user.id} used ${user.live.hourly_ops}/${user.plan.hourly_ops} hourly ops`, key, retry);
    }
    user.live.monthly_ops += 1;
    user.live.hourly_ops += 1;
    return { ok: true, code: 10000, reason: target.reason, key, userId: target.userId, ...(target.appId ? { appId: target.appId } : {}) };
  }

  /** Which user/app the call acts on, and whether this key may act there (path ids, `me`, public apps). */
  #resolveTarget(req: AuthRequest, key: EmulatorKey, owner: EmulatorUser): { ok: true; userId: string; appId?: string; reason: string } | Denied {
    const { rpc } = req;
    const rawUser = blank(req.params['user_app_id.user_id']) ?? blank(req.userAppId?.user_id);
    const rawApp = blank(req.params['user_app_id.app_id']) ?? blank(req.userAppId?.app_id);
    const userId = rawUser === 'me' ? key.user_id : rawUser;
    const appId = rawApp;

    if (rpc.authType === 'SessionTokenAuth' || rpc.authType === 'AdminAuth' || rpc.authType === 'undef') {
      return deny(11008, `${rpc.name} needs a session token (X-Clarifai-Session-Token), not an API key or PAT`, `${rpc.authType} method called with a key`, key);
    }

    if (key.type === 'app_specific_key') {
      if (rpc.authType === 'PATAuth') {
        return deny(11008, `An app-specific API key will not work for ${rpc.name}; use a personal access token`, `app key on PATAuth method ${rpc.name}`, key);
      }
      // The key implies its user and app; naming any other pair is the "API key/application pair" failure,
      // including clarifai/main since the 2023 and June 2025 changes.
      const u = userId ?? key.user_id;
      const a = appId ?? key.app_id;
      if (u !== key.user_id || a !== key.app_id) {
        const why = u === PUBLIC_USER_ID ? 'app keys cannot reach clarifai public apps (use a PAT)' : `key belongs to ${key.user_id}/${key.app_id}`;
        return deny(11008, `API key is not valid for app ${u}/${a}`, `app key used on ${u}/${a}: ${why}`, key);
      }
      return { ok: true, userId: key.user_id, appId: key.app_id!, reason: `app key of ${key.user_id}/${key.app_id}` };
    }

    // A personal access token: it names a user, never an app, so the request must name them.
    if (rpc.authType === 'KeyAuth') {
      if (userId === undefined || (appId === undefined && !isUserLevel(rpc, req.binding))) {
        return deny(11008, NO_APP_ID, 'PAT without user_id/app_id (path or user_app_id) on an app method', key);
      }
    }
    const u = userId ?? key.user_id; // PATAuth paths without /users/… (e.g. GET /v2/apps) act on the PAT's owner
    if (u === PUBLIC_USER_ID && owner.id !== PUBLIC_USER_ID) return { ok: true, userId: u, ...(appId ? { appId } : {}), reason: `PAT reading public ${u}/${appId ?? '*'}` };
    if (u !== owner.id) {
      return deny(11101, appId ? `app_id '${appId}' of user_id '${u}' not found. Check the url of your request.` : `user_id '${u}' not found. Check the url of your request.`, `PAT of ${owner.id} used on user ${u}`, key);
    }
    if (appId !== undefined && !owner.apps.includes(appId)) {
      return deny(11101, `app_id '${appId}' of user_id '${u}' not found. Check the url of your request.`, `user ${u} has no app ${appId}`, key);
    }
    return { ok: true, userId: u, ...(appId ? { appId } : {}), reason: `PAT of ${owner.id}` };
  }

  #missingScopes(rpc: RpcInfo, key: EmulatorKey, targetUser: string): string[] {
    const held = new Set(key.scopes);
    // cl_depending_scopes are enforced for KeyAuth only (proto auth/util/extension.proto).
    const checkHeld = rpc.authType === 'KeyAuth';
    // In someone else's public app a PAT acts with read scopes only, whatever it holds at home.
    const publicApp = targetUser === PUBLIC_USER_ID && key.user_id !== PUBLIC_USER_ID;
    const covers = (s: string) => (!checkHeld || held.has('All') || held.has(s)) && (!publicApp || publicReadScopes().has(s));
    return rpc.scopes.filter((s) => !covers(s));
  }
}
