// Helpers for the hardening tests: run the built CLI as a child process with a hang guard, and judge its exit.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const BIN = join(ROOT, 'bin', 'keydoctor.js');
/** Skip reason for tests that need `npm run build` (npm test builds first). */
export const NEEDS_BUILD = !existsSync(join(ROOT, 'dist', 'cli', 'main.js')) && 'run npm run build first';
/** Tests run as root in CI, where chmod 000 does not stop a read. */
export const IS_ROOT = process.getuid?.() === 0;

export interface Built {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Killed by the hang guard: the command did not finish. */
  hung: boolean;
}

/**
 * Runs `node -- bin/keydoctor.js ...args`. The kill timer is only a guard against a hang (a FIFO read, an endless loop):
 * it is generous, and nothing about speed is asserted.
 */
export function runBuilt(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; input?: string | Buffer; guardMs?: number } = {}): Promise<Built> {
  return new Promise((resolve, reject) => {
    // `node -- bin`, as the bin's shebang does: without `--`, Node 20 reads a `--env-file` after the script itself
    // (nodejs/node#54232) and blocks on a FIFO or /dev/zero before keydoctor starts.
    const child = spawn(process.execPath, ['--', BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env.PATH, NODE_OPTIONS: process.env.NODE_OPTIONS, NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let hung = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const guard = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, options.guardMs ?? 180_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr, hung });
    });
    child.stdin.on('error', () => {}); // the CLI may exit before reading its input
    child.stdin.end(options.input ?? '');
  });
}

const escaped = ROOT.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
/**
 * A JavaScript stack trace: an `Error: …` line followed by `    at …`, or a frame in Node's internals or keydoctor's
 * own files. (Plain `at src/api.js:1:7` lines are the reporter's locations, not frames.)
 */
const STACK_FRAME = new RegExp(`^\\s*(?:[A-Z]\\w*)?Error\\b.*\\n\\s+at \\S|^\\s+at .*(?:node:internal|\\(node:|file://|${escaped}(?:dist|src|node_modules|bin)/)`, 'mu');

/** Finished on its own, with a documented exit code, and without a stack trace. */
export function assertClean(r: Built, label: string): void {
  assert.equal(r.hung, false, `${label}: still running when the hang guard fired`);
  assert.ok(r.code === 0 || r.code === 1 || r.code === 2, `${label}: exit ${r.code} (signal ${r.signal})\n${r.stderr.slice(0, 2000)}`);
  assert.doesNotMatch(r.stderr, STACK_FRAME, `${label}: stack trace on stderr\n${r.stderr.slice(0, 2000)}`);
  assert.doesNotMatch(r.stdout, STACK_FRAME, `${label}: stack trace on stdout`);
}
