// `keydoctor run -- <command>`: runs the app with its Clarifai traffic routed through a loopback proxy, then judges each call it made.
import { resolve } from 'node:path';
import { isIP } from 'node:net';
import { usageError } from '../../core/errors.js';
import { jsonReporter } from '../../reporters/json.js';
import { reportOf } from '../../reporters/report.js';
import { terminalReporter } from '../../reporters/terminal.js';
import { shownAuthorization } from '../../core/visible.js';
import { stringList, type Command } from '../command.js';
import type { CommandContext } from '../io.js';
import type { InterceptedCall } from '../../intercept/proxy.js';

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/gu, '');
  return h === 'localhost' || h === '::1' || (isIP(h) === 4 && h.startsWith('127.'));
}

function checkUpstream(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw usageError(`--upstream takes a URL such as https://api.clarifai.com or http://127.0.0.1:8080, not "${String(value)}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw usageError(`--upstream must be http:// or https://, not ${url.protocol}`);
  // The app's key is re-sent there: plain http only to this machine.
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) throw usageError('--upstream may be plain http:// only on loopback (the key would travel unencrypted).');
  return url.origin;
}

function checkGrpcUpstream(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const v = String(value);
  if (!/^(\[[0-9a-f:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/u.test(v)) throw usageError(`--grpc-upstream takes HOST:PORT (plaintext on loopback, TLS elsewhere), not "${v}".`);
  return v;
}

function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/u.test(s) ? s : `'${s.replace(/'/gu, `'\\''`)}'`;
}

export const command: Command = {
  name: 'run',
  summary: "Run your app and diagnose the Clarifai calls it really makes (through a loopback proxy)",
  options: {
    json: { type: 'boolean' },
    upstream: { type: 'string' },
    'grpc-upstream': { type: 'string' },
    'env-file': { type: 'string', multiple: true },
    project: { type: 'string' },
    'no-scan': { type: 'boolean' },
    verbose: { type: 'boolean' },
    ui: { type: 'boolean' },
    'ui-exit': { type: 'boolean' },
  },
  help: `Usage: keydoctor run [options] -- <command> [args...]

Runs <command> with its HTTPS and gRPC traffic routed through a proxy on 127.0.0.1 that only
this run knows (a per-run token in the proxy URL). TLS to Clarifai's API hosts is opened with a
certificate authority made for this run and trusted only by the command's process tree; every
call is re-sent to Clarifai with full certificate verification and recorded. Every other host is
tunnelled byte for byte, never decrypted. When the command exits, each Clarifai call is listed
(method, route, status, masked key, time) and judged by the same checks as "keydoctor check",
with the source each sent value came from (shell, which .env line, which literal).

Covered: Node (fetch, http/https, axios, got, node-fetch, @grpc/grpc-js) through a preload in
NODE_OPTIONS; Python (requests, httpx, grpcio) and curl through HTTPS_PROXY, grpc_proxy and
SSL_CERT_FILE / REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE / GRPC_DEFAULT_SSL_ROOTS_FILE_PATH.
See docs/run.md for what it cannot see.

Options:
  --json                 Print the findings, the calls and the tunnels as JSON on stdout
  --upstream URL         Send Clarifai's REST calls here instead (e.g. the emulator, http://127.0.0.1:PORT)
  --grpc-upstream HOST:PORT  Send Clarifai's gRPC calls here instead (plaintext on loopback, TLS elsewhere)
  --project DIR          The folder whose .env files and code the sent values are compared with (default: .)
  --env-file PATH        Also consider this dotenv file (repeatable)
  --no-scan              Do not read the source code
  --verbose              Also print each call as it happens, and keep request bodies (keys masked)
  --ui                   Show the calls live in a browser page on 127.0.0.1 (its address, with a per-run token, is printed); it keeps serving after the command exits, until Ctrl-C
  --ui-exit              With --ui: stop serving the page when the command exits

keydoctor's own lines go to stderr; stdin, stdout and stderr of the command pass through
untouched, and SIGINT/SIGTERM/SIGHUP reach it.

Exit codes: the command's own exit code (128 + N when signal N ended it); 2 when keydoctor
could not start it or the options are wrong.
`,
  async run(values, positionals, ctx) {
    const [cmd, ...args] = positionals;
    if (!cmd) throw usageError('give the command to run after "--", e.g. keydoctor run -- node index.js');
    const upstream = checkUpstream(values.upstream);
    const grpcUpstream = checkGrpcUpstream(values['grpc-upstream']);
    return interceptAndReport(
      {
        cmd,
        args,
        env: ctx.io.env,
        cwd: ctx.io.cwd,
        projectDir: resolve(ctx.io.cwd, typeof values.project === 'string' ? values.project : '.'),
        envFiles: stringList(values['env-file']),
        scan: !values['no-scan'],
        json: Boolean(values.json),
        verbose: Boolean(values.verbose),
        ui: Boolean(values.ui) || Boolean(values['ui-exit']),
        uiExit: Boolean(values['ui-exit']),
        ...(upstream ? { upstream } : {}),
        ...(grpcUpstream ? { grpcUpstream } : {}),
      },
      ctx,
    );
  },
};

export interface InterceptRequest {
  cmd: string;
  args: string[];
  env: Record<string, string | undefined>;
  cwd: string;
  projectDir: string;
  envFiles?: string[];
  scan?: boolean;
  json?: boolean;
  verbose?: boolean;
  upstream?: string;
  grpcUpstream?: string;
  /** Serve the inspector page while the command runs (and after, until Ctrl-C unless uiExit). */
  ui?: boolean;
  uiExit?: boolean;
  /** Route the command's stdout/stderr through keydoctor's redacting writers (the demo only; `run` passes them through untouched). */
  redactOutput?: boolean;
}

/** Runs the command under the proxy, judges what it sent, reports (stderr, or JSON on stdout) and returns the command's exit code. */
export async function interceptAndReport(req: InterceptRequest, ctx: CommandContext): Promise<number> {
  const { cmd, args, upstream, grpcUpstream } = req;
  // The proxy, the certificates and the report are loaded only for `run`.
  const [{ supervise }, { diagnoseRun }, { runNotes }, { COVERED_RUNTIMES }, { registerSent }] = await Promise.all([
    import('../../intercept/supervise.js'),
    import('../../intercept/diagnose.js'),
    import('../../intercept/report.js'),
    import('../../intercept/child-env.js'),
    import('../../intercept/evidence.js'),
  ]);
  const commandLine = [cmd, ...args].map(shellWord).join(' ');
  const bases = { rest: upstream ?? 'https://api.clarifai.com', grpc: grpcUpstream ?? 'api.clarifai.com:443' };
  const diagnoseOptions = { projectDir: req.projectDir, cwd: req.cwd, env: req.env, ...(req.envFiles ? { envFiles: req.envFiles } : {}), scan: req.scan !== false, bases };
  // The page's server and model load only with --ui: `run` alone starts as fast as before.
  const inspector = req.ui ? await (await import('../../inspector/index.js')).startRunInspector(commandLine, diagnoseOptions, ctx.redactor) : undefined;
  if (inspector) ctx.err(`keydoctor run: inspector at ${inspector.url}\n`);
  const printCall = req.verbose
    ? (c: InterceptedCall) => {
        // The redactor learns the values as they are seen, so even this early line shows them masked.
        for (const cred of c.credentials) registerSent(ctx.redactor, cred.value);
        const what = c.transport === 'grpc' ? `gRPC ${c.rpc}` : `${c.method} ${c.host}${c.path.replace(/\?.*$/u, '')}`;
        const answer = c.status ? `${c.status.code} ${c.status.description}` : (c.error ?? `HTTP ${c.httpStatus}`);
        ctx.err(`keydoctor run: ${what} → ${answer}\n${c.requestBody ? `  body: ${c.requestBody.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/gu, '?').slice(0, 2000)}\n` : ''}`);
      }
    : undefined;
  const result = await supervise({
    command: cmd,
    args,
    env: req.env,
    cwd: req.cwd,
    ...(upstream ? { upstream } : {}),
    ...(grpcUpstream ? { grpcUpstream } : {}),
    ...(req.verbose || inspector ? { keepBodies: true } : {}),
    ...(inspector ? { keepAnswers: true } : {}),
    ...(req.redactOutput ? { output: { out: ctx.out, err: ctx.err } } : {}),
    onReady: ({ proxyPort, startedAt }) => {
      inspector?.started(startedAt);
      ctx.err(
        `keydoctor run: watching Clarifai calls of \`${commandLine}\` through 127.0.0.1:${proxyPort}${upstream || grpcUpstream ? ` (sent on to ${[upstream, grpcUpstream].filter(Boolean).join(' and ')})` : ''}.\n` +
          `keydoctor run: covered: ${COVERED_RUNTIMES}.\n`,
      );
    },
    ...(printCall || inspector
      ? {
          onCall: (c) => {
            printCall?.(c);
            inspector?.add(c);
          },
        }
      : {}),
  }).catch(async (error: unknown) => {
    await inspector?.close();
    throw error;
  });
  // With the page open, its final state is the diagnosis the report prints (the folder was read once, for both).
  const diagnosis = inspector
    ? await inspector.finish({ exitCode: result.exitCode, ...(result.signal ? { signal: result.signal } : {}) }, result.calls)
    : await diagnoseRun(result.calls, diagnoseOptions, ctx.redactor);
  const live = diagnosis.result.evidence.live!;
  const notes = runNotes(result, live, diagnosis.sent, commandLine);
  const data = {
    command: commandLine,
    exitCode: result.exitCode,
    ...(result.signal ? { signal: result.signal } : {}),
    durationMs: result.durationMs,
    sent: diagnosis.sent,
    exchanges: live.exchanges.map((e) => (e.sentAuthorization ? { ...e, sentAuthorization: { name: e.sentAuthorization.name, value: shownAuthorization(e.sentAuthorization.value.reveal()) } } : e)),
    targets: live.targets,
    tunnels: result.tunnels,
    refusedConnections: result.refused,
  };
  const report = reportOf(diagnosis.result, { notes, data });
  if (req.json) ctx.out(jsonReporter(report, { color: false, unicode: false }));
  else ctx.err(`\n${terminalReporter(report, { color: errColor(ctx), unicode: ctx.unicode })}`);
  if (inspector) {
    if (!req.uiExit) {
      // The point of the page is to look at it after the run: it stays until the user says stop.
      ctx.err(`keydoctor run: the command has exited; the inspector keeps serving at ${inspector.url}\nkeydoctor run: press Ctrl-C to stop it (or pass --ui-exit next time).\n`);
      await new Promise<void>((resolve) => ctx.io.onStop(() => resolve()));
    }
    await inspector.close();
  }
  return result.exitCode;
}

/** The report goes to stderr, so colour follows stderr's terminal, not stdout's. */
function errColor(ctx: CommandContext): boolean {
  return ctx.io.stderrIsTTY && !('NO_COLOR' in ctx.io.env) && ctx.io.env.TERM !== 'dumb';
}
