// `keydoctor check`: the doctor for one project folder — gather evidence, ask the API unless --offline, run the checks, report.
import { count } from '../../core/count.js';
import { diagnose, type DiagnoseRequest, type Result } from '../../core/diagnose.js';
import { liveNotes, verboseExchange } from '../../live/notes.js';
import { usageError } from '../../core/errors.js';
import { terminalSafe } from '../../core/terminal-safe.js';
import { reportOf } from '../../reporters/report.js';
import { numberOption, stringList, type Command } from '../command.js';
import type { CommandContext } from '../io.js';
import { renderReport } from '../render.js';
import { sourceNotes } from './env.js';

/** Turns the command line into a diagnosis request; shared with `keydoctor demo`. */
export function diagnoseOptionsFrom(values: Record<string, unknown>, ctx: CommandContext): DiagnoseRequest {
  const transport = values.transport === undefined ? 'rest' : String(values.transport);
  if (transport !== 'rest' && transport !== 'grpc') throw usageError(`--transport is rest or grpc, not "${transport}".`);
  if (values.call !== undefined && values.rpc !== undefined) throw usageError('give either --call or --rpc, not both.');
  const waitS = numberOption('wait', values.wait, { min: 0, max: 3600 });
  const timeoutS = numberOption('timeout', values.timeout, { min: 0.1, max: 600 });
  const progress = progressLine(ctx);
  return {
    live: !values.offline,
    scan: !values['no-scan'],
    transport,
    ...(values.base !== undefined ? { base: String(values.base) } : {}),
    ...(values['grpc-base'] !== undefined ? { grpcBase: String(values['grpc-base']) } : {}),
    ...(values.call !== undefined ? { call: String(values.call) } : {}),
    ...(values.rpc !== undefined ? { rpc: String(values.rpc) } : {}),
    ...(waitS !== undefined ? { waitS } : {}),
    ...(timeoutS !== undefined ? { timeoutMs: Math.round(timeoutS * 1000) } : {}),
    allowInsecure: Boolean(values['allow-insecure']),
    ...(progress ? { onProgress: progress } : {}),
    ...(values.verbose ? { onExchange: (e) => ctx.err(verboseExchange(e)) } : {}),
  };
}

/**
 * --wait's progress: one line on a terminal, redrawn in place (`\r` and clear-line) and cleared once done, since
 * the report says how the wait ended; nothing at all when stderr or stdout is not a terminal (logs, pipes, CI).
 */
export function progressLine(ctx: CommandContext): ((line: string, done?: boolean) => void) | undefined {
  if (!ctx.io.stderrIsTTY || !ctx.io.stdoutIsTTY) return undefined;
  const room = Math.max(20, (ctx.width ?? ctx.io.columns ?? 80) - 1);
  return (line, done) => {
    // Redacted and made safe first; the redraw codes are keydoctor's own, added after.
    const text = [...terminalSafe(ctx.redactor.redact(line.trimEnd()), false)];
    const shown = text.length > room ? `${text.slice(0, room - 1).join('')}…` : text.join('');
    ctx.io.stderr(done ? '\r\u001b[K' : `\r\u001b[K${shown}`);
  };
}

/** Stops the probes on Ctrl-C: in-flight requests are aborted and the report shows what was learnt. */
export function abortOnStop(ctx: CommandContext): AbortSignal {
  const controller = new AbortController();
  ctx.io.onStop((signal = 'SIGINT') => controller.abort(Object.assign(new Error(`interrupted by ${signal}`), { name: 'AbortError', signal })));
  return controller.signal;
}

/** 130 after SIGINT, 143 after SIGTERM (128 + the signal's number, as shells report it), or undefined if not stopped. */
export function stoppedExitCode(signal: AbortSignal, ctx: CommandContext): number | undefined {
  if (!signal.aborted) return undefined;
  const name = (signal.reason as { signal?: string } | undefined)?.signal === 'SIGTERM' ? 'SIGTERM' : 'SIGINT';
  ctx.err(`keydoctor: stopped by ${name}; it did not finish, so what is above is incomplete.\n`);
  return name === 'SIGTERM' ? 143 : 130;
}

