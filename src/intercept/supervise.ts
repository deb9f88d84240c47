// Runs the command under the proxy: stdio and signals pass straight through, and the per-run CA is removed on every way out.
import { spawn } from 'node:child_process';
import { constants as osConstants } from 'node:os';
import { KeydoctorError } from '../core/errors.js';
import { createRunCa } from './ca.js';
import { childEnvironment } from './child-env.js';
import { startProxy, type InterceptedCall, type Tunnel } from './proxy.js';

export interface SuperviseOptions {
  command: string;
  args: readonly string[];
  env: Record<string, string | undefined>;
  cwd: string;
  upstream?: string;
  grpcUpstream?: string;
  keepBodies?: boolean;
  keepAnswers?: boolean;
  /** Told once the proxy listens, before the command starts (the CLI says what is covered). */
  onReady?: (info: { proxyPort: number; caDir: string; startedAt: number }) => void;
  onCall?: (call: InterceptedCall) => void;
  /** Instead of passing stdout/stderr through untouched, hand them to these (the demo masks its planted keys this way). */
  output?: { out(text: string): void; err(text: string): void };
}

export interface SuperviseResult {
  /** The command's exit code; 128 + the signal number when a signal ended it (as a shell reports it). */
  exitCode: number;
  signal?: string;
  calls: InterceptedCall[];
  tunnels: Tunnel[];
  /** Connections to the proxy without this run's token. */
  refused: number;
  durationMs: number;
  caDir: string;
}

const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];

export async function supervise(options: SuperviseOptions): Promise<SuperviseResult> {
  const ca = await createRunCa();
  // A synchronous last resort: whatever ends keydoctor short of SIGKILL runs exit handlers.
  const onExit = () => ca.dispose();
  process.once('exit', onExit);
  const proxy = await startProxy({
    ca,
    ...(options.upstream ? { upstream: options.upstream } : {}),
    ...(options.grpcUpstream ? { grpcUpstream: options.grpcUpstream } : {}),
    ...(options.keepBodies ? { keepBodies: true } : {}),
    ...(options.keepAnswers ? { keepAnswers: true } : {}),
    ...(options.onCall ? { onCall: options.onCall } : {}),
  }).catch((error: unknown) => {
    ca.dispose();
    throw error;
  });
  const forwarders = new Map<NodeJS.Signals, () => void>();
  const started = performance.now();
  try {
    const env = childEnvironment(options.env, ca, proxy.url);
    options.onReady?.({ proxyPort: proxy.port, caDir: ca.dir, startedAt: proxy.startedAt });
    const output = options.output;
    const child = spawn(options.command, [...options.args], { cwd: options.cwd, env, stdio: output ? ['inherit', 'pipe', 'pipe'] : 'inherit' });
    if (output) {
      child.stdout!.setEncoding('utf8').on('data', (t: string) => output.out(t));
      child.stderr!.setEncoding('utf8').on('data', (t: string) => output.err(t));
    }
    // Ctrl-C reaches the child (from the terminal directly, and from us when only keydoctor was signalled); keydoctor waits to report.
    for (const signal of FORWARDED) {
      const forward = () => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      };
      forwarders.set(signal, forward);
      process.on(signal, forward);
    }
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      child.once('error', (error: NodeJS.ErrnoException) => {
        reject(
          new KeydoctorError(
            'KD_ERR_USAGE',
            error.code === 'ENOENT' ? `cannot run "${options.command}": no such command (is it on PATH?).` : `cannot run "${options.command}": ${error.message}.`,
          ),
        );
      });
      // 'close' waits for piped output to drain; with inherited stdio it follows 'exit' at once.
      child.once('close', (c, s) => resolve({ code: c, signal: s }));
    });
    // The exit event can come before the proxy has logged the last answer; let in-flight calls settle briefly.
    await new Promise((r) => setTimeout(r, 20));
    const signo = signal ? (osConstants.signals as Record<string, number>)[signal] ?? 0 : 0;
    return {
      exitCode: code ?? 128 + signo,
      ...(signal ? { signal } : {}),
      calls: [...proxy.calls],
      tunnels: [...proxy.tunnels],
      refused: proxy.refused,
      durationMs: Math.round(performance.now() - started),
      caDir: ca.dir,
    };
  } finally {
    for (const [signal, forward] of forwarders) process.off(signal, forward);
    await proxy.close().catch(() => {});
    ca.dispose();
    process.off('exit', onExit);
  }
}
