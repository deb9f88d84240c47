// The emulator's REST side: routes every request through the generated table, then answers with Clarifai's status body.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authorizer, Decision } from './authorize.js';
import { successContent } from './content.js';
import { maskedCredential, type EmulatorLogEntry } from './log.js';
import { pathOfRequest, routeRequest } from './routes.js';
import { httpStatusFor, newRequestId, wireStatus } from './status.js';

/** Request bodies above this are refused with 11100 / HTTP 413 before any JSON parsing. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface Shared {
  authorizer: Authorizer;
  latencyMs: number;
  /** Undefined when nobody listens, so the entry is never built. */
  log: ((entry: EmulatorLogEntry) => void) | undefined;
  /** Delays a response by --latency; cancelled when the emulator closes. */
  later(fn: () => void): void;
  count(): void;
}

type Outcome = { decision?: Decision; code: number; details?: string; reason: string; rpc?: string; http?: number; extra?: object; headers?: Record<string, string>; clientGone?: boolean };

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > MAX_BODY_BYTES) return resolve('too-large');
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.pause();
        resolve('too-large');
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function stringField(o: unknown, k: string): string | undefined {
  const v = o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined;
  return typeof v === 'string' ? v : undefined;
}

export function restHandler(shared: Shared): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    shared.count();
    const receivedAt = Date.now();
    const reqId = newRequestId();
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const path = pathOfRequest(url);
    const authorization = req.headersDistinct.authorization ?? [];
    const finish = (o: Outcome) => {
      const http = o.http ?? httpStatusFor(o.code);
      const body = JSON.stringify({ status: wireStatus(o.code, o.details, reqId), ...o.extra });
      const send = () => {
        // A client that left (aborted, timed out, reset) gets no answer, but its request is still logged: one line per request.
        const gone = res.destroyed;
        if (!gone) {
          res.writeHead(http, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...o.headers });
          res.end(body);
        }
        const d = o.decision;
        shared.log?.({
          time: new Date(receivedAt).toISOString(),
          transport: 'rest',
          req_id: reqId,
          method,
          path,
          ...(o.rpc ? { rpc: o.rpc } : {}),
          ...maskedCredential(authorization),
          decision: o.code === 10000 ? 'allow' : 'deny',
          code: o.code,
          http_status: http,
          reason: gone && !o.clientGone ? `${o.reason} (the client left before the answer)` : o.reason,
          ...(d?.ok && d.userId ? { user_id: d.userId } : d?.key ? { user_id: d.key.user_id } : {}),
          ...(d?.ok && d.appId ? { app_id: d.appId } : {}),
          received_at: receivedAt,
          responded_at: Date.now(),
        });
      };
      if (shared.latencyMs > 0) shared.later(send);
      else send();
    };

    const handle = (raw: Buffer | 'too-large') => {
      if (raw === 'too-large') {
        // The rest of an oversized body is never read, so this connection cannot be reused.
        return finish({ code: 11100, http: 413, details: `request body is larger than ${MAX_BODY_BYTES} bytes`, reason: 'body too large', headers: { connection: 'close' } });
      }
      const route = routeRequest(method, path);
      if (route.kind === 'no-match') {
        const shown = path.length > 200 ? `${path.slice(0, 200)}…` : path;
        return finish({ code: 11101, details: `no API route for ${method} ${shown}. Check the url of your request.`, reason: 'no route matches the path' });
      }
      if (route.kind === 'wrong-method') {
        const allow = route.allowed.join(', ');
        return finish({ code: 11103, details: 'Method Not Allowed', reason: `path exists for ${allow} only`, headers: { allow } });
      }
      let body: unknown;
      if (raw.length > 0) {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          return finish({ code: 11100, details: 'request body is not valid JSON', reason: 'unparseable JSON body', rpc: route.rpc.name });
        }
      }
      const q = url.indexOf('?');
      const query = new URLSearchParams(q >= 0 ? url.slice(q + 1) : '');
      const fromBody = (body as Record<string, unknown> | undefined)?.user_app_id;
      const userAppId = {
        user_id: stringField(fromBody, 'user_id') ?? query.get('user_app_id.user_id') ?? undefined,
        app_id: stringField(fromBody, 'app_id') ?? query.get('user_app_id.app_id') ?? undefined,
      };
      const decision = shared.authorizer.decide({ rpc: route.rpc, binding: route.binding, params: route.params, userAppId, authorization });
      if (!decision.ok) {
        return finish({
          decision,
          code: decision.code,
          details: decision.details,
          reason: decision.reason,
          rpc: route.rpc.name,
          ...(decision.retryAfterS !== undefined ? { headers: { 'retry-after': String(decision.retryAfterS) } } : {}),
        });
      }
      finish({ decision, code: 10000, reason: decision.reason, rpc: route.rpc.name, extra: successContent(route.rpc.name, decision) });
    };

    // Most calls (GETs) have no body: answer them without waiting a turn for a stream that is already empty.
    if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) handle(EMPTY);
    else
      readBody(req).then(handle, () => {
        res.destroy();
        finish({ code: 11100, http: 400, details: 'request body could not be read', reason: 'the client closed the connection while sending the body', clientGone: true });
      });
  };
}

const EMPTY = Buffer.alloc(0);
