// The gRPC transport: calls one RPC with Clarifai's own stub (clarifai-nodejs-grpc and the grpc-js it re-exports).
import { createRequire } from 'node:module';
import { classifyNetworkError, type Transport, type WireError, type WireRequest, type WireResponse } from './types.js';

export interface GrpcTransportOptions {
  /** host:port, no scheme. */
  target: string;
  tls: boolean;
  timeoutMs: number;
}

interface GrpcModule {
  ClarifaiStub: { grpc(base?: string): GrpcClient };
  grpc: {
    Metadata: new () => { set(key: string, value: string): void };
    credentials: { createInsecure(): unknown; createSsl(): unknown };
    status: Record<string, number>;
  };
}

type Callback = (err: (Error & { code?: number; details?: string }) | null, response?: Record<string, unknown>) => void;
interface GrpcClient {
  [rpc: string]: unknown;
  close(): void;
}

let loaded: GrpcModule | undefined;
function loadClarifai(): GrpcModule {
  // Clarifai's README warns that a separately required grpc-js breaks its Metadata; use the one it exports.
  loaded ??= createRequire(import.meta.url)('clarifai-nodejs-grpc') as GrpcModule;
  return loaded;
}

/** The Clarifai stub class, built once; `ClarifaiStub.grpc()` always uses TLS, so we reuse its constructor. */
function makeClient(mod: GrpcModule, target: string, tls: boolean): GrpcClient {
  const template = mod.ClarifaiStub.grpc(target);
  const Client = template.constructor as new (target: string, creds: unknown, options: Record<string, unknown>) => GrpcClient;
  template.close();
  return new Client(target, tls ? mod.grpc.credentials.createSsl() : mod.grpc.credentials.createInsecure(), {
    // The user's app may honour https_proxy for gRPC; keydoctor talks to the base directly and says so (docs/live.md).
    'grpc.enable_http_proxy': 0,
    'grpc.max_receive_message_length': 16 * 1024 * 1024,
  });
}

function classifyGrpcError(err: Error & { code?: number; details?: string }, status: Record<string, number>): WireError {
  const details = err.details ?? err.message;
  const code = err.code !== undefined ? Object.entries(status).find(([, v]) => v === err.code)?.[0] : undefined;
  const base = { message: details, ...(code ? { code } : {}) };
  if (err.code === status.DEADLINE_EXCEEDED) return { ...base, kind: 'timeout' };
  if (err.code === status.CANCELLED) return { ...base, kind: 'timeout' };
  if (/ENOTFOUND|EAI_AGAIN|Name resolution failed|DNS resolution failed/iu.test(details)) return { ...base, kind: 'dns' };
  if (/ECONNREFUSED/u.test(details)) return { ...base, kind: 'refused' };
  if (/certificate|SSL|TLS|self[- ]signed|wrong version number/iu.test(details)) return { ...base, kind: 'tls' };
  if (/ECONNRESET|Connection dropped|socket hang up|Received RST_STREAM|protocol error/iu.test(details)) return { ...base, kind: 'reset' };
  // UNIMPLEMENTED and friends: something answered gRPC, but it is not Clarifai's V2 service.
  if (err.code === status.UNIMPLEMENTED) return { ...base, kind: 'non-clarifai-body' };
  return { ...base, kind: 'other' };
}

export async function createGrpcTransport(options: GrpcTransportOptions): Promise<Transport> {
  const mod = loadClarifai();
  const client = makeClient(mod, options.target, options.tls);
  const methodPath = (req: WireRequest) => `/clarifai.api.V2/${req.rpc ?? 'unknown'}`;
  return {
    kind: 'grpc',
    describe: (req) => ({ method: 'gRPC', url: `${options.target}${methodPath(req)}` }),
    reproduce(req, authExpression) {
      const message = JSON.stringify({ ...(req.body ?? {}), ...(req.grpcRequest ?? {}) });
      return [
        'grpcurl',
        ...(options.tls ? [] : ['-plaintext']),
        '-import-path node_modules/clarifai-nodejs-grpc/proto -proto clarifai/api/service.proto',
        `-H "authorization: ${authExpression}"`,
        `-d '${message.replace(/'/gu, `'\\''`)}'`,
        options.target,
        `clarifai.api.V2/${req.rpc ?? 'unknown'}`,
      ].join(' ');
    },
    send(req, signal) {
      return new Promise<WireResponse>((resolve) => {
        const method = req.rpc ? client[req.rpc] : undefined;
        if (typeof method !== 'function') {
          resolve({ error: { kind: 'other', message: `the Clarifai gRPC stub has no method ${req.rpc ?? '(none)'}` } });
          return;
        }
        let metadata: InstanceType<GrpcModule['grpc']['Metadata']>;
        try {
          metadata = new mod.grpc.Metadata();
          metadata.set('authorization', req.authorization);
        } catch (error) {
          // grpc-js refuses metadata values with control characters (a trailing newline): nothing is sent.
          resolve({ error: { kind: 'cannot-send', message: error instanceof Error ? error.message : String(error) } });
          return;
        }
        const message = { ...(req.body ?? {}), ...(req.grpcRequest ?? {}) };
        let call: { cancel(): void } | undefined;
        const onAbort = () => call?.cancel();
        signal?.addEventListener('abort', onAbort, { once: true });
        try {
          call = (method as (m: unknown, md: unknown, o: unknown, cb: Callback) => { cancel(): void }).call(
            client,
            message,
            metadata,
            { deadline: Date.now() + options.timeoutMs },
            (err, response) => {
              signal?.removeEventListener('abort', onAbort);
              if (err) resolve({ error: classifyGrpcError(err, mod.grpc.status) });
              else resolve({ json: response ?? {} });
            },
          );
        } catch (error) {
          signal?.removeEventListener('abort', onAbort);
          resolve({ error: classifyNetworkError(error) });
        }
      });
    },
    async close() {
      client.close();
    },
  };
}
