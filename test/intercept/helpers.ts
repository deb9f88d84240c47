// Test helpers for `keydoctor run`: the built CLI as a real process, an emulator upstream, and a private TMPDIR per run.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';

export const BIN = resolve(fileURLToPath(new URL('../../bin/keydoctor.js', import.meta.url)));
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
/** Debian's Python has requests and grpcio; the pyenv shim on PATH does not. */
export const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The private temp folder the run used; the CA folder is made inside it. */
  tmp: string;
}

export function startUpstream(): Promise<RunningEmulator> {
  return startEmulator({ host: '127.0.0.1', port: 0, grpcPort: 0 });
}

/** A bare environment: PATH, the test runner's loopback guard (NODE_OPTIONS) and what the case plants. */
export function baseEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...(process.env.NODE_OPTIONS ? { NODE_OPTIONS: process.env.NODE_OPTIONS } : {}), ...extra };
}

export function startRun(
  args: string[],
  options: { cwd: string; env: Record<string, string>; stdin?: string },
): { child: ChildProcess; done: Promise<RunResult>; tmp: string; stdout: () => string } {
  const tmp = mkdtempSync(join(tmpdir(), 'kd-run-test-'));
  const child = spawn(process.execPath, [BIN, 'run', ...args], { cwd: options.cwd, env: { ...options.env, TMPDIR: tmp }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => (stdout += c));
  child.stderr!.on('data', (c) => (stderr += c));
  child.stdin!.end(options.stdin ?? '');
  const done = new Promise<RunResult>((resolveDone) => child.on('close', (code, signal) => resolveDone({ code, signal, stdout, stderr, tmp })));
  return { child, done, tmp, stdout: () => stdout };
}

export function runKd(args: string[], options: { cwd: string; env: Record<string, string>; stdin?: string }): Promise<RunResult> {
  return startRun(args, options).done;
}

/** What keydoctor left in the run's temp folder (the CA folder must be gone). */
export function leftovers(tmp: string): string[] {
  return readdirSync(tmp);
}

export interface RunJson {
  findings: { id: string; severity: string; message: string; location?: Record<string, unknown> }[];
  run: {
    exitCode: number;
    exchanges: { method: string; url: string; rpc?: string; transport: string; httpStatus?: number; status?: { code: number }; sentAuthorization?: { name: string; value: string }; credential: string }[];
    credentials: { id: string; variable: string; location: { source: string; line?: number }; verdict: string }[];
    sent: { id: string; scheme: string; matches: { location: { source: string; line?: number }; relation: string; winner: boolean }[] }[];
    tunnels: { host: string; port: number; bytesUp: number; bytesDown: number }[];
  };
}

/** keydoctor's JSON comes after whatever the command itself printed on stdout: it starts at a line that is `{` alone. */
export function parseJson(r: RunResult): RunJson {
  try {
    const at = r.stdout.startsWith('{\n') ? 0 : r.stdout.lastIndexOf('\n{\n') + 1;
    return JSON.parse(r.stdout.slice(at)) as RunJson;
  } catch {
    throw new Error(`not JSON (exit ${r.code}):\n${r.stdout}\n--- stderr ---\n${r.stderr}`);
  }
}
