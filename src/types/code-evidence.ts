// Facts read from the project's source code by the scan: env reads, Authorization values, URLs, key literals.
import type { Secret } from '../core/secret.js';

/** Where a fact was found; line and column are 1-based; `snippet` is the code with any key masked. */
export interface CodeSite {
  file: string;
  line: number;
  column: number;
  snippet: string;
}

export type SourceLanguage = 'js' | 'python' | 'notebook' | 'shell' | 'markdown' | 'dockerfile' | 'yaml' | 'other';

/** `process.env.X`, `os.getenv('X')`, `$X`, `${X}` … */
export interface EnvRead extends CodeSite {
  name: string;
  language: SourceLanguage;
}

/**
 * An auth header or gRPC metadata entry the code builds. `value` is a template of the value with
 * expressions written `${expr}` (`Key ${process.env.CLARIFAI_PAT}`), literals kept, secrets masked.
 */
export interface AuthHeaderSite extends CodeSite {
  /** The header / metadata key exactly as written (`Authorization`, `authorization`, `X-Api-Key`). */
  name: string;
  value: string;
  transport: 'http' | 'grpc-metadata';
  /** Env variables the value is built from, when the scan can tell. */
  envNames: string[];
  /** The URL the header is sent to, when the scan can tell. */
  url?: string;
}

/** A Clarifai URL or API path in code, a curl command, a config file. */
export interface UrlSite extends CodeSite {
  url: string;
  /** HTTP method when known (curl -X, fetch({method}), axios.post, requests.get …). */
  method?: string;
  kind: 'rest' | 'grpc-base';
}

/** A string literal that could be a Clarifai key, with the name it is assigned to. */
export interface KeyLiteral extends CodeSite {
  value: Secret;
  /** The variable / property / argument name it is bound to, if any. */
  boundTo?: string;
  /** Whether Clarifai is mentioned near it (import, URL, identifier). */
  clarifaiContext: boolean;
}

export interface ImportSite extends CodeSite {
  module: string;
}

export interface SkippedFile {
  file: string;
  reason: string;
}

/** How a credential leaves the code: a header, gRPC metadata, an SDK argument, or an SDK reading the environment itself. */
export type CredentialSink = 'http-header' | 'grpc-metadata' | 'sdk-argument' | 'sdk-default';

/** Where the value a credential sink sends comes from, followed through bindings, imports and exports. */
export type CredentialOrigin =
  /** Read from the environment, under any of these names (`process.env.A || process.env.B`). */
  | { kind: 'env'; names: string[] }
  /** A string literal in code (`PAT = '…'`, or `os.environ['CLARIFAI_PAT'] = '…'` before the SDK reads it). */
  | { kind: 'literal'; value: Secret }
  /** A secrets store that is not the environment (Streamlit `st.secrets`, Colab `userdata`). */
  | { kind: 'store'; store: string }
  /** A function parameter, a call result, anything the scan cannot follow; `expression` is masked. */
  | { kind: 'unknown'; expression: string };

/** A credential the code sends, traced back to where its value comes from. */
export interface CredentialUse extends CodeSite {
  sink: CredentialSink;
  /** In words: `Authorization header`, `Model(pat=…)`, `new Clarifai.App({ apiKey })`, `Model(…) with no pat`. */
  via: string;
  /** The expression sent, as written at the sink (keys masked); empty for `sdk-default`. */
  expression: string;
  origin: CredentialOrigin;
  /** Env names the value is read from (origin env, or the names an SDK reads itself); empty otherwise. */
  envNames: string[];
  /** The places followed from the sink to the origin (assignments, imports, exports), in order. */
  trace: CodeSite[];
  /** The SDK that reads the environment itself (`sdk-default`): `clarifai (Python SDK)`, `clarifai-nodejs`. */
  sdk?: string;
  /** Set when the call runs in a browser: why the scan thinks so (`imports react`, `'use client'`). */
  browser?: string;
}

/** A credential printed or logged (`print(pat)`, `console.log(PAT)`, `logger.info(f"…{pat}")`). */
export interface CredentialLog extends CodeSite {
  /** `print`, `console.log`, `logger.info` … */
  via: string;
  /** The expression printed (masked). */
  expression: string;
  /** Env names it was read from, when known. */
  envNames: string[];
}

/** A variable a README, a docs page or an example env file tells users to set (`export CLARIFAI_PAT=…`). */
export interface DocumentedName extends CodeSite {
  name: string;
}

/** Whether a JS file runs in the browser or on a server, and why the scan thinks so. */
export interface FileRuntime {
  file: string;
  runtime: 'browser' | 'server';
  reason: string;
}

export interface CodeEvidence {
  root: string;
  filesScanned: number;
  bytesScanned: number;
  skipped: SkippedFile[];
  envReads: EnvRead[];
  authHeaders: AuthHeaderSite[];
  urls: UrlSite[];
  keyLiterals: KeyLiteral[];
  imports: ImportSite[];
  /** `keydoctor-ignore` comments: file → set of suppressed lines (the comment's line and the next). */
  suppressions: { file: string; line: number; reason: string; ids: string[] }[];
  /**
   * Files that name the resource owner in code (`user_app_id`, `UserAppIDSet`, `userAppId`): a PAT request from
   * them may carry user and app in its body. Optional: when the scan does not fill it, checks treat it as unknown.
   */
  userAppIdFiles?: string[];
  /** Credentials the code sends, traced to their origin (src/scan/credential). Optional: absent means not traced. */
  credentials?: CredentialUse[];
  /** Credentials the code prints or logs. */
  credentialLogs?: CredentialLog[];
  /** Variables the project's docs tell users to set. */
  documentedNames?: DocumentedName[];
  /** JS files whose runtime (browser or server) the scan could tell. */
  runtimes?: FileRuntime[];
}
