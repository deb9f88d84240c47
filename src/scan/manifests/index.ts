// Reads which Clarifai packages (and versions) a project declares: package.json, npm/yarn/pnpm lockfiles, requirements, pyproject, Pipfile and Python lockfiles.
//
// Only Clarifai's own packages are recorded, each with the line it is declared on. The readers are line and regex
// based on purpose: a manifest that a strict parser would refuse (a trailing comma, a merge conflict) still says
// which client the project installs, and findings need line numbers that parsers throw away.
import { Doc } from '../doc.js';
import { emptyFacts } from '../facts.js';
import type { DependencySite } from '../../types/code-evidence.js';

export type ManifestFormat =
  | 'package.json'
  | 'package-lock'
  | 'yarn.lock'
  | 'pnpm-lock'
  | 'requirements'
  | 'pyproject'
  | 'pipfile'
  | 'pipfile.lock'
  | 'toml-lock'
  | 'setup.py';

/** Clarifai's packages on each registry; PyPI names in normalised form (PEP 503). */
export const CLARIFAI_PACKAGES = {
  npm: ['clarifai', 'clarifai-nodejs', 'clarifai-nodejs-grpc', 'clarifai-web-grpc'],
  pypi: ['clarifai', 'clarifai-grpc'],
} as const;

/** Lockfiles and Pipfile carry nothing but dependencies: the scan reads them for that alone. */
const ONLY_MANIFEST = /^(?:pipfile|pipfile\.lock|yarn\.lock|poetry\.lock|uv\.lock|pdm\.lock|package-lock\.json|npm-shrinkwrap\.json|pnpm-lock\.ya?ml)$/u;

export function isManifestOnly(relPath: string): boolean {
  return ONLY_MANIFEST.test(relPath.slice(relPath.lastIndexOf('/') + 1).toLowerCase());
}

export function manifestFormat(relPath: string): ManifestFormat | undefined {
  const name = relPath.slice(relPath.lastIndexOf('/') + 1).toLowerCase();
  if (name === 'package.json') return 'package.json';
  if (name === 'package-lock.json' || name === 'npm-shrinkwrap.json') return 'package-lock';
  if (name === 'yarn.lock') return 'yarn.lock';
  if (/^pnpm-lock\.ya?ml$/u.test(name)) return 'pnpm-lock';
  if (name === 'pyproject.toml') return 'pyproject';
  if (name === 'pipfile') return 'pipfile';
  if (name === 'pipfile.lock') return 'pipfile.lock';
  if (name === 'poetry.lock' || name === 'uv.lock' || name === 'pdm.lock') return 'toml-lock';
  if (name === 'setup.py') return 'setup.py';
  if (/requirements.*\.(?:txt|in)$|^constraints.*\.txt$/u.test(name) || /(?:^|\/)requirements\/[^/]+\.(?:txt|in)$/u.test(relPath.toLowerCase())) {
    return 'requirements';
  }
  return undefined;
}

/** PEP 503: `Clarifai_GRPC` and `clarifai.grpc` are `clarifai-grpc`. */
export function normalisePyName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/gu, '-');
}

const isNpm = (name: string) => (CLARIFAI_PACKAGES.npm as readonly string[]).includes(name);
const isPy = (name: string) => (CLARIFAI_PACKAGES.pypi as readonly string[]).includes(normalisePyName(name));

