// The emulator's gRPC side: every V2 RPC from clarifai-nodejs-grpc, answered like Clarifai does (gRPC OK, status inside the message).
import { createRequire } from 'node:module';
import type * as GrpcJs from '@grpc/grpc-js';
import { findRpc, type RpcInfo } from '../providers/clarifai/api-table.js';
import type { Decision } from './authorize.js';
import { successContent, type SuccessContent } from './content.js';
import { maskedCredential } from './log.js';
import { MAX_BODY_BYTES, type Shared } from './rest.js';
import { newRequestId, wireStatus } from './status.js';

// google-protobuf message classes, typed only as far as the emulator uses them.
interface Message {
  setStatus(s: unknown): void;
  [setter: string]: unknown;
}
interface RequestMessage {
  getUserAppId?: () => { getUserId(): string; getAppId(): string } | undefined;
}
interface MethodDefinition {
  path: string;
  requestStream: boolean;
  responseStream: boolean;
  responseType: new () => Message;
}

const require = createRequire(import.meta.url);

interface Protos {
  grpc: typeof GrpcJs;
  service: Record<string, MethodDefinition>;
  Status: new () => { setCode(c: number): unknown; setDescription(d: string): unknown; setDetails(d: string): unknown; setReqId(r: string): unknown };
  App: new () => { setId(v: string): unknown; setUserId(v: string): unknown };
  User: new () => { setId(v: string): unknown };
}

let protos: Protos | undefined;
/** Loaded on first use: the generated service code is large, and REST-only callers should not pay for it. */
function load(): Protos {
  if (protos) return protos;
  const servicePath = require.resolve('clarifai-nodejs-grpc/proto/clarifai/api/service_grpc_pb');
  // The grpc-js instance the generated service code itself uses, so Metadata and codecs always agree.
  const grpc = createRequire(servicePath)('@grpc/grpc-js') as typeof GrpcJs;
  const { V2Service } = require(servicePath) as { V2Service: Record<string, MethodDefinition> };
  const { Status } = require('clarifai-nodejs-grpc/proto/clarifai/api/status/status_pb') as { Status: Protos['Status'] };
  const { App, User } = require('clarifai-nodejs-grpc/proto/clarifai/api/resources_pb') as Pick<Protos, 'App' | 'User'>;
  protos = { grpc, service: V2Service, Status, App, User };
  return protos;
}

function responseMessage(p: Protos, def: MethodDefinition, code: number, details: string | undefined, reqId: string, content: SuccessContent): Message {
  const wire = wireStatus(code, details, reqId);
  const status = new p.Status();
  status.setCode(wire.code);
  status.setDescription(wire.description);
  if (wire.details !== undefined) status.setDetails(wire.details);
  status.setReqId(wire.req_id);
  const msg = new def.responseType();
  msg.setStatus(status);
  const set = (name: string, value: unknown) => {
    if (typeof msg[name] === 'function') (msg[name] as (v: unknown) => void)(value);
  };
  if (content.scopes) set('setScopesList', content.scopes);
  if (content.endpoints) set('setEndpointsList', content.endpoints);
  if (content.app) {
    const app = new p.App();
    app.setId(content.app.id);
    app.setUserId(content.app.user_id);
    set('setApp', app);
  }
  if (content.user) {
    const user = new p.User();
    user.setId(content.user.id);
    set('setUser', user);
  }
  return msg;
}

export interface GrpcServer {
  port: number;
  close(): Promise<void>;
}

