// The CLI's view of the outside world, injected so commands are testable in-process and every write is redacted.
import { Redactor } from '../core/secret.js';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Reads all of standard input (for `explain -`). */
  readStdin(): Promise<string>;
  /** Resolves when the user asks to stop (SIGINT/SIGTERM); used by long-running commands. */
  onStop(handler: () => void): void;
}

export interface CommandContext {
  io: CliIO;
  /** Every secret a command learns goes here; all output is scrubbed through it. */
  redactor: Redactor;
  out(text: string): void;
  err(text: string): void;
  color: boolean;
  unicode: boolean;
}

export function processIO(): CliIO {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    onStop: (handler) => {
      process.once('SIGINT', handler);
      process.once('SIGTERM', handler);
    },
  };
}

export function makeContext(io: CliIO, colorFlag: boolean | undefined): CommandContext {
  const redactor = new Redactor();
  const color = colorFlag ?? (io.stdoutIsTTY && !('NO_COLOR' in io.env) && io.env.TERM !== 'dumb');
  const unicode = !/^(C|POSIX)?$/u.test(io.env.LC_ALL ?? io.env.LC_CTYPE ?? io.env.LANG ?? 'C.UTF-8') || io.env.WT_SESSION !== undefined || process.platform !== 'win32';
  return {
    io,
    redactor,
    out: (t) => io.stdout(redactor.redact(t)),
    err: (t) => io.stderr(redactor.redact(t)),
    color,
    unicode,
  };
}
