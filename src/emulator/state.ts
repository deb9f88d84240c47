// The emulator's world: users, their apps and plans, and the keys it knows; validated with errors that name the JSON path.
import { readFileSync, statSync } from 'node:fs';
import { KeydoctorError } from '../core/errors.js';
import { maskKeyShaped } from '../core/secret.js';
import { findScope } from '../providers/clarifai/api-table.js';

export type KeyType = 'app_specific_key' | 'personal_access_token';

export interface OpsLimits {
  /** null: no limit. */
  hourly_ops: number | null;
  monthly_ops: number | null;
}

export interface EmulatorUser {
  id: string;
  apps: string[];
  plan: OpsLimits;
  /** Operations already used when the emulator starts. */
  usage: { hourly_ops: number; monthly_ops: number };
  account_issue: boolean;
}

export interface EmulatorKey {
  /** The token itself, as sent after `Key `. */
  id: string;
  type: KeyType;
  user_id: string;
  /** Set for app keys only: the one app the key belongs to. */
  app_id?: string;
  scopes: string[];
  /** The key answers 11009 (not found) until this many seconds after the emulator started. */
  active_after_s: number;
  /** RFC 3339; null: never expires. */
  expires_at: string | null;
}

export interface EmulatorState {
  users: EmulatorUser[];
  keys: EmulatorKey[];
  /** Requests per second per user before 11005; null: no limit. */
  rate_limit_rps: number | null;
}

/** What a state file may contain: everything optional that has a default. */
export interface EmulatorStateInput {
  users: (Pick<EmulatorUser, 'id' | 'apps'> & { plan?: Partial<OpsLimits>; usage?: Partial<EmulatorUser['usage']>; account_issue?: boolean })[];
  keys: (Pick<EmulatorKey, 'id' | 'type' | 'user_id' | 'app_id' | 'scopes'> & { active_after_s?: number; expires_at?: string | null })[];
  rate_limit_rps?: number | null;
}

/** The default per-user rate limit, as documented by Clarifai for every plan. */
export const DEFAULT_RATE_LIMIT_RPS = 15;

/** The user whose apps (`clarifai/main`, …) hold the public models any PAT may read. */
export const PUBLIC_USER_ID = 'clarifai';

/** Characters a token may have and still be looked up (anything else is a bad format, see authorize.ts). */
export const TOKEN_CHARS = /^[A-Za-z0-9]+$/u;

function fail(path: string, message: string): never {
  // A state file holds keys: whatever of it an error quotes (a path, an id, a value) is masked by its shape.
  throw new KeydoctorError('KD_ERR_STATE', maskKeyShaped(`${path} ${message}`));
}

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;
}

function object(v: unknown, path: string, allowed: string[]): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, `must be an object, not ${kind(v)}`);
  for (const k of Object.keys(v)) {
    if (!allowed.includes(k)) fail(`${path}.${k}`, `is not a known field (known: ${allowed.join(', ')})`);
  }
  return v as Record<string, unknown>;
}

function array(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) fail(path, `must be an array, not ${kind(v)}`);
  return v;
}

function text(v: unknown, path: string): string {
  if (typeof v !== 'string' || v.length === 0) fail(path, `must be a non-empty string, not ${kind(v)}`);
  return v;
}

function count(v: unknown, path: string, nullable: boolean): number | null {
  if (v === null && nullable) return null;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(path, `must be a whole number ≥ 0${nullable ? ' or null (no limit)' : ''}, not ${kind(v)}`);
  return v;
}

function optional<T>(o: Record<string, unknown>, key: string, fallback: T, read: (v: unknown) => T): T {
  return o[key] === undefined ? fallback : read(o[key]);
}

/** Checks a parsed state file and fills in the defaults; throws KD_ERR_STATE naming the first bad JSON path. */
export function validateState(json: unknown): EmulatorState {
  const root = object(json, 'state', ['users', 'keys', 'rate_limit_rps']);
  const users = array(root.users ?? fail('users', 'is missing'), 'users').map((u, i) => readUser(u, `users[${i}]`));
  const seenUsers = new Set<string>();
  users.forEach((u, i) => {
    if (seenUsers.has(u.id)) fail(`users[${i}].id`, `"${u.id}" is listed twice`);
    seenUsers.add(u.id);
  });
  const keys = array(root.keys ?? fail('keys', 'is missing'), 'keys').map((k, i) => readKey(k, `keys[${i}]`, users));
  const seenKeys = new Set<string>();
  keys.forEach((k, i) => {
    // Token values are compared, never printed: a state file may hold real-looking tokens.
    if (seenKeys.has(k.id)) fail(`keys[${i}].id`, 'repeats the token of an earlier key');
    seenKeys.add(k.id);
  });
  const rate = optional(root, 'rate_limit_rps', DEFAULT_RATE_LIMIT_RPS as number | null, (v) => {
    if (v === null) return null;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) fail('rate_limit_rps', `must be a whole number ≥ 1, or null for no limit, not ${kind(v)}`);
    return v;
  });
  return { users, keys, rate_limit_rps: rate };
}