export async function startGrpc(shared: Shared, host: string, port: number): Promise<GrpcServer> {
  const p = load();
  const server = new p.grpc.Server({ 'grpc.max_receive_message_length': MAX_BODY_BYTES });
  const implementation: Record<string, (...args: never[]) => void> = {};

  for (const [methodName, def] of Object.entries(p.service)) {
    const name = def.path.slice(def.path.lastIndexOf('/') + 1);
    // Every generated RPC is in the table; the fallback only keeps a newer package from crashing the emulator.
    const rpc: RpcInfo = findRpc(name) ?? { name, authType: 'KeyAuth', scopes: [], requestType: '', responseType: '', requestStream: def.requestStream, responseStream: def.responseStream, bindings: [] };

    const answer = (metadata: GrpcJs.Metadata, request: RequestMessage | undefined, reply: (m: Message) => void) => {
      shared.count();
      const receivedAt = Date.now();
      const reqId = newRequestId();
      const authorization = metadata.get('authorization').map((v) => (typeof v === 'string' ? v : v.toString('utf8')));
      const pair = request?.getUserAppId?.();
      const decision: Decision = shared.authorizer.decide({
        rpc,
        params: {},
        userAppId: pair ? { user_id: pair.getUserId(), app_id: pair.getAppId() } : {},
        authorization,
      });
      const message = decision.ok
        ? responseMessage(p, def, 10000, undefined, reqId, successContent(rpc.name, decision))
        : responseMessage(p, def, decision.code, decision.details, reqId, {});
      const send = () => {
        reply(message);
        shared.log?.({
          time: new Date(receivedAt).toISOString(),
          transport: 'grpc',
          req_id: reqId,
          rpc: rpc.name,
          ...maskedCredential(authorization),
          decision: decision.ok ? 'allow' : 'deny',
          code: decision.code,
          reason: decision.reason,
          ...(decision.ok && decision.userId ? { user_id: decision.userId } : decision.key ? { user_id: decision.key.user_id } : {}),
          ...(decision.ok && decision.appId ? { app_id: decision.appId } : {}),
          received_at: receivedAt,
          responded_at: Date.now(),
        });
      };
      if (shared.latencyMs > 0) shared.later(send);
      else send();
    };

    if (!def.requestStream && !def.responseStream) {
      implementation[methodName] = ((call: GrpcJs.ServerUnaryCall<RequestMessage, Message>, callback: GrpcJs.sendUnaryData<Message>) =>
        answer(call.metadata, call.request, (m) => callback(null, m))) as never;
    } else if (!def.requestStream) {
      implementation[methodName] = ((call: GrpcJs.ServerWritableStream<RequestMessage, Message>) =>
        answer(call.metadata, call.request, (m) => {
          if (call.cancelled) return;
          call.write(m);
          call.end();
        })) as never;
    } else {
      // Client and bidi streams: decide on the first message (its user_app_id), answer once, and end.
      const onFirst = (call: GrpcJs.ServerReadableStream<RequestMessage, Message> | GrpcJs.ServerDuplexStream<RequestMessage, Message>, reply: (m: Message) => void) => {
        let done = false;
        const go = (first: RequestMessage | undefined) => {
          if (done) return;
          done = true;
          call.removeAllListeners('data');
          call.resume();
          answer(call.metadata, first, reply);
        };
        call.on('data', (m: RequestMessage) => go(m));
        call.on('end', () => go(undefined));
        call.on('error', () => {
          done = true;
        });
      };
      implementation[methodName] = (def.responseStream
        ? (call: GrpcJs.ServerDuplexStream<RequestMessage, Message>) =>
            onFirst(call, (m) => {
              if (call.cancelled) return;
              call.write(m);
              call.end();
            })
        : (call: GrpcJs.ServerReadableStream<RequestMessage, Message>, callback: GrpcJs.sendUnaryData<Message>) => onFirst(call, (m) => callback(null, m))) as never;
    }
  }

  server.addService(p.service as unknown as GrpcJs.ServiceDefinition, implementation as unknown as GrpcJs.UntypedServiceImplementation);
  const bound = await new Promise<number>((resolve, reject) => {
    const address = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
    server.bindAsync(address, p.grpc.ServerCredentials.createInsecure(), (error, actual) => (error ? reject(error) : resolve(actual)));
  });
  return {
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        // Graceful first; anything still open after a moment (a stalled stream) is cut.
        const timer = setTimeout(() => server.forceShutdown(), 1000);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}
