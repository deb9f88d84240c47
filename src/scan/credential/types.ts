// The raw, per-file facts the credential tracer records on a worker thread, before files are linked to each other.
import type { CredentialSink, DocumentedName } from '../../types/code-evidence.js';

export interface RawSite {
  line: number;
  column: number;
  snippet: string;
}

/**
 * `name = expr` as written. Names: `PAT`, `self.pat`, `this.apiKey`, `Settings.pat` (a class attribute),
 * `env:CLARIFAI_PAT` (the code sets an environment variable), `export:NAME` / `export default` /
 * `module.exports` / `module.exports.NAME` (what a JS module exports). `expr` may hold a literal key: it never
 * leaves the scan (CodeEvidence gets masked expressions and Secrets only).
 */
export interface RawBinding extends RawSite {
  name: string;
  expr: string;
  /** JS: exported; Python: module level (what `from m import X` can reach). */
  exported: boolean;
}

/** `import { a as b } from './m'` → local b, imported a; `import * as m` / `require('./m')` / `import m` → imported `*`. */
export interface RawImport {
  local: string;
  module: string;
  imported: string;
}

export interface RawSink extends RawSite {
  sink: CredentialSink;
  via: string;
  /** The expression sent; absent for `sdk-default`. */
  expr?: string;
  /** `sdk-default`: the variables the SDK reads itself, the first one being the one to set. */
  sdkEnv?: string[];
  sdk?: string;
}

export interface RawLog extends RawSite {
  via: string;
  /** Plain operands printed: identifiers and member chains, env reads (no calls, no slices). */
  operands: string[];
}

/** A function (a class's constructor / `__init__` under the class's name) and its parameters, with defaults as written. */
export interface RawFunction {
  name: string;
  /** In order; `self`/`cls` dropped; `*args` and destructured parameters have an empty name. */
  params: { name: string; default?: string }[];
  /** 1-based lines of the whole definition. */
  start: number;
  end: number;
}

/** A call to a function this file defines: arguments as written. */
export interface RawCall extends RawSite {
  callee: string;
  args: string[];
  keywords: Record<string, string>;
}

export interface FileCredentialFacts {
  file: string;
  language: 'js' | 'python' | 'shell' | 'markdown';
  bindings: RawBinding[];
  imports: RawImport[];
  sinks: RawSink[];
  logs: RawLog[];
  documented: DocumentedName[];
  /** Read from the syntax tree in files that send a credential (src/scan/credential/functions.ts): absent elsewhere. */
  functions?: RawFunction[];
  calls?: RawCall[];
  runtime?: { runtime: 'browser' | 'server'; reason: string };
}

export function emptyCredentialFacts(file: string, language: FileCredentialFacts['language']): FileCredentialFacts {
  return { file, language, bindings: [], imports: [], sinks: [], logs: [], documented: [] };
}
