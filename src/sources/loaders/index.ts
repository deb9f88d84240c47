// How the app really loads its environment: per entry point, the loaders that run, the files each reads in order, and the values the app sees.
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import type { CodeEvidence, EnvLoaderSite } from '../../types/code-evidence.js';
import type { EntryPoint, EnvEvidence, EnvFile, EnvFileEntry, LoaderEvidence, LoaderFileRead, LoaderRun } from '../../types/evidence.js';
import { visibleChar } from '../../core/visible.js';
import { readEnvFile } from '../dotenv-file.js';
import { readTextFile } from '../read-text-file.js';
import { resolveVariables } from '../resolve.js';
import { frameworkFiles, nodeCodeLoader, parseScript, type Reader } from './node.js';
import { findDotenv, parsePythonDotenv, pythonDotenvValues, pythonText } from './python-dotenv.js';
import { shellValues } from './shell.js';
import { composeEntryPoints } from './compose.js';
import { imageValues, type ImageVariable } from './docker.js';
import { workflowEntryPoints } from './actions.js';
import { clientBundles } from './bundles.js';
import { Secret } from '../../core/secret.js';
import type { EntryValue } from '../../types/evidence.js';
import { CLARIFAI_CREDENTIAL_NAMES, looksLikeSecretName } from '../../providers/clarifai/variables.js';

/** The credential variables the code reads (what it sends, or Clarifai-named secrets it reads); CLARIFAI_PAT when it reads none. */
export function credentialNamesRead(code: CodeEvidence): string[] {
  const names = new Set<string>();
  for (const c of code.credentials ?? []) for (const n of c.envNames) names.add(n);
  for (const r of code.envReads) if (/clarifai/iu.test(r.name) && looksLikeSecretName(r.name)) names.add(r.name);
  return names.size > 0 ? [...names] : [CLARIFAI_CREDENTIAL_NAMES[0]!];
}

function imageValue(name: string, image: Map<string, ImageVariable>): EntryValue {
  const v = image.get(name);
  if (!v) return { name, at: { file: 'Dockerfile' }, from: 'unset', why: 'the Dockerfile does not set it: it reaches the container only through docker run -e / --env-file' };
  if (v.kind === 'arg') return { name, ...(v.value !== undefined ? { value: new Secret(v.value) } : {}), at: { file: v.file, line: v.line }, from: 'arg-only', why: `only a build ARG (${v.file}:${v.line}): build arguments are gone when the container runs` };
  return { name, value: new Secret(v.value ?? ''), at: { file: v.file, line: v.line }, from: 'image', ...(v.fromArg ? { fromArg: v.fromArg } : {}), why: `ENV in ${v.file}:${v.line}, unless docker run -e or --env-file sets it` };
}

/** Text from the scanned folder (snippets, paths) never carries a control character to the terminal. */
export function safeText(text: string): string {
  return text.replace(/\p{Cc}/gu, (c) => visibleChar(c));
}

/** find_dotenv walks to the file system's root; keydoctor follows it this many folders above the project. */
const MAX_PARENTS = 3;
/** Subfolders searched for dotenv files nothing may load (`config/.env`, `backend/.env`). */
const SUBFOLDER_DEPTH = 2;
const NEVER_ENTER = new Set(['node_modules', '.git', '.hg', '.svn', 'venv', '.venv', 'env', '.tox', 'dist', 'build', '__pycache__', '.next', 'site-packages']);

const NODE_LOADERS = new Set<EnvLoaderSite['loader']>(['node-dotenv', 'dotenv-flow', 'node-env-file']);
const PY_LOADERS = new Set<EnvLoaderSite['loader']>(['python-dotenv', 'django-environ', 'python-decouple', 'pydantic-settings']);

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readSmall(path: string): string | undefined {
  const r = readTextFile(path, 1024 * 1024);
  return r.ok ? r.bytes.toString('utf8') : undefined;
}

function isJsFile(file: string): boolean {
  return /\.(?:[cm]?[jt]sx?|vue|svelte)$/u.test(file);
}

function isPyFile(file: string): boolean {
  return /\.py$/u.test(file);
}

