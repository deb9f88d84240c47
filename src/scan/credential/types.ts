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

export interface FileCredentialFacts {
  file: string;
  language: 'js' | 'python' | 'shell' | 'markdown';
  bindings: RawBinding[];
  imports: RawImport[];
  sinks: RawSink[];
  logs: RawLog[];
  documented: DocumentedName[];
  runtime?: { runtime: 'browser' | 'server'; reason: string };
}

export function emptyCredentialFacts(file: string, language: FileCredentialFacts['language']): FileCredentialFacts {
  return { file, language, bindings: [], imports: [], sinks: [], logs: [], documented: [] };
}
