// A local Clarifai-compatible API (REST and gRPC) that reproduces Clarifai's auth decisions: the library entry point.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isIP } from 'node:net';
import { maskKeyShaped } from '../core/secret.js';
import { KeydoctorError } from '../core/errors.js';
import { Authorizer } from './authorize.js';
import { startGrpc } from './grpc.js';
import type { EmulatorLogEntry } from './log.js';
import { restHandler, type Shared } from './rest.js';
import { loadStateFile, validateState, type EmulatorState, type EmulatorStateInput } from './state.js';
import { DEMO_STATE } from './demo-state.js';

export { DEMO_STATE, DEMO_TOKENS } from './demo-state.js';
export { validateState, loadStateFile, DEFAULT_RATE_LIMIT_RPS, PUBLIC_USER_ID } from './state.js';
export type { EmulatorState, EmulatorStateInput, EmulatorKey, EmulatorUser, KeyType } from './state.js';
export type { EmulatorLogEntry } from './log.js';
export { MAX_BODY_BYTES } from './rest.js';

export interface EmulatorOptions {
  /** A state object (validated here) or the path of a state JSON file. Default: DEMO_STATE. */
  state?: EmulatorState | EmulatorStateInput | string;
  /** Default 127.0.0.1. Anything that is not a loopback address needs allowRemote. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  grpcPort?: number;
  /** Delay every response by this many milliseconds. */
  latencyMs?: number;
  /** Called once per request, after the response is sent; credentials in it are masked. */
  log?: (entry: EmulatorLogEntry) => void;
  /** The clock for activation, expiry, hourly windows and rate limits (epoch ms). Default Date.now. */
  now?: () => number;
  /** Listen on a non-loopback host (it exposes which tokens are valid to the network). */
  allowRemote?: boolean;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT`, no trailing slash: use it as CLARIFAI_API_BASE. */
  restUrl: string;
  /** `127.0.0.1:PORT`: use it as CLARIFAI_GRPC_BASE with an insecure channel. */
  grpcTarget: string;
  close(): Promise<void>;
  /** Operations counted for a user so far (state usage plus successful calls), in this hour and month. */
  usage(userId: string): { hourly_ops: number; monthly_ops: number };
  /** Requests received so far (REST and gRPC, whatever the outcome). */
  readonly requests: number;
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/gu, '');
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  return h === '::1';
}

function portNumber(name: string, v: number | undefined): number {
  const n = v ?? 0;
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new KeydoctorError('KD_ERR_USAGE', `${name} must be a whole number from 0 to 65535, not ${String(v)}.`);
  return n;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && !options.allowRemote) {
    throw new KeydoctorError('KD_ERR_USAGE', `the emulator listens on loopback only; "${host}" is not a loopback address (pass --allow-remote to listen there anyway).`);
  }
  const port = portNumber('port', options.port);
  const grpcPort = portNumber('grpc port', options.grpcPort);
  const latencyMs = options.latencyMs ?? 0;
  if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new KeydoctorError('KD_ERR_USAGE', `latency must be a number of milliseconds ≥ 0, not ${String(options.latencyMs)}.`);
  const state = typeof options.state === 'string' ? loadStateFile(options.state) : validateState(options.state ?? DEMO_STATE);

  const authorizer = new Authorizer(state, options.now ?? Date.now);
  const pending = new Map<NodeJS.Timeout, () => void>();
  let requests = 0;
  const log = options.log;
  const shared: Shared = {
    authorizer,
    latencyMs,
    log: log
      ? (entry) => {
          try {
            // Paths and ids can carry a key (/v2/users/me/keys/<key>, a key pasted as a user id): masked by shape.
            log({
              ...entry,
              ...(entry.path ? { path: maskKeyShaped(entry.path) } : {}),
              ...(entry.user_id ? { user_id: maskKeyShaped(entry.user_id) } : {}),
              ...(entry.app_id ? { app_id: maskKeyShaped(entry.app_id) } : {}),
              reason: maskKeyShaped(entry.reason),
            });
          } catch {
            // A failing log sink must not take the server down with it.
          }
        }
      : undefined,
    later: (fn) => {
      const timer = setTimeout(() => {
        pending.delete(timer);
        fn();
      }, latencyMs);
      pending.set(timer, fn);
    },
    count: () => void requests++,
  };

  const http = createServer({ requestTimeout: 30_000, headersTimeout: 10_000, keepAliveTimeout: 5_000 }, restHandler(shared));
  await new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) =>
      reject(new KeydoctorError('KD_ERR_USAGE', `could not listen for REST on ${host}:${port}: ${error.code === 'EADDRINUSE' ? 'the port is in use' : error.message}`));
    http.once('error', failed);
    http.listen(port, host, () => {
      http.off('error', failed);
      resolve();
    });
  });
  let grpc;
  try {
    grpc = await startGrpc(shared, host, grpcPort);
  } catch (error) {
    http.close();
    throw new KeydoctorError('KD_ERR_USAGE', `could not listen for gRPC on ${host}:${grpcPort}: ${(error as Error).message}`);
  }

  const restPort = (http.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    restUrl: `http://${shownHost}:${restPort}`,
    grpcTarget: `${shownHost}:${grpc.port}`,
    get requests() {
      return requests;
    },
    usage: (userId) => authorizer.usage(userId),
    close() {
      closing ??= (async () => {
        // Delayed responses go out now rather than being dropped, so no client waits on a dead server.
        for (const [timer, fn] of pending) {
          clearTimeout(timer);
          pending.delete(timer);
          fn();
        }
        const restClosed = new Promise<void>((resolve) => http.close(() => resolve()));
        http.closeIdleConnections();
        // A client still sending a request gets a moment, then its connection is cut.
        const cut = setTimeout(() => http.closeAllConnections(), 1000);
        await Promise.all([restClosed, grpc.close()]);
        clearTimeout(cut);
      })();
      return closing;
    },
  };
}
