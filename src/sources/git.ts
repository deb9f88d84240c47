// Asks git (when present) whether files are tracked or ignored; absent git means "unknown", never a guess.
import { execFileSync } from 'node:child_process';
import { relative } from 'node:path';

export interface GitFacts {
  repo: boolean;
  tracked(path: string): boolean | undefined;
  ignored(path: string): boolean | undefined;
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 });
  } catch (error) {
    // `git check-ignore` exits 1 when nothing is ignored; its stdout is still the answer.
    const out = (error as { stdout?: string; status?: number }).stdout;
    return (error as { status?: number }).status === 1 && typeof out === 'string' ? out : undefined;
  }
}

export function gitFacts(projectDir: string, paths: readonly string[]): GitFacts {
  const top = git(projectDir, ['rev-parse', '--show-toplevel'])?.trim();
  if (!top) return { repo: false, tracked: () => undefined, ignored: () => undefined };
  const rel = paths.map((p) => relative(projectDir, p));
  const tracked = new Set<string>();
  const ignored = new Set<string>();
  if (rel.length > 0) {
    const ls = git(projectDir, ['ls-files', '-z', '--', ...rel]);
    for (const f of ls?.split('\0') ?? []) if (f) tracked.add(f);
    const ci = git(projectDir, ['check-ignore', '--no-index', '-z', '--', ...rel]);
    for (const f of ci?.split('\0') ?? []) if (f) ignored.add(f);
  }
  return {
    repo: true,
    tracked: (p) => tracked.has(relative(projectDir, p)),
    ignored: (p) => ignored.has(relative(projectDir, p)),
  };
}