function readUser(v: unknown, path: string): EmulatorUser {
  const o = object(v, path, ['id', 'apps', 'plan', 'usage', 'account_issue']);
  const apps = array(o.apps ?? fail(`${path}.apps`, 'is missing'), `${path}.apps`).map((a, i) => text(a, `${path}.apps[${i}]`));
  const plan = optional(o, 'plan', { hourly_ops: null, monthly_ops: null } as OpsLimits, (p) => {
    const po = object(p, `${path}.plan`, ['hourly_ops', 'monthly_ops']);
    return {
      hourly_ops: optional(po, 'hourly_ops', null, (x) => count(x, `${path}.plan.hourly_ops`, true)),
      monthly_ops: optional(po, 'monthly_ops', null, (x) => count(x, `${path}.plan.monthly_ops`, true)),
    };
  });
  const usage = optional(o, 'usage', { hourly_ops: 0, monthly_ops: 0 }, (p) => {
    const uo = object(p, `${path}.usage`, ['hourly_ops', 'monthly_ops']);
    return {
      hourly_ops: optional(uo, 'hourly_ops', 0, (x) => count(x, `${path}.usage.hourly_ops`, false)!),
      monthly_ops: optional(uo, 'monthly_ops', 0, (x) => count(x, `${path}.usage.monthly_ops`, false)!),
    };
  });
  const accountIssue = optional(o, 'account_issue', false, (x) => {
    if (typeof x !== 'boolean') fail(`${path}.account_issue`, `must be true or false, not ${kind(x)}`);
    return x;
  });
  return { id: text(o.id, `${path}.id`), apps, plan, usage, account_issue: accountIssue };
}

function readKey(v: unknown, path: string, users: EmulatorUser[]): EmulatorKey {
  const o = object(v, path, ['id', 'type', 'user_id', 'app_id', 'scopes', 'active_after_s', 'expires_at']);
  const id = text(o.id, `${path}.id`);
  if (!TOKEN_CHARS.test(id)) fail(`${path}.id`, 'must be letters and digits only (Clarifai keys are 32 lowercase hex characters); any other token is answered with "Invalid format of key."');
  const type = o.type;
  if (type !== 'app_specific_key' && type !== 'personal_access_token') fail(`${path}.type`, `must be "app_specific_key" or "personal_access_token", not ${kind(type)}`);
  const userId = text(o.user_id, `${path}.user_id`);
  const user = users.find((u) => u.id === userId) ?? fail(`${path}.user_id`, `"${userId}" is not one of users[].id`);
  let appId: string | undefined;
  if (type === 'app_specific_key') {
    appId = text(o.app_id ?? fail(`${path}.app_id`, 'is missing (an app_specific_key belongs to one app)'), `${path}.app_id`);
    if (!user.apps.includes(appId)) fail(`${path}.app_id`, `"${appId}" is not one of the apps of user "${userId}"`);
  } else if (o.app_id !== undefined) {
    fail(`${path}.app_id`, 'must not be set for a personal_access_token (a PAT belongs to a user, not an app)');
  }
  const scopes = array(o.scopes ?? fail(`${path}.scopes`, 'is missing (use ["All"] for every scope)'), `${path}.scopes`).map((s, i) => {
    const name = text(s, `${path}.scopes[${i}]`);
    const known = findScope(name);
    if (!known || known.name === 'undef') fail(`${path}.scopes[${i}]`, `"${name}" is not a Clarifai scope (e.g. "All", "Predict", "Models_Get")`);
    return known.name;
  });
  const activeAfter = optional(o, 'active_after_s', 0, (x) => {
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) fail(`${path}.active_after_s`, `must be a number of seconds ≥ 0, not ${kind(x)}`);
    return x;
  });
  const expiresAt = optional(o, 'expires_at', null as string | null, (x) => {
    if (x === null) return null;
    const s = text(x, `${path}.expires_at`);
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/iu.test(s) || Number.isNaN(Date.parse(s))) {
      fail(`${path}.expires_at`, `must be an RFC 3339 time such as "2030-01-01T00:00:00Z", not ${JSON.stringify(s)}`);
    }
    return s;
  });
  return { id, type, user_id: userId, ...(appId !== undefined ? { app_id: appId } : {}), scopes, active_after_s: activeAfter, expires_at: expiresAt };
}

/** Reads and validates a state file; unreadable or non-JSON files are KD_ERR_STATE too, never a stack trace. */
export function loadStateFile(path: string): EmulatorState {
  let raw: string;
  try {
    // A FIFO or device would block readFileSync forever; a state file is a small regular file.
    const info = statSync(path);
    if (!info.isFile()) fail(`state file ${path}`, 'is not a regular file');
    if (info.size > 16 * 1024 * 1024) fail(`state file ${path}`, 'is larger than 16 MB; a state file is a small JSON document');
    const bytes = readFileSync(path);
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    if (error instanceof KeydoctorError) throw error;
    const reason = error instanceof TypeError ? 'is not valid UTF-8 text' : `could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
    fail(`state file ${path}`, reason);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/u, ''));
  } catch (error) {
    fail(`state file ${path}`, `is not valid JSON: ${(error as Error).message}`);
  }
  return validateState(json);
}
