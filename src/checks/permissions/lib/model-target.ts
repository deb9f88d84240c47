// Which model a request in code reaches and which owner (user/app) it names, from URL paths and from user_app_id / model_id values, resolved within the file.
import {
  findPublicModelByDisplayName,
  findPublicModelById,
  findPublicModelByLegacyId,
  PUBLIC_MODELS_APP_ID,
  PUBLIC_MODELS_USER_ID,
  type PublicModel,
} from '../../../providers/clarifai/public-models.js';
import { envNamesIn } from '../../../scan/expression.js';
import type { CodeEvidence, IdSite, UrlSite } from '../../../types/code-evidence.js';
import type { CodeUrl } from '../../endpoint/lib/code-url.js';
import { judgeableRestPaths } from '../../endpoint/lib/routes.js';

/** What an id in code is set to, as far as the file shows: a literal, an env variable, or nothing known. */
export interface Resolved {
  literal?: string;
  env?: string;
  /** How the code writes it, for messages: `USER_ID ('me')`, `process.env.CLARIFAI_USER_ID`, `'clarifai'`. */
  shown: string;
}

/** Placeholders people leave in copied snippets: not an owner anyone set. */
const PLACEHOLDER = /^(?:your|my)?[_-]?(?:user|app|model)[_-]?id(?:[_-]here)?$|^your[_-]|_here$|^x{3,}$|^<.*>$|^\{.*\}$/iu;

export function isPlaceholderId(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

const MAX_DEPTH = 4;

/** The value an assignment in `file` gives `name` (`USER_ID = 'me'`), following `A = B` chains a few steps. */
function resolveName(code: CodeEvidence, file: string, name: string, depth: number): Resolved | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const assignment = (code.idSites ?? []).filter((s) => s.file === file && s.name === name && !s.owner).at(-1);
  if (!assignment) return undefined;
  const inner = resolveWritten(code, assignment, depth + 1);
  return inner && { ...inner, shown: inner.literal !== undefined ? `${name} ('${inner.literal}')` : `${name} (${inner.shown})` };
}

function resolveWritten(code: CodeEvidence, site: Pick<IdSite, 'file' | 'literal' | 'env' | 'expr'>, depth = 0): Resolved | undefined {
  if (site.literal !== undefined) return { literal: site.literal, shown: `'${site.literal}'` };
  if (site.env !== undefined) return { env: site.env, shown: `env ${site.env}` };
  if (site.expr !== undefined) return resolveName(code, site.file, site.expr, depth);
  return undefined;
}

/** What an id site is set to, resolved in its file. */
export function resolveSite(code: CodeEvidence, site: IdSite): Resolved | undefined {
  return resolveWritten(code, site);
}

