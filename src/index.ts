// keydoctor's public library API (named exports only): diagnose a project's Clarifai credential, or explain an error text.
import { diagnose as runEngine, type DiagnoseRequest, type Result } from './core/diagnose.js';
import { KeydoctorError } from './core/errors.js';

export type { CredentialRecord, CategoryStatus, Summary, CommandName } from './core/diagnose.js';
export type { CheckRecord, SkipReason } from './core/engine.js';
export type { TargetInput } from './live/targets.js';
export type { Finding, Category, Severity } from './types/diagnostic.js';
export { CATEGORIES } from './types/diagnostic.js';
export type { Location, FileLocation, EnvLocation, HttpLocation, GrpcLocation } from './types/location.js';
export { formatLocation } from './types/location.js';
export type { Verdict, LiveEvidence, Exchange, CredentialVerdict, TargetCall } from './types/live-evidence.js';
export { explain } from './explain/index.js';
export type { ExplainResult, ExplainStatus, ExplainOptions } from './explain/index.js';
export { KeydoctorError, ERROR_CODES, type ErrorCode } from './core/errors.js';
export { PROBLEMS, type Problem } from './checks/registry.js';

/** What a library caller may ask for; anything else is refused with KD_ERR_USAGE. */
export interface DiagnoseOptions {
  /** The project folder (default: the current folder). */
  projectDir?: string;
  /** The environment the app runs with (default: process.env). */
  env?: Record<string, string | undefined>;
  envFiles?: readonly string[];
  expect?: readonly string[];
  cwd?: string;
  /** Ask the API about the credentials. Nothing is sent anywhere unless this is `true`. */
  live?: boolean;
  /** Read the project's source code (default true). */
  scan?: boolean;
  /** Live: the REST base (default CLARIFAI_API_BASE from the shell, else https://api.clarifai.com). */
  base?: string;
  grpcBase?: string;
  transport?: 'rest' | 'grpc';
  call?: string;
  rpc?: string;
  timeoutMs?: number;
  waitS?: number;
  /** Allow a plain http:// base that is not this machine (the key travels unencrypted). */
  allowInsecure?: boolean;
  signal?: AbortSignal;
}

/** The Result without the raw evidence: what `keydoctor check --json` prints. */
export type DiagnoseResult = Omit<Result, 'evidence' | 'redactor'>;

const BOOLEAN = ['live', 'scan', 'allowInsecure'] as const;
const STRING = ['projectDir', 'cwd', 'base', 'grpcBase', 'call', 'rpc'] as const;
const NUMBER = { timeoutMs: [1, 600_000], waitS: [0, 3600] } as const;
const KNOWN = new Set<string>([...BOOLEAN, ...STRING, ...Object.keys(NUMBER), 'env', 'envFiles', 'expect', 'transport', 'signal']);

function refuse(message: string): never {
  throw new KeydoctorError('KD_ERR_USAGE', message);
}

/** Checks a caller's options at the boundary: `allowInsecure: 'no'` must not count as true. */
function validate(options: unknown): DiagnoseOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) refuse('diagnose() takes an options object.');
  const o = options as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!KNOWN.has(k)) refuse(`diagnose(): unknown option "${k}".`);
  for (const k of BOOLEAN) if (o[k] !== undefined && typeof o[k] !== 'boolean') refuse(`diagnose(): ${k} must be true or false.`);
  for (const k of STRING) if (o[k] !== undefined && typeof o[k] !== 'string') refuse(`diagnose(): ${k} must be a string.`);
  for (const [k, [min, max]] of Object.entries(NUMBER)) {
    const v = o[k];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)) refuse(`diagnose(): ${k} must be a number from ${min} to ${max}.`);
  }
  if (o.transport !== undefined && o.transport !== 'rest' && o.transport !== 'grpc') refuse('diagnose(): transport must be "rest" or "grpc".');
  for (const k of ['envFiles', 'expect']) {
    if (o[k] !== undefined && (!Array.isArray(o[k]) || !(o[k] as unknown[]).every((x) => typeof x === 'string'))) refuse(`diagnose(): ${k} must be a list of strings.`);
  }
  if (o.env !== undefined && (typeof o.env !== 'object' || o.env === null)) refuse('diagnose(): env must be an object of strings.');
  if (o.signal !== undefined && !(o.signal instanceof AbortSignal)) refuse('diagnose(): signal must be an AbortSignal.');
  return o as DiagnoseOptions;
}

/**
 * Runs the doctor: reads the project's env and .env files (default: the current folder and process.env)
 * and its code, and — only with `live: true` — asks the configured Clarifai base. Throws KeydoctorError
 * (KD_ERR_USAGE for bad options, KD_ERR_NETWORK_POLICY instead of sending a key over plain http:// to a
 * host that is not this machine).
 */
export async function diagnose(options?: DiagnoseOptions): Promise<DiagnoseResult> {
  const o = validate(options);
  const { evidence: _evidence, redactor: _redactor, ...result } = await runEngine({ ...(o as DiagnoseRequest), command: 'library', live: o.live === true });
  return result;
}