function pythonRun(site: EnvLoaderSite, projectDir: string, read: Reader): LoaderRun {
  const abs = join(projectDir, site.file);
  const notebook = site.file.endsWith('.ipynb');
  // A notebook's kernel runs in the notebook's folder; a script is assumed to run from the project folder.
  const cwd = notebook ? dirname(abs) : projectDir;
  const run: LoaderRun = {
    loader: site.loader,
    label: safeText(site.snippet.length > 80 ? `${site.snippet.slice(0, 77)}…` : site.snippet),
    at: { file: site.file, line: site.line },
    reads: [],
    override: site.override === true,
    setsEnvironment: (site.loader === 'python-dotenv' && site.call !== 'dotenv_values') || site.loader === 'django-environ',
    rules: 'python-dotenv',
  };
  if (site.loader === 'django-environ' || site.loader === 'python-decouple' || site.loader === 'pydantic-settings') {
    run.note = `${site.loader} is read with python-dotenv's rules (close, not identical)`;
  }
  if (site.pathExpr !== undefined) {
    run.note = `the path is an expression keydoctor cannot follow (${site.pathExpr})`;
    return run;
  }
  const filename = site.path ?? '.env';
  if (site.search !== undefined && !(site.path && site.path.includes('/'))) {
    // load_dotenv() → find_dotenv(): from the calling file's folder (in a notebook, the working folder) up to the root.
    const start = site.search === 'cwd' || notebook ? cwd : dirname(abs);
    const depth = relative(projectDir, start).split(sep).filter(Boolean).length;
    const names = site.loader === 'python-decouple' ? ['settings.ini', '.env'] : [filename];
    for (const name of names) {
      const found = findDotenv(start, name, depth + MAX_PARENTS);
      if (found.found) {
        const from = relative(projectDir, start) || '.';
        run.reads.push(read(found.found, `${site.loader === 'python-decouple' ? 'python-decouple' : 'find_dotenv()'} searches up from ${from}${site.search === 'cwd' || notebook ? ' (the working folder)' : ` (the folder of ${site.file})`} and finds it first`));
        return run;
      }
    }
    run.reads.push({ ...read(join(start, filename), 'find_dotenv() found no file in this folder or any folder above it'), exists: false });
    return run;
  }
  const base = site.pathBase === 'file' ? dirname(abs) : cwd;
  run.reads.push(read(join(base, filename), site.path !== undefined ? `the path given to ${site.call}` : `${site.loader} reads .env next to ${site.file}`));
  return run;
}

function shellRun(site: EnvLoaderSite, projectDir: string, read: Reader): LoaderRun {
  const base = site.pathBase === 'file' ? dirname(join(projectDir, site.file)) : projectDir;
  const run: LoaderRun = {
    loader: 'shell',
    label: safeText(site.snippet),
    at: { file: site.file, line: site.line },
    reads: [],
    // A sourced assignment replaces whatever the shell had.
    override: true,
    setsEnvironment: true,
    rules: 'shell',
    ...(site.exported ? {} : { note: 'without set -a, only lines written `export NAME=…` reach the programs the script starts' }),
  };
  if (site.pathExpr !== undefined) run.note = `the path is an expression keydoctor cannot follow (${site.pathExpr})`;
  else run.reads.push(read(join(base, site.path ?? '.env'), site.pathBase === 'file' ? `sourced from the script's folder` : 'sourced from the folder the script runs in'));
  return run;
}

interface PackageJson {
  scripts?: Record<string, string>;
  main?: string;
  type?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function readPackageJson(projectDir: string): PackageJson | undefined {
  const text = readSmall(join(projectDir, 'package.json'));
  if (text === undefined) return undefined;
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null ? (v as PackageJson) : undefined;
  } catch {
    return undefined;
  }
}

