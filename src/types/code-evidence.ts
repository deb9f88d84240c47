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
}
