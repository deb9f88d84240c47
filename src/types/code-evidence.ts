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
  /** JavaScript and Python files: where the name is written, for `keydoctor fix` (src/scan/fix-sites.ts). */
  written?: WrittenAt & { name: [number, number] };
}

/** A fact located in the file's bytes for `keydoctor fix`: the sha256 (hex) of the file as scanned, and UTF-8 byte offsets. */
export interface WrittenAt {
  sha256: string;
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
  /** Shell: variables written inside single quotes (`-H 'Authorization: Key $CLARIFAI_PAT'`), sent as literal text. */
  unexpanded?: string[];
  /** The host the request goes to, when the scan can tell (the same call, object literal, a client's base URL). */
  host?: string;
  /**
   * Set when the request goes to another API service (src/providers/others.ts: OpenAI, Anthropic, Hugging Face …), by its
   * host, or by the key's or variable's name. Such headers are kept out of `authHeaders` (in `otherServiceHeaders`): no
   * Clarifai rule judges them.
   */
  service?: string;
  /**
   * JavaScript and Python files: where the value is written, for `keydoctor fix`. `value` is the byte offset of the
   * expression; `literal`, when it opens with a string, the offset just inside the opening quote and the scheme part
   * written there (blanks and a scheme word, never the key).
   */
  written?: WrittenAt & { value: number; literal?: { at: number; head: string } };
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
  /**
   * The other API service (src/providers/others.ts) the evidence says the key belongs to: the name it is bound to
   * (`GIPHY_API_KEY`, `twilio_auth_token`, `AZURE_OPENAI_KEY`) or a URL of that service on the same line.
   */
  service?: string;
}

export interface ImportSite extends CodeSite {
  module: string;
}

/** A Clarifai package a manifest or lockfile declares: `"clarifai": "^2.9.1"`, `clarifai==2.6.2`, a locked `2.9.1`. */
export interface DependencySite extends CodeSite {
  ecosystem: 'npm' | 'pypi';
  /** The package name as the registry spells it (`clarifai`, `clarifai-nodejs`, `clarifai-grpc`). */
  name: string;
  /** The version or range as written (`^2.9.1`, `>=2,<3`); empty when the manifest gives none. */
  spec: string;
  /** From a lockfile: `spec` is the exact version installed. */
  locked: boolean;
}

/** Code that dates the Clarifai client it uses: the npm `clarifai` 2.x client, the Python `clarifai` 2.x REST client, or the 1.x v1 client. */
export interface ClientSite extends CodeSite {
  client: 'js-clarifai-2' | 'py-clarifai-2' | 'py-clarifai-1';
  /**
   * `import` of the client, its `constructor` with an API key (or none), a constructor given an app id and secret
   * (`app-secret`), or a public model reached through the client (`public-model`: `Clarifai.GENERAL_MODEL`,
   * `app.public_models.general_model`).
   */
  form: 'import' | 'constructor' | 'app-secret' | 'public-model';
  /** For `public-model`: the constant or attribute as written (`Clarifai.FACE_DETECT_MODEL`). */
  model?: string;
  /**
   * For `app-secret` found outside a constructor: the code sets the secret itself, either the variable the 2.x clients
   * read (`os.environ['CLARIFAI_APP_SECRET'] = …`: `env`) or a constant holding a 40-character secret (`CLIENT_SECRET =
   * '…'`: `literal`); `name` as written.
   */
  secret?: { how: 'env' | 'literal'; name: string };
}

/** A user, app or model id the code sets (`USER_ID = 'clarifai'`, `model_id=MODEL_ID`, `setAppId(process.env.APP_ID)`). */
export interface IdSite extends CodeSite {
  role: 'user' | 'app' | 'model';
  /** The name as written: `USER_ID`, `user_id`, `modelId`, `setModelId`. */
  name: string;
  /** The string literal it is set to, when it is one. */
  literal?: string;
  /** Otherwise the expression (`USER_ID`, `config.userId`); env reads are in `env`. */
  expr?: string;
  /** The environment variable it is read from. */
  env?: string;
  /** Inside what names a request's owner: `user_app_id`, `UserAppIDSet`, `authConfig`, `Model(…)`. */
  owner: boolean;
}

/** A key-shaped literal found on a line a past commit added (see `keydoctor scan --history`). */
export interface HistoryKey extends KeyLiteral {
  /** Short sha and date (YYYY-MM-DD) of the oldest commit that added it at this path. */
  commit: string;
  date: string;
  /** How many commits added this value at this path. */
  commits: number;
}

