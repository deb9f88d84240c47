// Flags code (or a manifest) that uses Clarifai's legacy clients — the npm `clarifai` 2.x package, the Python `clarifai` 2.x REST client or its 1.x v1 client — and says what fails today and how to migrate.
import { findPublicModelByJsConstant, PUBLIC_MODELS, type PublicModel } from '../../providers/clarifai/public-models.js';
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { ClientSite, CodeEvidence, DependencySite } from '../../types/code-evidence.js';
import type { Finding, Severity } from '../../types/diagnostic.js';
import { siteLocation, where, scrubFinding } from './lib/site.js';

const meta: CheckMeta = {
  id: 'endpoint/legacy-client',
  category: 'endpoint',
  severity: 'warning',
  title: 'Legacy Clarifai client (npm clarifai 2.x, Python clarifai 2.x)',
  description:
    'The npm `clarifai` package (last release 2.9.1, 2019) and the Python `clarifai` 2.x REST client (`ClarifaiApp`) were ' +
    'built for app API keys on the short /v2 paths. Clarifai deprecated them, and since API 9.3 (2023) an app key cannot ' +
    "reach Clarifai's public models in clarifai/main — which is what their model constants (`Clarifai.GENERAL_MODEL`, " +
    '`app.public_models.general_model`) call. The current clients are `clarifai-nodejs` and the Python `clarifai` SDK ' +
    '(10 and later), used with a Personal Access Token and the owner\'s user and app ids.',
};

type Client = ClientSite['client'];

const CLIENT_NAME: Record<Client, string> = {
  'js-clarifai-2': 'legacy `clarifai` npm client',
  'py-clarifai-2': 'legacy Python `clarifai` client (`clarifai.rest`)',
  'py-clarifai-1': 'legacy Python `clarifai` v1 client (`ClarifaiApi`)',
};

/** What a declared `clarifai` PyPI version installs: the 2.x REST client, a later SDK, or cannot tell. */
export function pythonClientEra(spec: string, locked: boolean): 'legacy' | 'current' | 'unknown' {
  const major = (v: string) => Number.parseInt(v.replace(/^[^\d]*/u, ''), 10);
  if (locked) return Number.isNaN(major(spec)) ? 'unknown' : major(spec) < 3 ? 'legacy' : 'current';
  // No constraint: pip installs the newest release, which is not the 2.x client.
  if (spec.trim() === '' || spec.trim() === '*') return 'current';
  let era: 'legacy' | 'current' | 'unknown' = 'unknown';
  for (const clause of spec.split(',').map((c) => c.trim()).filter(Boolean)) {
    const m = /^(===|==|~=|\^|~|<=|<|>=|>|!=)?\s*v?(\d+)(?:\.(\d+))?/u.exec(clause);
    if (!m) continue;
    const op = m[1] ?? '==';
    const v = Number(m[2]);
    const minor = Number(m[3] ?? 0);
    if (['===', '==', '~=', '^', '~'].includes(op)) return v < 3 ? 'legacy' : 'current';
    if ((op === '<' && (v < 3 || (v === 3 && minor === 0))) || (op === '<=' && v < 3)) era = 'legacy';
    if ((op === '>=' || op === '>') && v >= 3) return 'current';
  }
  return era;
}

/** The declaration that says which version is installed: a lockfile first, then the manifest. */
export function clarifaiDependency(code: CodeEvidence, ecosystem: DependencySite['ecosystem']): DependencySite | undefined {
  const deps = (code.dependencies ?? []).filter((d) => d.ecosystem === ecosystem && d.name === 'clarifai');
  return deps.find((d) => d.locked) ?? deps[0];
}

export function versionText(dep: DependencySite | undefined): string {
  if (!dep) return ' (2.x)';
  return dep.locked ? ` ${dep.spec} (${where(dep)})` : dep.spec ? ` ${dep.spec} (${where(dep)})` : ` (${where(dep)}, no version pinned)`;
}

export function publicModelOfSite(site: ClientSite): PublicModel | undefined {
  if (!site.model) return undefined;
  if (site.model.startsWith('Clarifai.')) return findPublicModelByJsConstant(site.model);
  const attribute = site.model.replace(/^public_models\./u, '');
  return PUBLIC_MODELS.find((m) => m.pythonAttributes.includes(attribute));
}

