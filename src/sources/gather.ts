// Gathers the environment evidence for a project folder: the shell, the dotenv files, git facts, provenance.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { KeydoctorError } from '../core/errors.js';
import type { EnvEvidence } from '../types/evidence.js';
import { discoverEnvFiles } from './discover.js';
import { readEnvFile } from './dotenv-file.js';
import { gitFacts } from './git.js';
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
  const shell: Record<string, string> = {};
  for (const [k, v] of Object.entries(options.env)) if (v !== undefined) shell[k] = v;
  const candidates = discoverEnvFiles(projectDir, shell.NODE_ENV, options.envFiles ?? [], options.cwd ?? process.cwd());
  const git = gitFacts(projectDir, candidates.map((c) => c.path));
  const files = candidates.map((c) => {
    const file = readEnvFile(c.path, c.display, { loaded: c.loaded, reason: c.reason, priority: c.priority });
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
