// Finds the dotenv files a project has, and which of them dotenv / dotenv-flow would actually load.
import { readdirSync, type Dirent } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

export interface EnvFileCandidate {
  path: string;
  display: string;
  loaded: boolean;
  reason: string;
  priority: number;
}

/** Names that look like an env file but that no loader reads by default. */
const ENV_LIKE = /^\.?env(?:[ .\-_].*|\s*)$|^dotenv$|^\.env$/iu;
/** `env.ts`, `.env.d.ts`, `env.py`, `env.json`: code and config that merely share the name, not dotenv files. */
const NOT_DOTENV = /\.(?:[cm]?[jt]sx?|py|rb|go|rs|java|kt|php|json|ya?ml|toml|md|lock|nix|fish|ps1|bat|cmd)$/iu;

function isEnvLike(entry: Dirent): boolean {
  // A folder named `env` or `.env` is usually a Python virtualenv, not a dotenv file.
  return !entry.isDirectory() && ENV_LIKE.test(entry.name) && !NOT_DOTENV.test(entry.name);
}

/**
 * The dotenv-flow family in priority order (first one wins without override):
 * `.env.<NODE_ENV>.local`, `.env.local` (skipped when NODE_ENV=test), `.env.<NODE_ENV>`, `.env`.
 */
export function loadedFamily(nodeEnv: string | undefined): { name: string; reason: string }[] {
  const family: { name: string; reason: string }[] = [];
  if (nodeEnv) family.push({ name: `.env.${nodeEnv}.local`, reason: `dotenv-flow loads it when NODE_ENV=${nodeEnv}` });
  if (nodeEnv !== 'test') family.push({ name: '.env.local', reason: 'dotenv-flow loads it (except when NODE_ENV=test)' });
  if (nodeEnv) family.push({ name: `.env.${nodeEnv}`, reason: `dotenv-flow loads it when NODE_ENV=${nodeEnv}` });
  family.push({ name: '.env', reason: 'the file dotenv loads by default' });
  return family;
}

function listDir(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** Extensions that mean "a copy of .env" rather than an environment name (Notepad saves `.env` as `.env.txt`). */
const COPY_SUFFIX = /^(?:txt|bak|backup|old|orig|save|saved|copy|tmp|swp|new|prev)$/iu;

function whyNotLoaded(name: string, nodeEnv: string | undefined): string {
  if (name !== name.trimEnd()) return `not loaded: the name "${name}" has trailing whitespace, so it is not ".env"`;
  const lower = name.toLowerCase();
  if (/\.(example|sample|template|dist|defaults?)$/u.test(lower)) return 'not loaded: an example file; copy it to .env';
  if (name === '.env.local') return 'not loaded: dotenv-flow skips .env.local when NODE_ENV=test';
  const m = /^\.env\.([^.]+)(\.local)?$/u.exec(name);
  if (m && COPY_SUFFIX.test(m[1]!) && !m[2]) return `not loaded: dotenv reads ".env", not "${name}" (saved with an extra extension?)`;
  if (m) {
    return `not loaded: dotenv-flow loads ${name} only when NODE_ENV=${m[1]} (NODE_ENV is ${nodeEnv ? nodeEnv : 'not set'})`;
  }
  if (lower === '.env' && name !== '.env') return `not loaded: "${name}" differs from ".env" in case (case-sensitive file systems)`;
  if (!name.startsWith('.')) return `not loaded: "${name}" is not ".env" (missing the leading dot?)`;
  return `not loaded: dotenv reads ".env", not "${name}"`;
}

export function discoverEnvFiles(
  projectDir: string,
  nodeEnv: string | undefined,
  extraFiles: readonly string[],
  cwd: string,
): EnvFileCandidate[] {
  const out: EnvFileCandidate[] = [];
  const seen = new Set<string>();
  const add = (c: EnvFileCandidate) => {
    if (!seen.has(c.path)) {
      seen.add(c.path);
      out.push(c);
    }
  };
  let priority = 0;
  for (const file of extraFiles) {
    const path = resolve(cwd, file);
    add({ path, display: relative(projectDir, path) || basename(path), loaded: true, reason: 'passed with --env-file', priority: priority++ });
  }
  const entries = listDir(projectDir);
  const names = entries.map((e) => e.name);
  for (const { name, reason } of loadedFamily(nodeEnv)) {
    if (names.includes(name)) add({ path: join(projectDir, name), display: name, loaded: true, reason, priority: priority++ });
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (!isEnvLike(entry) || seen.has(join(projectDir, entry.name))) continue;
    add({ path: join(projectDir, entry.name), display: entry.name, loaded: false, reason: whyNotLoaded(entry.name, nodeEnv), priority: Number.MAX_SAFE_INTEGER });
  }
  // A .env in a parent folder is a common "why is it not picked up": dotenv reads the working folder only.
  let dir = projectDir;
  for (let depth = 0; depth < 3; depth++) {
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
    if (listDir(dir).some((e) => e.name === '.env' && !e.isDirectory())) {
      const path = join(dir, '.env');
      add({
        path,
        display: relative(projectDir, path),
        loaded: false,
        reason: 'not loaded: dotenv reads .env from the working folder only, not from parent folders',
        priority: Number.MAX_SAFE_INTEGER,
      });
    }
  }
  return out;
}
