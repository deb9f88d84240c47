// The CLI entry: run(argv, io) → exit code. Commands load lazily so start-up stays fast.
import { ERROR_CODES, KeydoctorError } from '../core/errors.js';
import { VERSION } from '../version.js';
import { parseCommandArgs, type Command } from './command.js';
import { formatHelp } from './help.js';
import { makeContext, processIO, type CliIO } from './io.js';

interface CommandEntry {
  summary: string;
  load: () => Promise<{ command: Command }>;
}

const COMMANDS: Record<string, CommandEntry> = {
  check: { summary: 'Diagnose the Clarifai credential this project would send (offline checks, then live probes)', load: () => import('./commands/check.js') },
  demo: { summary: 'Run the full doctor on a bundled example project against the embedded emulator', load: () => import('./commands/demo.js') },
  env: { summary: 'Show every source of each Clarifai variable and which one wins (masked)', load: () => import('./commands/env.js') },
  explain: { summary: 'Diagnose an error message, status code or response body you paste', load: () => import('./commands/explain.js') },
  routes: { summary: "Look up a Clarifai RPC or request in the API's route table", load: () => import('./commands/routes.js') },
  emulator: { summary: 'Run a local Clarifai-compatible API (REST and gRPC) that reproduces auth errors', load: () => import('./commands/emulator.js') },
  scan: { summary: 'Scan source code for env reads, Authorization headers, endpoints and hard-coded keys', load: () => import('./commands/scan.js') },
  run: { summary: 'Run your app and diagnose the Clarifai calls it really makes (loopback proxy)', load: () => import('./commands/run.js') },
  fix: { summary: 'Preview the mechanical fixes as a diff, or apply them with --write', load: () => import('./commands/fix.js') },
};

export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** 32 or more letters or digits (all letters or all digits too): the shape of a key typed on the command line. */
const KEY_SHAPED_ARGUMENT = /^[A-Za-z0-9]{32,}$/u;

function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return `keydoctor ${VERSION} — finds why an API key is rejected (Clarifai first)

Usage: keydoctor <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`)
  .join('\n')}

Global options:
  -h, --help        Show help (also: keydoctor <command> --help)
  -v, --version     Print the version
  --color, --no-color  Force colour on or off (default: on for a terminal, off with NO_COLOR)

Examples:
  keydoctor check                     # diagnose the project in this folder
  keydoctor check ./app --offline --json
  keydoctor env                       # which CLARIFAI_* value wins, and from where
  keydoctor explain '{"status":{"code":11009,"details":"invalid key(None)"}}'
  keydoctor demo                      # see it work on a broken example, no network needed

Exit codes:
  0  no error found
  1  at least one error finding (the key would be rejected, or the input is a failure)
  2  usage error, or keydoctor itself failed
`;
}

export async function run(argv: string[], io: CliIO = processIO()): Promise<number> {
  const colorFlag = argv.includes('--no-color') ? false : argv.includes('--color') ? true : undefined;
  const ctx = makeContext(io, colorFlag);
  // A key typed on the command line (as a command, an option, a file name) would be echoed by a usage error: mask it.
  for (const token of argv.join(' ').split(/[^A-Za-z0-9]+/u)) if (KEY_SHAPED_ARGUMENT.test(token)) ctx.redactor.add(token);
  try {
    // Global options may stand anywhere (`keydoctor --no-color check`): they are read above and dropped here.
    const [first, ...rest] = argv.filter((a) => a !== '--color' && a !== '--no-color');
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      if (first === 'help' && rest[0] && COMMANDS[rest[0]]) return await runCommand(rest[0], ['--help'], ctx);
      ctx.out(formatHelp(mainHelp()));
      return first === undefined ? EXIT.usage : EXIT.ok;
    }
    if (first === '--version' || first === '-v') {
      ctx.out(`${VERSION}\n`);
      return EXIT.ok;
    }
    if (first.startsWith('-')) {
      throw new KeydoctorError('KD_ERR_USAGE', `unknown option ${first}. Run "keydoctor --help".`);
    }
    if (!COMMANDS[first]) {
      const near = Object.keys(COMMANDS).find((n) => n.startsWith(first.slice(0, 2)));
      throw new KeydoctorError('KD_ERR_USAGE', `unknown command "${first}".${near ? ` Did you mean "${near}"?` : ''} Run "keydoctor --help".`);
    }
    return await runCommand(first, rest, ctx);
  } catch (error) {
    return reportError(error, ctx, wantsJson(argv));
  }
}

async function runCommand(name: string, argv: string[], ctx: ReturnType<typeof makeContext>): Promise<number> {
  const { command } = await COMMANDS[name]!.load();
  const { values, positionals } = parseCommandArgs(command, argv);
  if (values.help) {
    ctx.out(formatHelp(command.help));
    return EXIT.ok;
  }
  return command.run(values, positionals, ctx);
}

/** Whether the command line asked for JSON: then a refusal or usage error is JSON on stdout too. */
function wantsJson(argv: readonly string[]): boolean {
  return argv.some((a, i) => a === '--json' || a === '--format=json' || (a === '--format' && argv[i + 1] === 'json'));
}

function reportError(error: unknown, ctx: ReturnType<typeof makeContext>, json: boolean): number {
  const code = error instanceof KeydoctorError ? error.code : 'KD_ERR_INTERNAL';
  const text = error instanceof KeydoctorError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
  if (json) ctx.out(`${JSON.stringify({ version: VERSION, error: { code, message: text } }, null, 2)}\n`);
  if (error instanceof KeydoctorError) {
    ctx.err(`keydoctor: ${error.message} (${error.code})\n`);
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.err(`keydoctor: internal error: ${message} (KD_ERR_INTERNAL: ${ERROR_CODES.KD_ERR_INTERNAL})\n`);
  if (ctx.io.env.KEYDOCTOR_DEBUG && error instanceof Error && error.stack) ctx.err(`${error.stack}\n`);
  return EXIT.usage;
}
