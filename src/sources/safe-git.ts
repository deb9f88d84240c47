// The one way keydoctor runs git: on a folder it does not trust, with every repository-controlled way to start a program switched off.
//
// A scanned project's `.git/config` (and any file it includes, and `.gitattributes`) is written by whoever wrote the
// project. git honours settings there that name programs to run: `core.fsmonitor` (run by `ls-files`), `diff.external`
// and `diff.<driver>.command`/`textconv`, `filter.<driver>.clean`/`smudge`/`process`, `core.pager` and `pager.<cmd>`,
// `core.sshCommand`, hooks, credential helpers. Every call made here overrides each of those on git's own command line
// (which beats every config file), drops the caller's `GIT_*` variables (so neither `GIT_DIR` nor `GIT_EXTERNAL_DIFF`
// steer it), skips the system config, and finds git only on absolute PATH entries outside the project, so a `git`
// file in the project (reached through `.` or an empty PATH entry) is never what runs.
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, relative, resolve } from 'node:path';

/** Settings that are always pinned, whether or not the repository sets them. */
const ALWAYS: readonly string[] = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'core.sshCommand=false',
  'core.askPass=',
  'credential.helper=',
  'diff.external=',
  'log.showSignature=false',
  'gpg.program=false',
  // An embedded bare repository (a folder with HEAD, objects/, config) is not entered by accident.
  'safe.bareRepository=explicit',
];

/**
 * The last part of a config name that holds a command (`filter.lfs.clean`, `diff.pdf.textconv`, `pager.log`): any
 * such key the repository or its includes define is reset to an empty value, which git reads as "none".
 */
const COMMAND_KEY = /^(?:(?:filter|diff|merge|difftool|mergetool|credential|remote|gpg|url|sendemail)\..*\.(?:clean|smudge|process|command|textconv|driver|cmd|helper|program|uploadpack|receivepack|proxy|sshcommand)|pager\..+|core\.(?:fsmonitor|pager|sshcommand|askpass|editor|gitproxy|hookspath|alternaterefscommand)|sequence\.editor|uploadpack\.packobjectshook|diff\.external)$/iu;

const PINNED = new Set(ALWAYS.map((s) => s.slice(0, s.indexOf('=')).toLowerCase()));

/** PATH without relative entries (`.`, ``, `bin`) and without folders inside the project. */
export function safePath(path: string | undefined, untrustedRoot: string): string {
  const root = resolve(untrustedRoot);
  return (path ?? '')
    .split(delimiter)
    .filter((dir) => {
      if (!dir || !isAbsolute(dir)) return false;
      const rel = relative(root, resolve(dir));
      return rel.startsWith('..') || isAbsolute(rel);
    })
    .join(delimiter);
}

function findGit(path: string): string | undefined {
  for (const dir of path.split(delimiter)) {
    const candidate = join(dir, process.platform === 'win32' ? 'git.exe' : 'git');
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

interface Launch {
  file: string;
  env: NodeJS.ProcessEnv;
  prefix: string[];
}

/** The environment git runs with: the caller's, minus every `GIT_*` variable, with a safe PATH and no pager. */
function gitEnv(cwd: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!/^GIT_/iu.test(name) && name !== 'PAGER' && name !== 'SSH_ASKPASS') env[name] = value;
  env.PATH = safePath(process.env.PATH, cwd);
  Object.assign(env, { GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat', PAGER: 'cat', GIT_ASKPASS: '', SSH_ASKPASS: '' });
  return env;
}

/** How to start git in `cwd` safely, or null when there is no git outside the project. */
function launch(cwd: string): Launch | null {
  const dir = resolve(cwd);
  const env = gitEnv(dir);
  const file = findGit(env.PATH ?? '');
  let result: Launch | null = null;
  if (file) {
    const base = ['--no-pager', ...ALWAYS.flatMap((s) => ['-c', s])];
    // The repository's own command-valued settings, named so each can be reset; reading config runs nothing.
    let listed = '';
    try {
      listed = execFileSync(file, [...base, 'config', '--null', '--list', '--includes'], { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000, maxBuffer: 8 * 1024 * 1024 });
    } catch {
      /* not a repository, or no config: nothing to reset */
    }
    const reset = new Set<string>();
    for (const entry of listed.split('\0')) {
      const name = entry.split('\n', 1)[0]!;
      if (name && COMMAND_KEY.test(name) && !PINNED.has(name.toLowerCase()) && !/[\s=]/u.test(name)) reset.add(name);
    }
    result = { file, env, prefix: [...base, ...[...reset].flatMap((name) => ['-c', `${name}=`])] };
  }
  return result;
}

export interface GitResult {
  /** Exit status (null when killed by the timeout). */
  status: number | null;
  stdout: string;
}

export interface GitSession {
  /** Runs git and returns its status and stdout, or undefined when it could not start. */
  sync(args: readonly string[], options?: { input?: string; timeoutMs?: number }): GitResult | undefined;
  /** Starts a long-running git (`log -p`). */
  spawn(args: readonly string[]): ChildProcessWithoutNullStreams;
}

/** Prepares safe git calls in `cwd` (reading the repository's config once), or undefined when there is no git. */
export function openGit(cwd: string): GitSession | undefined {
  const l = launch(cwd);
  if (!l) return undefined;
  return {
    sync(args, options = {}) {
      try {
        const stdout = execFileSync(l.file, [...l.prefix, ...args], {
          cwd,
          env: l.env,
          encoding: 'utf8',
          stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'ignore'],
          timeout: options.timeoutMs ?? 5000,
          maxBuffer: 64 * 1024 * 1024,
          ...(options.input === undefined ? {} : { input: options.input }),
        });
        return { status: 0, stdout };
      } catch (error) {
        const e = error as { stdout?: unknown; status?: number | null; code?: string };
        if (typeof e.status !== 'number' && e.code !== undefined) return undefined;
        return { status: e.status ?? null, stdout: typeof e.stdout === 'string' ? e.stdout : '' };
      }
    },
    spawn: (args) => spawn(l.file, [...l.prefix, ...args], { cwd, env: l.env, stdio: ['pipe', 'pipe', 'pipe'] }),
  };
}

/** One git call in `cwd`; undefined when git is missing or could not start. */
export function gitSync(cwd: string, args: readonly string[], options: { input?: string; timeoutMs?: number } = {}): GitResult | undefined {
  return openGit(cwd)?.sync(args, options);
}

/** Whether a git outside `cwd` can be run at all. */
export function gitAvailable(cwd: string): boolean {
  return launch(cwd) !== null;
}

/** Starts a long-running git in `cwd` (the staged reader's `cat-file --batch`), or undefined when there is no git. */
export function gitSpawn(cwd: string, args: readonly string[]): ChildProcessWithoutNullStreams | undefined {
  try {
    return openGit(cwd)?.spawn(args);
  } catch {
    return undefined;
  }
}