/** The migration, in the file's language; `model` is the public model the code calls, if any. */
export function migration(client: Client, model?: PublicModel): string {
  // A model whose current id no source names gets a placeholder (its hex id would be masked as a key anyway).
  const id = model ? (model.id ?? 'MODEL_ID') : undefined;
  const url = id ? `https://clarifai.com/clarifai/main/models/${id}` : 'https://clarifai.com/USER_ID/APP_ID/models/MODEL_ID';
  const rest = `or call REST \`POST /v2/users/${id ? 'clarifai/apps/main' : 'USER_ID/apps/APP_ID'}/models/${id ?? 'MODEL_ID'}/outputs\` with \`Authorization: Key <PAT>\``;
  const pat = 'Create a Personal Access Token at https://clarifai.com/me/settings/secrets and store it as CLARIFAI_PAT';
  if (client === 'js-clarifai-2') {
    return `${pat}, then \`npm uninstall clarifai && npm install clarifai-nodejs\` and use \`new Model({ url: '${url}', authConfig: { pat: process.env.CLARIFAI_PAT } })\` (${rest}); keep the PAT on a server, never in browser code.`;
  }
  return `${pat}, then \`pip install -U "clarifai>=10"\` and use \`Model(url="${url}", pat=os.environ["CLARIFAI_PAT"])\` from \`clarifai.client.model\` (${rest}).`;
}

const LEGACY_PY: ReadonlySet<string> = new Set(['legacy', 'unknown']);

function fileFinding(code: CodeEvidence, file: string, sites: ClientSite[]): Finding {
  const primary = sites.find((s) => s.form === 'constructor') ?? sites.find((s) => s.form === 'public-model') ?? sites[0]!;
  const client = primary.client;
  const dep = clarifaiDependency(code, client === 'js-clarifai-2' ? 'npm' : 'pypi');
  const era = client === 'js-clarifai-2' || !dep ? 'legacy' : pythonClientEra(dep.spec, dep.locked);
  const publicSites = sites.filter((s) => s.form === 'public-model');
  const models = [...new Set(publicSites.map((s) => s.model!))];
  const model = publicSites.map(publicModelOfSite).find((m) => m !== undefined);
  let why: string;
  let severity: Severity = 'warning';
  if (client !== 'js-clarifai-2' && dep && !LEGACY_PY.has(era)) {
    severity = 'error';
    why = `, but ${where(dep)} installs clarifai ${dep.spec || '(latest)'}, a later SDK without that client, so the code fails before it reaches Clarifai`;
  } else if (client === 'py-clarifai-1') {
    severity = 'error';
    why = ", which calls API v1; Clarifai's API has only /v2 routes";
  } else if (models.length > 0) {
    severity = 'error';
    why = ` to call Clarifai's public model${models.length > 1 ? 's' : ''} ${models.join(', ')}: it sends an app API key to /v2/models/{id}/outputs, and since API 9.3 (2023) an app key cannot reach clarifai/main`;
  } else {
    why = ', which Clarifai deprecated; it was built for app API keys on the short /v2 paths, and calls outside the key\'s app (such as public models) fail since API 9.3';
  }
  const shown = client === 'js-clarifai-2' || era === 'legacy' ? versionText(dep) : '';
  return finding(meta, {
    severity,
    message: `${where(primary)} uses the ${CLIENT_NAME[client]}${shown}${why}.`,
    fix: migration(client, model),
    location: siteLocation(primary),
    ...(dep ? { related: [siteLocation(dep)] } : {}),
  });
}

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const code = evidence.code;
    const out: Finding[] = [];
    const byFile = new Map<string, ClientSite[]>();
    for (const s of code.clientSites ?? []) {
      const list = byFile.get(s.file);
      if (list) list.push(s);
      else byFile.set(s.file, [s]);
    }
    const seen = new Set<DependencySite['ecosystem']>();
    for (const [file, sites] of byFile) {
      // An app id/secret constructor is endpoint/legacy-app-secret's finding (an error), not a second one here.
      if (sites.some((s) => s.form === 'app-secret')) {
        seen.add(sites[0]!.client === 'js-clarifai-2' ? 'npm' : 'pypi');
        continue;
      }
      out.push(fileFinding(code, file, sites));
      seen.add(sites[0]!.client === 'js-clarifai-2' ? 'npm' : 'pypi');
    }
    // A manifest that installs a legacy client nobody's code was seen using: one note per ecosystem.
    for (const ecosystem of ['npm', 'pypi'] as const) {
      if (seen.has(ecosystem)) continue;
      const deps = (code.dependencies ?? []).filter((d) => d.ecosystem === ecosystem && d.name === 'clarifai');
      const dep = deps.find((d) => !d.locked) ?? deps[0];
      if (!dep) continue;
      const locked = clarifaiDependency(code, ecosystem)!;
      if (ecosystem === 'pypi' && pythonClientEra(locked.spec, locked.locked) !== 'legacy') continue;
      const client: Client = ecosystem === 'npm' ? 'js-clarifai-2' : 'py-clarifai-2';
      out.push(
        finding(meta, {
          message: `${where(dep)} installs the ${CLIENT_NAME[client]}${versionText(locked)}, which Clarifai deprecated; its calls to Clarifai's public models fail with an app key since API 9.3.`,
          fix: migration(client),
          location: siteLocation(dep),
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
