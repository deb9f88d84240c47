// Test helpers: run the CLI in-process with an injected environment and capture everything it writes.
import { run } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  argv: string[],
  options: { env?: Record<string, string | undefined>; cwd?: string; stdin?: string; tty?: boolean } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: options.env ?? { PATH: process.env.PATH },
    cwd: options.cwd ?? process.cwd(),
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: options.tty ?? false,
    readStdin: async () => options.stdin ?? '',
    onStop: () => {},
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}
