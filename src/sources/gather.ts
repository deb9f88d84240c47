// Gathers the environment evidence for a project folder: the shell, the dotenv files, git facts, provenance.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { KeydoctorError } from '../core/errors.js';
import type { EnvEvidence } from '../types/evidence.js';
import { discoverEnvFiles } from './discover.js';
import { readEnvFile, unreadEnvFile } from './dotenv-file.js';
import { gitFacts } from './git.js';
import { OUTSIDE_REASON, symlinkLeaves } from './inside.js';
import { resolveVariables } from './resolve.js';

export interface GatherEnvOptions {
  projectDir: string;
  /** The process environment to treat as the shell (injected so tests never touch process.env). */
  env: Record<string, string | undefined>;
  envFiles?: readonly string[];
  expected?: readonly string[];
  cwd?: string;
}

export function gatherEnvEvidence(options: GatherEnvOptions): EnvEvidence {
  const projectDir = resolve(options.cwd ?? process.cwd(), options.projectDir);
  let isDir = false;
  try {
    isDir = statSync(projectDir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new KeydoctorError('KD_ERR_NOT_A_DIRECTORY', `${options.projectDir} is not a folder.`);
  for (const file of options.envFiles ?? []) checkEnvFileFlag(file, options.cwd ?? process.cwd());
  const shell: Record<string, string> = {};
  for (const [k, v] of Object.entries(options.env)) if (v !== undefined) shell[k] = v;
  const candidates = discoverEnvFiles(projectDir, shell.NODE_ENV, options.envFiles ?? [], options.cwd ?? process.cwd());
  const git = gitFacts(projectDir, candidates.map((c) => c.path));
  const named = new Set((options.envFiles ?? []).map((f) => resolve(options.cwd ?? process.cwd(), f)));
  const files = candidates.map((c) => {
    const placement = { loaded: c.loaded, reason: c.reason, priority: c.priority };
    // A project's own .env that links out of it is not read (a --env-file the user named is read wherever it is).
    const leaves = !named.has(c.path) && !c.display.startsWith('..') && symlinkLeaves(c.path, projectDir);
    const file = leaves ? unreadEnvFile(c.path, c.display, placement, OUTSIDE_REASON) : readEnvFile(c.path, c.display, placement);
    const tracked = git.tracked(c.path);
    const ignored = git.ignored(c.path);
    return { ...file, ...(tracked !== undefined ? { gitTracked: tracked } : {}), ...(ignored !== undefined ? { gitIgnored: ignored } : {}) };
  });
  return {
    projectDir,
    shell,
    files,
    variables: resolveVariables(shell, files),
    expected: [...new Set(options.expected ?? [])],
    gitRepo: git.repo,
  };
}

/**
 * A file named with --env-file that does not exist (or is a folder) is a usage error: the user asked
 * for it by name, so a finding would bury a typo. Other problems (binary, FIFO…) become env findings.
 */
function checkEnvFileFlag(file: string, cwd: string): void {
  let problem: string | undefined;
  try {
    if (statSync(resolve(cwd, file)).isDirectory()) problem = 'a folder, not a file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') problem = 'does not exist';
  }
  if (problem) throw new KeydoctorError('KD_ERR_FILE', `--env-file ${file}: ${problem} (resolved from ${cwd}).`);
}