class Sites {
  readonly out: DependencySite[] = [];
  readonly #doc: Doc;
  constructor(file: string, text: string) {
    this.#doc = new Doc(file, text, 'other', emptyFacts(), true);
  }
  add(index: number, ecosystem: DependencySite['ecosystem'], name: string, spec: string, locked: boolean): void {
    if (this.out.length >= MAX_DEPENDENCIES) return;
    const registryName = ecosystem === 'pypi' ? normalisePyName(name) : name;
    this.out.push({ ...this.#doc.site(index), ecosystem, name: registryName, spec: spec.trim(), locked });
  }
}

/** A manifest line longer than this is data (a hash, a bundled blob), not a dependency anyone declared. */
const MAX_MANIFEST_LINE = 1000;
/** More Clarifai declarations than this in one file is generated noise; the first ones are enough. */
const MAX_DEPENDENCIES = 100;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** package.json: the four dependency maps (JSON.parse decides what is a dependency; a regex finds its line). */
function packageJson(text: string, sites: Sites): void {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return;
  }
  if (typeof json !== 'object' || json === null) return;
  for (const section of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    const deps = (json as Record<string, unknown>)[section];
    if (typeof deps !== 'object' || deps === null) continue;
    for (const [name, spec] of Object.entries(deps as Record<string, unknown>)) {
      if (!isNpm(name) || typeof spec !== 'string') continue;
      const at = new RegExp(`"${escape(name)}"\\s*:\\s*"${escape(spec)}"`, 'u').exec(text);
      sites.add(at?.index ?? 0, 'npm', name, spec, false);
    }
  }
}

/** package-lock.json / npm-shrinkwrap.json: the top-level install of each package (v2/v3 `packages`, v1 `dependencies`). */
function packageLock(text: string, sites: Sites): void {
  let json: { packages?: Record<string, { version?: unknown }>; dependencies?: Record<string, { version?: unknown }> };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    return;
  }
  const seen = new Set<string>();
  for (const name of CLARIFAI_PACKAGES.npm) {
    const entry = json.packages?.[`node_modules/${name}`] ?? json.dependencies?.[name];
    const version = entry?.version;
    if (typeof version !== 'string' || seen.has(name)) continue;
    seen.add(name);
    const at = new RegExp(`"(?:node_modules/)?${escape(name)}"\\s*:\\s*\\{`, 'u').exec(text);
    sites.add(at?.index ?? 0, 'npm', name, version, true);
  }
}

/** yarn.lock, classic and Berry: a `clarifai@…:` block and its `version` line. */
function yarnLock(text: string, sites: Sites): void {
  const header = /^"?(@?[^@\s"]+)@[^\n]*:[ \t]*$/gmu;
  for (const m of text.matchAll(header)) {
    if (!isNpm(m[1]!)) continue;
    const block = text.slice(m.index + m[0].length, m.index + m[0].length + 2000).split(/\n\s*\n/u)[0]!;
    const version = /^\s+version:?\s+"?([^"\s]+)"?/mu.exec(block);
    if (version) sites.add(m.index, 'npm', m[1]!, version[1]!, true);
  }
}

