// The problem registry: one id per thing that can be wrong, whichever evidence showed it, with the old ids it replaces.
import type { Category, Severity } from '../types/diagnostic.js';
import { allChecks } from './index.js';
import { PASTED_PROBLEMS } from './pasted/problems.js';

const PASTED_CHECK_ID = 'pasted/pasted-error';

export interface Problem {
  /** `category/name`; the finding id, the docs page `docs/checks/<id>.md` and the SARIF rule id. */
  id: string;
  category: Category;
  severity: Severity;
  title: string;
  description: string;
  /** Ids this problem was reported under before (still accepted in keydoctor-ignore comments and baselines). */
  aliases: string[];
  /** `keydoctor fix` can apply a mechanical fix for it (the finding carries `autofix`). */
  fixable?: true;
}

/** Problems whose checks attach an `autofix` (src/fix/edits.ts computes them; test/fix proves each one). */
export const FIXABLE_PROBLEMS: ReadonlySet<string> = new Set([
  'key/whitespace',
  'key/invisible-character',
  'key/wrapping-quotes',
  'key/scheme-prefix',
  'env/bom-first-name',
  'env/sourced-crlf',
  'env/near-miss-name',
  'exposure/env-file-committed',
  'env/code-near-miss',
  'headers/scheme-format',
  'headers/missing-scheme',
  'headers/bearer-on-core-api',
]);

/**
 * Problems several checks report, one per kind of evidence. Each such check names the problem in its meta
 * (`problem`), and its own id becomes an alias.
 */
const SHARED_PROBLEMS: (Omit<Problem, 'aliases'> & { aliases?: string[] })[] = [
  {
    id: 'permissions/app-key-on-pat-route',
    aliases: ['permissions/pat-only-endpoint'],
    category: 'permissions',
    severity: 'error',
    title: 'App key on a PAT-only route',
    description:
      'The call is one Clarifai authorizes only with a Personal Access Token (user- and organisation-level routes, listing apps, creating keys): an app-specific key is rejected there, however valid it is.',
  },
  {
    id: 'permissions/missing-scopes',
    aliases: ['permissions/insufficient-scopes'],
    category: 'permissions',
    severity: 'error',
    title: 'The key lacks a scope the call needs',
    description: 'The key is valid but was created without a scope the call needs (for example Predict for PostModelOutputs); Clarifai refuses the call with 11007/11010-style permission errors.',
  },
  {
    id: 'permissions/pat-without-app',
    category: 'permissions',
    severity: 'error',
    title: 'A PAT without the user and app it acts on',
    description:
      'A Personal Access Token is not tied to an app: every app-level call must name the owner (user_app_id in the body, or /v2/users/{user_id}/apps/{app_id}/… in the path), or Clarifai cannot tell which app the call is for.',
  },
  {
    id: 'permissions/app-key-other-app',
    category: 'permissions',
    severity: 'error',
    title: "An app key used on another app's resources",
    description: "An app-specific key only works for its own app; the call names another user's or app's resources.",
  },
  {
    id: 'permissions/app-key-public-model',
    category: 'permissions',
    severity: 'error',
    title: "An app key on Clarifai's public models",
    description:
      "Clarifai's public models live in the `clarifai` user's apps (`clarifai/main` and others); an app-specific key only reaches its own app, so calls to public models need a Personal Access Token.",
  },
  {
    id: 'limits/throttled',
    category: 'limits',
    severity: 'warning',
    title: 'Requests are throttled',
    description: 'Clarifai answered 11005 CONN_THROTTLED or HTTP 429: the account sent more requests per second than its rate limit. Not a bad key.',
  },
  {
    id: 'endpoint/unreachable',
    category: 'endpoint',
    severity: 'error',
    title: 'The API cannot be reached',
    description: 'The request never got an answer: DNS, a refused or reset connection, or a timeout. Not a key problem: the key was never judged.',
  },
  {
    id: 'endpoint/tls',
    category: 'endpoint',
    severity: 'error',
    title: 'TLS failed',
    description: "The TLS handshake with the API failed (an intercepting proxy's certificate, a wrong host, an old trust store): the key was never judged.",
  },
];

function build(): Problem[] {
  const byId = new Map<string, Problem>();
  const add = (p: Omit<Problem, 'aliases'> & { aliases?: string[] }) => {
    const existing = byId.get(p.id);
    if (existing) {
      for (const a of p.aliases ?? []) if (!existing.aliases.includes(a)) existing.aliases.push(a);
      return;
    }
    byId.set(p.id, { ...p, aliases: [...(p.aliases ?? [])], ...(FIXABLE_PROBLEMS.has(p.id) ? { fixable: true as const } : {}) });
  };
  for (const p of SHARED_PROBLEMS) add(p);
  for (const p of PASTED_PROBLEMS) add(p);
  for (const { meta } of allChecks) {
    // The pasted-text check reports many registered problems, none of its own.
    if (meta.id === PASTED_CHECK_ID) continue;
    if (meta.problem) {
      if (!byId.has(meta.problem)) throw new Error(`${meta.id} reports ${meta.problem}, which is not registered`);
      add({ ...byId.get(meta.problem)!, aliases: [meta.id] });
    } else {
      add({ id: meta.id, category: meta.category, severity: meta.severity, title: meta.title, description: meta.description });
    }
  }
  add({
    id: 'internal/check-crashed',
    category: 'key',
    severity: 'error',
    title: 'A check crashed',
    description: 'One of keydoctor\'s checks threw instead of judging the evidence; the category it belongs to was not fully checked. This is a bug in keydoctor.',
  });
  return [...byId.values()];
}

export const PROBLEMS: readonly Problem[] = build();

const byAnyId = new Map<string, Problem>();
for (const p of PROBLEMS) {
  byAnyId.set(p.id, p);
  for (const a of p.aliases) if (!byAnyId.has(a)) byAnyId.set(a, p);
}

/** The problem an id (current or old) names. */
export function problemFor(id: string): Problem | undefined {
  return byAnyId.get(id);
}

/** The current id for an id written in an ignore comment or a baseline (old ids map to their problem). */
export function canonicalId(id: string): string {
  return byAnyId.get(id)?.id ?? id;
}
