// The one way keydoctor runs git. PLACEHOLDER on the `ship` branch: the hardening branch (`sec`) adds the real module
// with this same API (every repository-controlled way to start a program switched off); on merge, take its file.
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface GitResult {
  /** Exit status (null when killed by the timeout). */
  status: number | null;
  stdout: string;
}

/** The caller's environment minus every `GIT_*` variable, so neither `GIT_DIR` nor `GIT_EXTERNAL_DIFF` steer git. */
function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!/^GIT_/iu.test(name)) env[name] = value;
  return { ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };
}

const BASE = ['--no-pager', '-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '-c', 'diff.external='];

/** Runs git in `cwd` and returns its status and stdout, or undefined when git is missing or could not start. */
export function gitSync(cwd: string, args: readonly string[], options: { input?: string; timeoutMs?: number } = {}): GitResult | undefined {
  try {
    const stdout = execFileSync('git', [...BASE, ...args], {
      cwd,
      env: gitEnv(),
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
}

/** Starts a long-running git in `cwd`, or returns undefined when there is no git to run. */
export function gitSpawn(cwd: string, args: readonly string[]): ChildProcessWithoutNullStreams | undefined {
  try {
    return spawn('git', [...BASE, ...args], { cwd, env: gitEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
  } catch {
    return undefined;
  }
}