/** pnpm-lock.yaml: package keys `/clarifai@2.9.1:` (v5/v6) and `clarifai@2.9.1:` (v9), read line by line. */
function pnpmLock(text: string, sites: Sites): void {
  const seen = new Set<string>();
  let offset = 0;
  for (const line of text.split('\n')) {
    const at = offset;
    offset += line.length + 1;
    if (line.length > MAX_MANIFEST_LINE || !/^[ \t]/u.test(line) || !line.trimEnd().endsWith(':')) continue;
    const key = line.trim().slice(0, -1).replace(/^['"]|['"]$/gu, '').replace(/^\//u, '');
    const m = /^(@?[^@\s'"/]+(?:\/[^@\s'"/]+)?)@(\d[^:'"(\s]*)/u.exec(key);
    if (!m || !isNpm(m[1]!) || seen.has(`${m[1]}@${m[2]}`)) continue;
    seen.add(`${m[1]}@${m[2]}`);
    sites.add(at + line.length - line.trimStart().length, 'npm', m[1]!, m[2]!, true);
  }
}

/** A PEP 508 requirement at the start of `s`: `clarifai[extra] >=2,<3 ; python_version<"3"`. */
const REQUIREMENT = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*((?:[<>=!~]=?|===)\s*[^;#'"\s,][^;#'"]*?)?\s*(?:;[^#]*)?(?:#.*)?$/u;

/** requirements*.txt / *.in: one requirement per line; options (`-r`, `--hash`), URLs and comments are not requirements. */
function requirements(text: string, sites: Sites): void {
  let offset = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/u, '').replace(/\s--hash=\S+/gu, '').replace(/\s\\$/u, '');
    const m = /^\s*-/u.test(line) ? null : REQUIREMENT.exec(line);
    if (m && isPy(m[1]!)) sites.add(offset + line.indexOf(m[1]!), 'pypi', m[1]!, (m[2] ?? '').replace(/\s+/gu, ''), false);
    offset += raw.length + 1;
  }
}

/**
 * pyproject.toml, Pipfile and setup.py: requirement strings anywhere (`"clarifai>=10"` in PEP 621 lists and
 * install_requires) and TOML tables keyed by package (`clarifai = "^2.6"`, `clarifai = { version = "==2.6.2" }`).
 */
function pythonManifest(text: string, sites: Sites, format: ManifestFormat): void {
  for (const m of text.matchAll(/(['"])(clarifai(?:[-_.]grpc)?)\b([^'"\n]*)\1/giu)) {
    // `name = "clarifai"` is the project's own name, not a dependency.
    if (/\bname\s*=\s*$/u.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    const req = REQUIREMENT.exec(`${m[2]}${m[3]}`);
    if (req && isPy(req[1]!)) sites.add(m.index + 1, 'pypi', req[1]!, (req[2] ?? '').replace(/\s+/gu, ''), false);
  }
  if (format === 'setup.py') return;
  const table = /^[ \t]*(clarifai(?:[-_]grpc)?)[ \t]*=[ \t]*(?:(['"])([^'"\n]*)\2|\{[^}\n]*?\bversion[ \t]*=[ \t]*(['"])([^'"\n]*)\4)/gimu;
  for (const m of text.matchAll(table)) {
    const spec = m[3] ?? m[5] ?? '';
    sites.add(m.index + m[0].length - m[0].trimStart().length, 'pypi', m[1]!, spec === '*' ? '' : spec, false);
  }
}

/** Pipfile.lock: `default` and `develop` entries with their pinned `==version`. */
function pipfileLock(text: string, sites: Sites): void {
  let json: Record<string, Record<string, { version?: unknown }> | undefined>;
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    return;
  }
  for (const section of ['default', 'develop']) {
    for (const [name, entry] of Object.entries(json[section] ?? {})) {
      if (!isPy(name) || typeof entry?.version !== 'string') continue;
      const at = new RegExp(`"${escape(name)}"\\s*:\\s*\\{`, 'u').exec(text);
      sites.add(at?.index ?? 0, 'pypi', name, entry.version.replace(/^==/u, ''), true);
    }
  }
}

/** poetry.lock, uv.lock, pdm.lock: `[[package]]` tables with `name = "clarifai"` then `version = "…"`. */
function tomlLock(text: string, sites: Sites): void {
  for (const m of text.matchAll(/^name[ \t]*=[ \t]*"([^"]+)"[ \t]*\r?\nversion[ \t]*=[ \t]*"([^"]+)"/gmu)) {
    if (isPy(m[1]!)) sites.add(m.index, 'pypi', m[1]!, m[2]!, true);
  }
}

const READERS: Record<ManifestFormat, (text: string, sites: Sites, format: ManifestFormat) => void> = {
  'package.json': packageJson,
  'package-lock': packageLock,
  'yarn.lock': yarnLock,
  'pnpm-lock': pnpmLock,
  requirements,
  pyproject: pythonManifest,
  pipfile: pythonManifest,
  'setup.py': pythonManifest,
  'pipfile.lock': pipfileLock,
  'toml-lock': tomlLock,
};

/** The Clarifai packages `text` (the file `file`) declares; nothing when it does not mention Clarifai. */
export function readManifest(file: string, text: string, format = manifestFormat(file)): DependencySite[] {
  if (!format || !/clarifai/iu.test(text)) return [];
  const sites = new Sites(file, text);
  READERS[format](text, sites, format);
  return sites.out;
}