/** Vite's `envDir` when vite.config sets it to a literal. */
function viteEnvDir(projectDir: string): string | undefined {
  for (const name of ['vite.config.ts', 'vite.config.js', 'vite.config.mjs', 'vite.config.mts']) {
    const text = readSmall(join(projectDir, name));
    const m = text && /\benvDir\s*:\s*(['"`])([^'"`\n]+)\1/u.exec(text);
    if (m) return m[2];
  }
  return undefined;
}

/** Tools that load .env files themselves when the app is started through them. */
function toolRuns(projectDir: string, read: Reader, code: CodeEvidence): LoaderRun[] {
  const out: LoaderRun[] = [];
  const run = (loader: string, label: string, file: string, files: string[], why: string): void => {
    out.push({ loader, label, at: { file }, reads: files.map((f) => read(join(projectDir, f), why)), override: false, setsEnvironment: true, rules: 'node-dotenv' });
  };
  if (isFile(join(projectDir, 'Pipfile'))) run('pipenv', 'pipenv run / pipenv shell', 'Pipfile', ['.env'], 'pipenv loads .env when it starts the app');
  if (isFile(join(projectDir, 'Procfile'))) run('heroku local', 'heroku local / foreman', 'Procfile', ['.env'], 'heroku local loads .env');
  const envrc = readSmall(join(projectDir, '.envrc'));
  if (envrc !== undefined) {
    for (const m of envrc.matchAll(/^[ \t]*(?:dotenv|dotenv_if_exists)(?:[ \t]+(\S+))?/gmu)) {
      run('direnv', m[0].trim(), '.envrc', [m[1] ?? '.env'], 'direnv loads it when you enter the folder');
    }
  }
  // `flask run` loads .env and .flaskenv when python-dotenv is installed.
  const req = readSmall(join(projectDir, 'requirements.txt')) ?? '';
  const flask = /^flask\b/imu.test(req) && /python-dotenv/iu.test(req);
  if (flask && code.imports) run('flask run', 'flask run (with python-dotenv installed)', 'requirements.txt', ['.flaskenv', '.env'], 'flask run loads .flaskenv and .env');
  return out;
}

/** The loader model for a project folder, from what the scan found. */
export function modelLoaders(projectDir: string, code: CodeEvidence, nodeEnv?: string, shell: Record<string, string> = {}): LoaderEvidence {
  const read: Reader = (path, why) => ({ path, display: safeText(relative(projectDir, path) || basename(path)), exists: isFile(path), why: safeText(why) });
  const sites = code.envLoaders ?? [];
  const entryPoints: EntryPoint[] = [];
  const uncertain: string[] = [];

  // Node: every package.json script that starts the app, each with the command line's loaders, then those in code.
  const jsFiles = new Set([...code.envReads, ...(code.credentials ?? [])].map((s) => s.file).filter(isJsFile));
  const nodeSites = sites.filter((s) => NODE_LOADERS.has(s.loader));
  const pkg = readPackageJson(projectDir);
  if (pkg || jsFiles.size > 0 || nodeSites.length > 0) {
    const codeRuns = nodeSites.map((s) => nodeCodeLoader(s, projectDir, projectDir, nodeEnv, read));
    const scripts = Object.entries(pkg?.scripts ?? {}).filter(([, v]) => typeof v === 'string').map(([k, v]) => parseScript(k, v, projectDir, read, nodeEnv));
    const apps = scripts.filter((s) => !s.tooling);
    const envDir = viteEnvDir(projectDir);
    for (const s of apps) {
      const fw = s.framework ? frameworkFiles(s.framework.tool, s.framework.verb, projectDir, envDir) : undefined;
      const chain = [...s.chain];
      if (s.framework && fw) {
        chain.push({
          loader: s.framework.tool,
          label: `${s.framework.tool} ${s.framework.verb}`.trim(),
          at: { file: 'package.json', script: s.name },
          reads: fw.files.map((f) => read(join(fw.dir, f), `${s.framework!.tool} loads it in ${fw.mode} mode`)),
          override: false,
          setsEnvironment: true,
          rules: 'node-dotenv',
        });
      }
      chain.push(...codeRuns);
      entryPoints.push({
        name: s.name === 'start' ? 'npm start' : `npm run ${s.name}`,
        runtime: 'node',
        cwd: '.',
        chain,
        ...(s.framework && fw ? { framework: { tool: s.framework.tool, mode: fw.mode, publicPrefix: fw.publicPrefix } } : {}),
      });
    }
    if (apps.length === 0) {
      const main = pkg?.main ?? [...jsFiles][0] ?? nodeSites[0]?.file ?? 'index.js';
      entryPoints.push({ name: `node ${main}`, runtime: 'node', cwd: '.', chain: codeRuns });
    }
  }

  // Python: the files that read the environment (or call a loader); notebooks separately (their kernel's folder differs).
  const pySites = sites.filter((s) => PY_LOADERS.has(s.loader));
  const pyFiles = new Set([...code.envReads, ...(code.credentials ?? [])].map((s) => s.file).filter(isPyFile));
  for (const s of pySites) if (isPyFile(s.file)) pyFiles.add(s.file);
  if (pyFiles.size > 0) {
    const chain = pySites.filter((s) => isPyFile(s.file)).map((s) => pythonRun(s, projectDir, read));
    const main = [...pyFiles].find((f) => (code.credentials ?? []).some((c) => c.file === f)) ?? [...pyFiles][0]!;
    entryPoints.push({ name: `python ${main}`, runtime: 'python', cwd: '.', chain });
  }
  const notebooks = new Set([...code.envReads, ...(code.credentials ?? []), ...sites].map((s) => s.file).filter((f) => f.endsWith('.ipynb')));
  for (const nb of notebooks) {
    entryPoints.push({
      name: nb,
      runtime: 'notebook',
      cwd: dirname(nb),
      chain: sites.filter((s) => s.file === nb && PY_LOADERS.has(s.loader)).map((s) => pythonRun(s, projectDir, read)),
    });
  }
  // Shell scripts that source a dotenv file.
  for (const file of new Set(sites.filter((s) => s.loader === 'shell').map((s) => s.file))) {
    entryPoints.push({ name: file, runtime: 'shell', cwd: '.', chain: sites.filter((s) => s.file === file && s.loader === 'shell').map((s) => shellRun(s, projectDir, read)) });
  }
  // Containers and CI: compose services, the root Dockerfile's image, GitHub Actions steps, with the values each sees.
  const names = credentialNamesRead(code);
  const built = new Set<string>();
  entryPoints.push(...composeEntryPoints(projectDir, names, shell, read, built));
  if (isFile(join(projectDir, 'Dockerfile')) && !built.has(join(projectDir, 'Dockerfile'))) {
    const image = imageValues(join(projectDir, 'Dockerfile'), projectDir);
    if (image) entryPoints.push({ name: 'docker run (the image Dockerfile builds)', runtime: 'container', cwd: '.', chain: [], values: names.map((n) => imageValue(n, image)) });
  }
  entryPoints.push(...workflowEntryPoints(projectDir, names));
  const tools = toolRuns(projectDir, read, code);
  if (tools.length) entryPoints.push({ name: 'tools that load .env themselves', runtime: pyFiles.size > 0 ? 'python' : 'node', cwd: '.', chain: tools });
  for (const e of entryPoints) for (const r of e.chain) if (r.note) r.note = safeText(r.note);
  // Service, job and step names and env keys come from the scanned folder's YAML: never a control character to the terminal.
  for (const e of entryPoints) {
    e.name = safeText(e.name);
    for (const r of e.chain) r.label = safeText(r.label);
    for (const v of e.values ?? []) {
      v.why = safeText(v.why);
      v.name = safeText(v.name);
      if (v.secret) v.secret = safeText(v.secret);
    }
  }
  for (const e of entryPoints) for (const r of e.chain) if (r.note?.startsWith('the path is an expression')) uncertain.push(`${r.at?.file ?? e.name}${r.at?.line ? `:${r.at.line}` : ''}: ${r.note}`);
  const bundles = clientBundles(projectDir, [...jsFiles]);
  return { entryPoints, unloaded: [], uncertain, ...(bundles.length ? { bundles } : {}) };
}

/** Dotenv files up to two folders below the project (not in dependencies or virtualenvs). */
function subfolderEnvFiles(projectDir: string): string[] {
  const out: string[] = [];
  const visit = (dir: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (depth < SUBFOLDER_DEPTH && !NEVER_ENTER.has(e.name) && !e.name.startsWith('.')) visit(p, depth + 1);
      } else if (depth > 0 && e.isFile() && /^\.env(?:\.local|\.development|\.production)?$/u.test(e.name)) out.push(p);
    }
  };
  visit(projectDir, 0);
  return out.sort();
}