export const command: Command = {
  name: 'check',
  summary: 'Diagnose the Clarifai credential this project would send',
  options: {
    offline: { type: 'boolean' },
    'no-scan': { type: 'boolean' },
    json: { type: 'boolean' },
    'env-file': { type: 'string', multiple: true },
    expect: { type: 'string', multiple: true },
    base: { type: 'string' },
    transport: { type: 'string' },
    'grpc-base': { type: 'string' },
    call: { type: 'string' },
    rpc: { type: 'string' },
    wait: { type: 'string' },
    timeout: { type: 'string' },
    'allow-insecure': { type: 'boolean' },
    verbose: { type: 'boolean' },
  },
  help: `Usage: keydoctor check [DIR] [options]

Diagnoses the Clarifai credential the project in DIR (default: this folder) would send: the key
value, environment variables and .env files, and exposure of committed .env files — then, unless
--offline, asks the API itself (GET /v2/myscopes, GET /v2/users/me and the call you care about,
concurrently) and pinpoints why the key is rejected. The key is sent only to the configured base.

Options:
  --offline            Only look at local evidence (nothing is sent anywhere)
  --no-scan            Do not read the source code (by default env names it reads and calls it makes are checked too)
  --json               Print the findings as JSON (the documented contract)
  --env-file PATH      Also load this dotenv file (repeatable; consulted first)
  --expect NAME        A variable name the app expects (repeatable); near misses are reported

Live options:
  --call "METHOD /path"  The call your app makes, e.g. --call "POST /v2/models/general-image-recognition/outputs"
  --rpc NAME           The same, by RPC name (e.g. PostModelOutputs); user/app come from CLARIFAI_USER_ID/CLARIFAI_APP_ID
  --base URL           REST base (default: CLARIFAI_API_BASE, else https://api.clarifai.com)
  --transport rest|grpc  Probe over REST (default) or gRPC with Clarifai's own stub
  --grpc-base HOST:PORT  gRPC target (default: CLARIFAI_GRPC_BASE, else api.clarifai.com:443 over TLS)
  --wait SECONDS       Retry a key Clarifai does not know yet (11009) for up to SECONDS, with backoff
  --timeout SECONDS    Per-request timeout (default 10)
  --allow-insecure     Allow a plain http:// base that is not this machine (the key travels unencrypted)
  --verbose            Print every request sent, as a curl/grpcurl command with
                       the key masked, and each finding's evidence
  --no-color           Plain output

Only calls that change nothing (GET, predictions, searches) are sent; others are judged from the
route table and the key's scopes. Plain http:// and gRPC without TLS are used only for loopback.

Examples:
  keydoctor check
  keydoctor check ./my-app --offline --json
  keydoctor check --rpc PostModelOutputs --verbose
  keydoctor check --transport grpc --wait 60

Exit codes: 0 no error found, 1 at least one error, 2 usage error, refused network policy
(KD_ERR_NETWORK_POLICY) or keydoctor failed.
`,
  async run(values, positionals, ctx) {
    const signal = abortOnStop(ctx);
    const result = await diagnose({
      ...diagnoseOptionsFrom(values, ctx),
      command: 'check',
      projectDir: positionals[0] ?? '.',
      env: ctx.io.env,
      envFiles: stringList(values['env-file']),
      expect: stringList(values.expect),
      cwd: ctx.io.cwd,
      signal,
      redactor: ctx.redactor,
    }).catch((error: unknown) => {
      if (signal.aborted) return undefined;
      throw error;
    });
    if (!result) return stoppedExitCode(signal, ctx)!;
    const code = renderReport(reportOf(result, { notes: diagnosisNotes(result) }), values.json ? 'json' : 'text', ctx, Boolean(values.verbose));
    return stoppedExitCode(signal, ctx) ?? code;
  },
};

/** The lines under a check report: which sources were read, how much code, what was sent. */
export function diagnosisNotes(result: Result): string[] {
  const { env, code, live } = result.evidence;
  return [
    ...(env ? sourceNotes(env) : []),
    ...(code ? [`Code: scanned ${plural(code.filesScanned, 'file')} (keydoctor scan also writes SARIF).`] : ['Code: not read (--no-scan).']),
    ...(live ? liveNotes(live) : ['Live: skipped (--offline); nothing was sent.']),
  ];
}

function plural(n: number, word: string): string {
  return `${count(n)} ${word}${n === 1 ? '' : 's'}`;
}