/** One path segment as the code writes it: literal text, or one `${expr}` hole. */
function resolveSegment(code: CodeEvidence, file: string, segment: string): Resolved | undefined {
  const hole = /^\$\{([^{}]+)\}$/u.exec(segment);
  if (!hole) return segment.includes('${') || segment === '' ? undefined : { literal: decodeSegment(segment), shown: segment };
  const expr = hole[1]!.trim();
  const env = envNamesIn(expr, true);
  if (env.length > 0) return { env: env[0]!, shown: `env ${env[0]}` };
  return /^[A-Za-z_$][\w$.]*$/u.test(expr) ? resolveName(code, file, expr, 0) : undefined;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A model the code calls by URL path: `/v2/users/{u}/apps/{a}/models/{m}/…` or the short `/v2/models/{m}/…`. */
export interface ModelPath {
  site: UrlSite;
  url: CodeUrl;
  /** The owner named in the path; absent on the short path. */
  user?: Resolved;
  app?: Resolved;
  /** The user segment as written, even when it cannot be resolved. */
  userWritten?: string;
  model: Resolved;
  /** The model segment as written. */
  modelWritten: string;
  /** The part after the model id (`/outputs`, `/versions/…/outputs`). */
  rest: string;
}

const modelPathsOf = new WeakMap<CodeEvidence, ModelPath[]>();

/** Model segments that are routes, not ids (`/v2/models/searches`, `/v2/models/types`). */
const NOT_A_MODEL = new Set(['searches', 'types', 'status', 'versions']);

export function modelPaths(code: CodeEvidence): ModelPath[] {
  let out = modelPathsOf.get(code);
  if (out) return out;
  out = [];
  for (const { site, url } of judgeableRestPaths(code)) {
    const segments = url.shownPath.split('/');
    let user: string | undefined;
    let app: string | undefined;
    let at: number;
    if (segments[1] === 'v2' && segments[2] === 'users' && segments[4] === 'apps' && segments[6] === 'models') {
      user = segments[3]!;
      app = segments[5]!;
      at = 7;
    } else if (segments[1] === 'v2' && segments[2] === 'models') at = 3;
    else continue;
    const modelWritten = segments[at];
    if (modelWritten === undefined || modelWritten === '' || NOT_A_MODEL.has(modelWritten)) continue;
    const model = resolveSegment(code, site.file, modelWritten);
    if (!model) continue;
    const resolvedUser = user !== undefined ? resolveSegment(code, site.file, user) : undefined;
    const resolvedApp = app !== undefined ? resolveSegment(code, site.file, app) : undefined;
    out.push({
      site,
      url,
      ...(resolvedUser ? { user: resolvedUser } : {}),
      ...(resolvedApp ? { app: resolvedApp } : {}),
      ...(user !== undefined ? { userWritten: user } : {}),
      model,
      modelWritten,
      rest: segments.slice(at + 1).join('/'),
    });
  }
  modelPathsOf.set(code, out);
  return out;
}

/** A model of clarifai/main, by its current id or a v2-era hex id; undefined for anything else. */
export function publicModelOf(id: string | undefined): { model: PublicModel; legacy: boolean } | undefined {
  if (id === undefined) return undefined;
  const current = findPublicModelById(id);
  if (current) return { model: current, legacy: false };
  const legacy = /^[0-9a-f]{32}$/iu.test(id) ? findPublicModelByLegacyId(id) : undefined;
  return legacy ? { model: legacy, legacy: true } : undefined;
}

/**
 * A display name or old API name (`General`, `general-v1.3`) that is not itself a current id: what people put where
 * a model id belongs.
 */
export function modelNamedNotById(value: string | undefined): PublicModel | undefined {
  if (value === undefined || findPublicModelById(value) || /^[0-9a-f]{32}$/iu.test(value)) return undefined;
  return findPublicModelByDisplayName(value);
}

/** The path to call a public model with; `{model_id}` when no source names its current id (a hex id would be masked as a key). */
export function publicModelPath(model: PublicModel, rest = 'outputs'): string {
  const id = model.id ?? '{model_id}';
  return `/v2/users/${PUBLIC_MODELS_USER_ID}/apps/${PUBLIC_MODELS_APP_ID}/models/${id}${rest ? `/${rest}` : ''}`;
}

export function isPublicOwner(user: Resolved | undefined): boolean {
  return user?.literal === PUBLIC_MODELS_USER_ID;
}

/** Per file: the user ids written where a request names its owner (`user_app_id`, `UserAppIDSet`, `authConfig`, `Model(…)`). */
export interface FileOwners {
  file: string;
  users: { site: IdSite; resolved: Resolved | undefined }[];
  models: { site: IdSite; resolved: Resolved | undefined }[];
}

const ownersOf = new WeakMap<CodeEvidence, Map<string, FileOwners>>();

export function ownersByFile(code: CodeEvidence): Map<string, FileOwners> {
  let out = ownersOf.get(code);
  if (out) return out;
  out = new Map();
  for (const site of code.idSites ?? []) {
    if (site.role === 'app') continue;
    // Assignments of the kind `USER_ID = 'me'` are values to resolve; a model id counts wherever it is set.
    if (site.role === 'user' && !site.owner) continue;
    let entry = out.get(site.file);
    if (!entry) out.set(site.file, (entry = { file: site.file, users: [], models: [] }));
    const resolved = resolveSite(code, site);
    (site.role === 'user' ? entry.users : entry.models).push({ site, resolved });
  }
  ownersOf.set(code, out);
  return out;
}