/** What a file looks like through python-dotenv: its values (a BOM stays in the first name) and located entries. */
function asPython(file: EnvFile, bytes: Buffer, environ: Record<string, string>): Pick<EnvFile, 'parsed' | 'entries'> | { unreadable: string } {
  const read = pythonText(bytes);
  if (!read.ok) return { unreadable: read.reason };
  const values = pythonDotenvValues(read.text, { environ });
  const parsed: Record<string, string> = {};
  for (const [k, v] of values) if (v !== null) parsed[k] = v;
  const entries: EnvFileEntry[] = [];
  for (const b of parsePythonDotenv(read.text)) {
    if (b.key === null || b.value === null) continue;
    const raw = file.lines[b.line - 1] ?? '';
    const column = Math.max(1, raw.indexOf(b.key) + 1);
    const eq = raw.indexOf('=', column - 1 + b.key.length);
    entries.push({ name: b.key, value: values.get(b.key) ?? b.value, line: b.line, column, valueColumn: eq === -1 ? raw.length + 1 : eq + 2, endLine: b.line, raw });
  }
  return { parsed, entries };
}

/** What reaches the app when a shell script sources the file: exported values, CR and all. */
function asShell(file: EnvFile, bytes: Buffer, allexport: boolean, vars: Record<string, string>): Pick<EnvFile, 'parsed' | 'entries'> {
  const values = shellValues(bytes.toString('utf8'), { allexport, vars });
  const parsed: Record<string, string> = {};
  const entries: EnvFileEntry[] = [];
  for (const [name, a] of values) {
    if (a.value === undefined || !a.exported) continue;
    parsed[name] = a.value;
    const raw = file.lines[a.line - 1] ?? '';
    const column = Math.max(1, raw.indexOf(name) + 1);
    entries.push({ name, value: a.value, line: a.line, column, valueColumn: column + name.length + 1, endLine: a.line, raw });
  }
  return { parsed, entries };
}

