// Test helpers: an emulator per test on 127.0.0.1 (random ports), a REST caller, and the official gRPC client.
import { createRequire } from 'node:module';
import { after } from 'node:test';
import { startEmulator, type EmulatorLogEntry, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index.js';

export interface Started extends RunningEmulator {
  logs: EmulatorLogEntry[];
}

/** Starts an emulator that the current test file closes when it ends. */
export async function emulator(options: EmulatorOptions = {}): Promise<Started> {
  const logs: EmulatorLogEntry[] = [];
  const e = await startEmulator({ ...options, log: (entry) => logs.push(entry) });
  after(() => e.close());
  return {
    logs,
    restUrl: e.restUrl,
    grpcTarget: e.grpcTarget,
    close: () => e.close(),
    usage: (userId) => e.usage(userId),
    get requests() {
      return e.requests;
    },
  };
}

export interface RestReply {
  http: number;
  headers: Headers;
  status: { code: number; description: string; details?: string; req_id: string };
  body: Record<string, unknown>;
}

export async function rest(
  base: string,
  method: string,
  path: string,
  options: { auth?: string | string[]; body?: unknown; headers?: Record<string, string> } = {},
): Promise<RestReply> {
  const headers = new Headers(options.headers);
  for (const a of typeof options.auth === 'string' ? [options.auth] : (options.auth ?? [])) headers.append('authorization', a);
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  const r = await fetch(base + path, {
    method,
    headers,
    ...(options.body !== undefined ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
  });
  const body = (await r.json()) as Record<string, unknown>;
  return { http: r.status, headers: r.headers, status: body.status as RestReply['status'], body };
}

export const key = (token: string) => `Key ${token}`;

// The official client, with the grpc it re-exports (its README warns against a separately required grpc-js).
const require = createRequire(import.meta.url);
const { ClarifaiStub, grpc } = require('clarifai-nodejs-grpc') as {
  ClarifaiStub: { insecureGrpc(): object };
  grpc: { Metadata: new () => { set(k: string, v: string): void; add(k: string, v: string): void }; credentials: { createInsecure(): unknown } };
};

type Callback = (err: Error | null, response: GrpcResponse) => void;
export interface GrpcResponse {
  status: { code: number; description: string; details: string; req_id: string };
  [field: string]: unknown;
}
type Stub = Record<string, (req: object, metadata: unknown, cb: Callback) => void> & { close(): void };

/** A ClarifaiStub pointed at the emulator: insecureGrpc() builds the stub class, which takes any target. */
export function grpcClient(target: string): {
  call(rpc: string, request: object, auth?: string | string[]): Promise<GrpcResponse>;
  /** A streaming RPC: sends the requests (for client/bidi streams), collects every response message. */
  stream(rpc: string, requests: object[], auth?: string, serverStreamRequest?: object): Promise<GrpcResponse[]>;
  close(): void;
} {
  // The throwaway stub never connects (grpc-js channels are lazy) and is closed at once.
  const template = ClarifaiStub.insecureGrpc() as Stub;
  template.close();
  const V2 = template.constructor as new (target: string, creds: unknown) => Stub;
  const stub = new V2(target, grpc.credentials.createInsecure());
  after(() => stub.close());
  return {
    call: (rpc, request, auth) =>
      new Promise((resolve, reject) => {
        const metadata = new grpc.Metadata();
        for (const a of typeof auth === 'string' ? [auth] : (auth ?? [])) metadata.add('authorization', a);
        stub[rpc]!(request, metadata, (err, response) => (err ? reject(err) : resolve(response)));
      }),
    stream: (rpc, requests, auth, serverStreamRequest) =>
      new Promise((resolve, reject) => {
        const metadata = new grpc.Metadata();
        if (auth) metadata.set('authorization', auth);
        const fn = stub[rpc] as unknown as (...args: unknown[]) => StreamCall;
        const out: GrpcResponse[] = [];
        if (serverStreamRequest) {
          const call = fn.call(stub, serverStreamRequest, metadata);
          call.on('data', (m: GrpcResponse) => out.push(m));
          call.on('end', () => resolve(out));
          call.on('error', reject);
          return;
        }
        // Client streams answer through a callback; bidi streams through 'data' events.
        let call: StreamCall;
        const clientStream = (stub[rpc] as unknown as { responseStream?: boolean }).responseStream === false;
        if (clientStream) call = fn.call(stub, metadata, (err: Error | null, m: GrpcResponse) => (err ? reject(err) : resolve([m])));
        else {
          call = fn.call(stub, metadata);
          call.on('data', (m: GrpcResponse) => out.push(m));
          call.on('end', () => resolve(out));
          call.on('error', reject);
        }
        for (const r of requests) call.write!(r);
        call.end!();
      }),
    close: () => stub.close(),
  };
}

interface StreamCall {
  on(event: string, fn: (...args: never[]) => void): void;
  write?(m: object): void;
  end?(): void;
}
