// The CLI's view of the outside world, injected so commands are testable in-process and every write is redacted.
import { Redactor } from '../core/secret.js';
import { terminalSafe } from '../core/terminal-safe.js';
import { outputWidth } from '../reporters/wrap.js';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Standard input is a terminal: someone is there to have asked (`keydoctor fix --write` applies unsafe fixes only then). */
  stdinIsTTY?: boolean;
  /** The terminal's width in columns, when stdout is one. */
  columns?: number;
  /** Reads standard input (for `explain -`), at most `maxBytes`: a huge pipe is cut, not held in memory. */
  readStdin(maxBytes?: number): Promise<string>;
  /** Called when the user asks to stop (SIGINT/SIGTERM), with the signal; used by long-running commands. */
  onStop(handler: (signal?: 'SIGINT' | 'SIGTERM') => void): void;
}

export interface CommandContext {
  io: CliIO;
  /** Every secret a command learns goes here; all output is scrubbed through it. */
  redactor: Redactor;
  out(text: string): void;
  err(text: string): void;
  color: boolean;
  unicode: boolean;
  /** Columns to wrap terminal output to (COLUMNS, else the terminal's); absent when not a terminal. */
  width?: number;
}

export function processIO(): CliIO {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    ...(process.stdout.isTTY && process.stdout.columns ? { columns: process.stdout.columns } : {}),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    readStdin: async (maxBytes = 4 * 1024 * 1024) => {
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const chunk of process.stdin) {
        chunks.push(chunk as Buffer);
        total += (chunk as Buffer).length;
        if (total >= maxBytes) break; // leaving the loop destroys stdin; the rest is never read
      }
      return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
    },
    onStop: (handler) => {
      const stop = (signal: 'SIGINT' | 'SIGTERM') => {
        handler(signal);
        // The command winds down on its own; should anything still hold the process, the first signal still ends it.
        setTimeout(() => process.exit(signal === 'SIGINT' ? 130 : 143), 5000).unref();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
  };
}

export function makeContext(io: CliIO, colorFlag: boolean | undefined): CommandContext {
  const redactor = new Redactor();
  const color = colorFlag ?? (io.stdoutIsTTY && !('NO_COLOR' in io.env) && io.env.TERM !== 'dumb');
  const width = outputWidth(io.env, io.stdoutIsTTY, io.columns);
  const unicode = !/^(C|POSIX)?$/u.test(io.env.LC_ALL ?? io.env.LC_CTYPE ?? io.env.LANG ?? 'C.UTF-8') || io.env.WT_SESSION !== undefined || process.platform !== 'win32';
  return {
    io,
    redactor,
    // Redacted, then made terminal-safe: untrusted text in any output shows its control characters, never runs them.
    out: (t) => io.stdout(terminalSafe(redactor.redact(t), color)),
    err: (t) => io.stderr(terminalSafe(redactor.redact(t), color)),
    color,
    unicode,
    ...(width !== undefined ? { width } : {}),
  };
}