/** The project's language(s) for fixes: where the credential is read. */
function projectLanguage(loaders: LoaderEvidence): Set<EntryPoint['runtime']> {
  return new Set(loaders.entryPoints.filter((e) => e.name !== 'tools that load .env themselves').map((e) => e.runtime));
}

/** The exact line(s) that would load `display` for each runtime the project has. */
export function loadLineFor(display: string, loaders: LoaderEvidence, code: CodeEvidence | undefined, pkg: PackageJson | undefined): string {
  const runtimes = projectLanguage(loaders);
  const parts: string[] = [];
  const credentialFile = (test: (f: string) => boolean) =>
    (code?.credentials ?? []).find((c) => test(c.file))?.file ?? (code?.envReads ?? []).find((r) => test(r.file))?.file;
  const sub = display !== '.env';
  if (runtimes.has('python')) {
    const file = credentialFile(isPyFile) ?? 'your main module';
    const folder = dirname(file) === '.' ? '' : dirname(file);
    const rel = relative(folder || '.', display).split(sep).join('/');
    const call = !sub && !display.startsWith('..') ? 'load_dotenv()' : `load_dotenv(Path(__file__).resolve().parent / "${rel}")`;
    const hasDep = /python-dotenv/iu.test(readSafe(code, 'requirements.txt') + readSafe(code, 'pyproject.toml'));
    parts.push(
      `add \`from dotenv import load_dotenv\`${call.includes('Path') ? ' and `from pathlib import Path`' : ''} and \`${call}\` at the top of ${file}, before the Clarifai client is created${hasDep ? '' : ' (pip install python-dotenv)'}`,
    );
  }
  if (runtimes.has('notebook')) {
    const nb = [...new Set((code?.envReads ?? []).map((r) => r.file).filter((f) => f.endsWith('.ipynb')))][0] ?? 'the notebook';
    parts.push(`run \`%load_ext dotenv\` and \`%dotenv${sub ? ` ${display}` : ''}\` in the first cell of ${nb} (or \`from dotenv import load_dotenv; load_dotenv(${sub ? `"${display}"` : ''})\`)`);
  }
  if (runtimes.has('node')) {
    const file = credentialFile(isJsFile) ?? pkg?.main ?? 'your entry file';
    const esm = pkg?.type === 'module' || /\.m[jt]s$/u.test(file) || extname(file) === '.ts';
    const hasDep = Boolean(pkg?.dependencies?.dotenv ?? pkg?.devDependencies?.dotenv);
    const line = esm
      ? sub
        ? `import dotenv from 'dotenv'; dotenv.config({ path: '${display}' });`
        : `import 'dotenv/config';`
      : `require('dotenv').config(${sub ? `{ path: '${display}' }` : ''});`;
    parts.push(`add \`${line}\` as the first line of ${file}${hasDep ? '' : ' (npm install dotenv)'}, or start it with \`node --env-file=${display} ${file}\` (Node 20.6+)`);
  }
  if (runtimes.has('shell') && parts.length === 0) parts.push(`add \`set -a; . ./${display}; set +a\` before the command in the script`);
  if (parts.length === 0) return `Load ${display} from the app (dotenv, python-dotenv), or export its variables before starting it.`;
  const text = parts.join('; or ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function readSafe(code: CodeEvidence | undefined, name: string): string {
  if (!code) return '';
  return readSmall(join(code.root, name)) ?? '';
}

/**
 * Applies the loader model to the env evidence: files are loaded when a loader of an entry point reads them,
 * with that loader's parse rules; a file nothing loads is marked so (when the model can tell), with the line
 * that would load it; an `override` loader's file beats the shell.
 */
export function applyLoaders(env: EnvEvidence, loaders: LoaderEvidence, code?: CodeEvidence): EnvEvidence {
  const runs = loaders.entryPoints.flatMap((e) => e.chain.map((r) => ({ entry: e, run: r })));
  const readers = new Map<string, { entry: EntryPoint; run: LoaderRun }[]>();
  for (const x of runs) for (const f of x.run.reads) if (f.exists) readers.set(f.path, [...(readers.get(f.path) ?? []), x]);
  const pkg = readPackageJson(env.projectDir);
  const files: EnvFile[] = env.files.map((f) => ({ ...f }));
  // A decision needs entry points and no loader keydoctor cannot follow; otherwise the files keep dotenv's assumption.
  const decisive = loaders.entryPoints.length > 0 && loaders.uncertain.length === 0;
  for (const path of [...readers.keys(), ...(decisive ? subfolderEnvFiles(env.projectDir) : [])]) {
    if (files.some((f) => f.path === path)) continue;
    const display = relative(env.projectDir, path);
    files.push(readEnvFile(path, display, { loaded: false, reason: 'not loaded', priority: Number.MAX_SAFE_INTEGER }));
  }
  const order = new Map<string, number>();
  let n = 0;
  for (const x of runs) for (const f of x.run.reads) if (f.exists && !order.has(f.path)) order.set(f.path, n++);
  const unloaded: LoaderEvidence['unloaded'] = [];
  const out = files.map((f) => {
    if (f.reason === 'passed with --env-file') return f;
    const by = readers.get(f.path);
    if (by && by.length > 0) {
      const first = by[0]!;
      const why = first.run.reads.find((r) => r.path === f.path)?.why ?? '';
      const next: EnvFile = { ...f, loaded: true, reason: `loaded by ${first.run.label} (${first.entry.name}): ${why}`, priority: 1000 + order.get(f.path)! };
      const bytes = readTextFile(f.path);
      if (!f.unreadable && bytes.ok) {
        if (first.run.rules === 'python-dotenv') {
          const py = asPython(f, bytes.bytes, env.shell);
          if ('unreadable' in py) return { ...next, unreadable: py.unreadable };
          return { ...next, ...py };
        }
        if (first.run.rules === 'shell') return { ...next, ...asShell(f, bytes.bytes, !first.run.note?.startsWith('without set -a'), env.shell) };
      }
      return next;
    }
    const assumed = f.loaded || f.reason === 'not loaded' || f.reason.includes('not from parent folders');
    if (!decisive || !assumed || f.unreadable) return f;
    const reason = nothingLoadsReason(f, loaders);
    const existing = runs.find((x) => x.run.at?.line !== undefined && x.run.reads.length > 0);
    const runtimes = projectLanguage(loaders);
    const sends = runtimes.has('python') || runtimes.has('notebook') ? 'None' : runtimes.has('node') ? 'undefined' : undefined;
    unloaded.push({
      path: f.path,
      display: f.display,
      kind: runs.some((x) => x.run.reads.length > 0) ? 'elsewhere' : 'none',
      reason,
      fix: existing ? pointAt(existing.run, f, env.projectDir) : loadLineFor(f.display, loaders, code, pkg),
      ...(sends ? { sends } : {}),
    });
    return { ...f, loaded: false, reason: `not loaded: ${unloaded[unloaded.length - 1]!.kind === 'none' ? `nothing loads it: ${reason}` : reason}` };
  });
  loaders.unloaded = unloaded;
  const variables = resolveVariables(env.shell, out);
  // An override loader (load_dotenv(override=True), config({ override: true }), a sourced file) beats the shell.
  const overriding = new Map<string, LoaderRun>();
  for (const x of runs) if (x.run.override) for (const f of x.run.reads) if (!overriding.has(f.path)) overriding.set(f.path, x.run);
  for (const v of variables.values()) {
    const won = v.winner && v.winner.location.source !== 'shell' ? out.find((f) => f.display === v.winner!.location.source) : undefined;
    if (won && won.reason.startsWith('loaded by ')) v.why = `${v.why} (${won.reason})`;
    const shellDef = v.definitions.find((d) => d.location.source === 'shell');
    const fileDef = v.definitions.find((d) => d.location.source !== 'shell' && overriding.has(out.find((f) => f.display === d.location.source)?.path ?? ''));
    if (shellDef && fileDef) {
      const run = overriding.get(out.find((f) => f.display === fileDef.location.source)!.path)!;
      v.winner = fileDef;
      v.why = `${fileDef.location.source} wins: ${run.label} replaces a value the shell already has`;
    }
  }
  return { ...env, files: out, variables };
}

/** The loader call that already runs, changed to read `file`. */
function pointAt(run: LoaderRun, file: EnvFile, projectDir: string): string {
  const where = run.at ? `${run.at.file}${run.at.line ? `:${run.at.line}` : ''}` : 'the app';
  const fromCaller = run.at ? relative(dirname(join(projectDir, run.at.file)), file.path).split(sep).join('/') : file.display;
  let line: string;
  if (run.rules === 'python-dotenv') line = `load_dotenv(Path(__file__).resolve().parent / "${fromCaller}")`;
  else if (run.rules === 'shell') line = `set -a; . ./${file.display}; set +a`;
  else if (run.loader === 'node --env-file') line = `--env-file=${file.display}`;
  else if (run.label.includes('import') && !run.label.includes('require')) line = `import dotenv from 'dotenv'; dotenv.config({ path: '${file.display}' })`;
  else line = `require('dotenv').config({ path: '${file.display}' })`;
  return `Point the loader at it: change \`${run.label.trim()}\` (${where}) to \`${line}\`${run.rules === 'python-dotenv' ? ' (with `from pathlib import Path`)' : ''}, or move the file to where the loader looks.`;
}

function nothingLoadsReason(f: EnvFile, loaders: LoaderEvidence): string {
  const runtimes = projectLanguage(loaders);
  const reads = loaders.entryPoints.flatMap((e) => e.chain.flatMap((r) => r.reads.map((x) => ({ r, x }))));
  const elsewhere = reads.find((p) => p.x.exists);
  const missing = reads.find((p) => !p.x.exists);
  if (missing) {
    const folder = dirname(f.display);
    return `${missing.r.label} looks for ${missing.x.display}, which does not exist (${missing.x.why})${folder !== '.' && !folder.startsWith('..') ? `, and never looks in ${folder}/` : ''}`;
  }
  if (elsewhere) return `the app's loaders read ${[...new Set(reads.filter((p) => p.x.exists).map((p) => p.x.display))].join(', ')}, not ${f.display}`;
  const what: string[] = [];
  if (runtimes.has('python')) what.push('the Python code never calls load_dotenv()');
  if (runtimes.has('notebook')) what.push('the notebook never runs %dotenv or load_dotenv()');
  if (runtimes.has('node')) what.push('the Node code never loads dotenv, and no package.json script runs node --env-file or -r dotenv/config');
  if (runtimes.has('shell')) what.push('no script sources it');
  return what.join('; ') || 'no loader found';
}

/** Adds the loader evidence to env evidence gathered for `code`'s project (the hook the engine's env gathering calls). */
export function withLoaders(env: EnvEvidence, code: CodeEvidence): { env: EnvEvidence; loaders: LoaderEvidence } {
  const loaders = modelLoaders(env.projectDir, code, env.shell.NODE_ENV, env.shell);
  return { env: applyLoaders(env, loaders, code), loaders };
}