/** What reading git history found. */
export interface HistoryEvidence {
  commitsRead: number;
  keys: HistoryKey[];
  /** The clone is shallow: commits before its horizon were not read. */
  shallow: boolean;
  /** Why the read stopped early or left things out, in words; absent when it read everything. */
  incomplete?: string;
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

/**
 * A call or command that loads a dotenv-style file: `require('dotenv').config({ path })`, `import 'dotenv/config'`,
 * `load_dotenv(find_dotenv())`, `%dotenv`, `. ./.env`, `environ.Env.read_env()`, `env_file=".env"`.
 */
export interface EnvLoaderSite extends CodeSite {
  loader: 'node-dotenv' | 'dotenv-flow' | 'node-env-file' | 'python-dotenv' | 'django-environ' | 'python-decouple' | 'pydantic-settings' | 'shell';
  /**
   * `config` (dotenv.config / dotenv-flow config), `import` (`dotenv/config`), `loadEnvFile` (process.loadEnvFile),
   * `load_dotenv`, `dotenv_values`, `magic` (`%dotenv`), `read_env`, `decouple`, `env_file`, `source` (`.`/`source`),
   * `export-cat` (`export $(cat .env | xargs)`).
   */
  call: string;
  /** The file argument when the scan can tell it (a literal, possibly joined to the file's folder), as written: `config/.env`. */
  path?: string;
  /** What `path` is relative to: the working folder (default) or the calling file's folder (`__dirname`, `Path(__file__).parent`). */
  pathBase?: 'cwd' | 'file';
  /** The file argument when it is an expression the scan cannot follow (masked). */
  pathExpr?: string;
  /** python-dotenv `find_dotenv(...)`: searches upward; `usecwd=True` starts from the working folder. */
  search?: 'file' | 'cwd';
  override?: boolean;
  /** Shell: `set -a` / `set -o allexport` is in effect, so plain `NAME=value` lines are exported. */
  exported?: boolean;
}

/** Whether a JS file runs in the browser or on a server, and why the scan thinks so. */
export interface FileRuntime {
  file: string;
  runtime: 'browser' | 'server';
  reason: string;
}

/** A value a request sends, as far as the file shows: a literal, an env variable, or an expression it cannot follow. */
export type RequestValue = { literal: string } | { env: string } | { expr: string };

/** The client that sends a request: an HTTP library, a Clarifai gRPC stub, a ts-proto message, or the Python SDK. */
export type RequestClient = 'fetch' | 'axios' | 'requests' | 'httpx' | 'grpc-python' | 'grpc-node' | 'ts-proto' | 'clarifai-python-sdk';

/**
 * One outgoing request the code makes (src/scan/requests), read with the language's real grammar: REST calls, gRPC stub
 * calls and request messages, and the Python SDK's clients. The site is the call (or the request message when no stub
 * call is seen). Fields are absent when the code does not set them; `bodyFields` is absent when the body is unknown.
 */
export interface RequestSite extends CodeSite {
  client: RequestClient;
  /** HTTP method (REST). */
  method?: string;
  /** Host and path when the URL resolves (`api.clarifai.com`, `/v2/models/general-image-recognition/outputs`); unknown parts as `{…}`. */
  host?: string;
  path?: string;
  /** The RPC a gRPC call names (`PostModelOutputs`), or the request message it builds (`PostModelOutputsRequest`). */
  rpc?: string;
  requestType?: string;
  /** Python SDK: the class (`Model`, `Workflow`, `User`, `App`, `Inputs`) and the `url=` it is given, if any. */
  sdkClass?: string;
  sdkUrl?: RequestValue;
  /** The owner the body or message names (`user_app_id`); SDK: `user_id`/`app_id` arguments. Absent: not set. */
  userAppId?: { user?: RequestValue; app?: RequestValue };
  modelId?: RequestValue;
  versionId?: RequestValue;
  /** Top-level fields of the JSON body or request message, as written (`model_id`, `modelId`). */
  bodyFields?: string[];
  /**
   * The credential sent: `env`/`variable` with the names it was followed through (kind judged from them), `literal` (a
   * string in code; never stored), `sdk-default` (the SDK reads CLARIFAI_PAT itself), `none` seen, or `unknown`.
   */
  credential: { from: 'env' | 'variable' | 'literal' | 'sdk-default' | 'none' | 'unknown'; names: string[] };
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
  /** Clarifai packages declared in package.json, requirements, pyproject, Pipfile and their lockfiles. */
  dependencies?: DependencySite[];
  /** Uses of the legacy Clarifai clients. */
  clientSites?: ClientSite[];
  /** User, app and model ids set in code (what a request names as the owner of a model). */
  idSites?: IdSite[];
  /** Set by `scan --history`: keys on lines that past commits added. */
  history?: HistoryEvidence;
  /** Credentials the code sends, traced to their origin (src/scan/credential). Optional: absent means not traced. */
  credentials?: CredentialUse[];
  /** Credentials the code prints or logs. */
  credentialLogs?: CredentialLog[];
  /** Variables the project's docs tell users to set. */
  documentedNames?: DocumentedName[];
  /** JS files whose runtime (browser or server) the scan could tell. */
  runtimes?: FileRuntime[];
  /** Calls and commands that load dotenv files (src/scan/extractors/env-loaders.ts). Optional: absent means not looked for. */
  envLoaders?: EnvLoaderSite[];
  /** One record per outgoing request (src/scan/requests). Optional: absent means not looked for. */
  requests?: RequestSite[];
  /** Auth headers sent to other API services (each with `service`), not judged by Clarifai's rules. */
  otherServiceHeaders?: AuthHeaderSite[];
}
