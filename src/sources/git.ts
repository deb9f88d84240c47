// Asks git (when present) whether files are tracked or ignored; absent git means "unknown", never a guess.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { openGit, type GitSession } from './safe-git.js';

export interface GitFacts {
  repo: boolean;
  tracked(path: string): boolean | undefined;
  ignored(path: string): boolean | undefined;
}

function git(session: GitSession | undefined, args: string[], input?: string): string | undefined {
  const r = session?.sync(args, input === undefined ? {} : { input });
  // `git check-ignore` exits 1 when nothing is ignored; its stdout is still the answer.
  return r && (r.status === 0 || r.status === 1) ? r.stdout : undefined;
}

const UNKNOWN: GitFacts = { repo: false, tracked: () => undefined, ignored: () => undefined };

/**
 * Whether a `.git` (folder, or the file a worktree or submodule has) sits in the folder or above it. git finds its
 * repository the same way (safe-git drops `GIT_DIR`, and bare repositories are never entered implicitly), so with none
 * there is no repository, and keydoctor skips starting git at all: each start costs tens of milliseconds.
 */
export function dotGitAbove(dir: string): boolean {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return true;
    if (dirname(d) === d) return false;
  }
}

export function gitFacts(projectDir: string, paths: readonly string[]): GitFacts {
  // The project folder's place inside the work tree (`sub/dir/`), or undefined outside a repository.
  // One session: the repository's config is read once for the three calls.
  if (!dotGitAbove(projectDir)) return UNKNOWN;
  // With no file to ask about, the only question is whether this is a repository, and the `.git` answers it.
  if (paths.length === 0) return { ...UNKNOWN, repo: true };
  const session = openGit(projectDir);
  const prefix = git(session, ['rev-parse', '--show-prefix']);
  if (prefix === undefined) return UNKNOWN;
  const depth = prefix.trim().split('/').filter(Boolean).length;
  const toGit = (p: string) => relative(projectDir, p).split(sep).join('/');
  // A `../.env` above the work tree is outside git's reach (and would make git fail for every path).
  const inside = (rel: string) => rel.split('/').filter((s) => s === '..').length <= depth;
  const rel = paths.map(toGit).filter(inside);
  const tracked = new Set<string>();
  const ignored = new Set<string>();
  if (rel.length > 0) {
    // --literal-pathspecs: a file named `*.env` or `:x` is a name, not a pattern.
    const ls = git(session, ['--literal-pathspecs', 'ls-files', '-z', '--', ...rel]);
    if (ls === undefined) return { ...UNKNOWN, repo: true };
    // ls-files prints paths relative to the working folder, like the arguments.
    for (const f of ls.split('\0')) if (f) tracked.add(f);
    const ci = git(session, ['check-ignore', '--no-index', '-z', '--stdin'], rel.map((r) => `${r}\0`).join(''));
    if (ci === undefined) return { ...UNKNOWN, repo: true };
    for (const f of ci.split('\0')) if (f) ignored.add(f);
  }
  const known = new Set(rel);
  return {
    repo: true,
    tracked: (p) => (known.has(toGit(p)) ? tracked.has(toGit(p)) : undefined),
    ignored: (p) => (known.has(toGit(p)) ? ignored.has(toGit(p)) : undefined),
  };
}
