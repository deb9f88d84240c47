// The loopback proxy of `keydoctor run`: TLS to Clarifai's API hosts is terminated, recorded and re-originated; every other host is a blind tunnel.
import { createServer as createHttpServer, request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as http2Connect, createServer as createHttp2Server, type ClientHttp2Session, type IncomingHttpHeaders, type ServerHttp2Stream } from 'node:http2';
import { connect as netConnect, type AddressInfo, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Secret } from '../core/secret.js';
import type { ClarifaiStatus } from '../types/live-evidence.js';
import type { RunCa } from './ca.js';
import { isInterceptedHost } from './hosts.js';
import { firstGrpcMessage, grpcRequestFields, grpcResponseStatus, restRequestFields, restResponseStatus, type BodyFields } from './wire.js';

/** One request the app sent to a Clarifai API host, and what came back. Secrets only as `Secret`. */
export interface InterceptedCall {
  transport: 'rest' | 'grpc';
  protocol: 'HTTP/1.1' | 'HTTP/2';
  host: string;
  method: string;
  /** The path as sent, query included. */
  path: string;
  /** For gRPC: the method name (`PostModelOutputs`). */
  rpc?: string;
  /** The credential headers as sent: name exactly as written on the wire (HTTP/2 lowercases every name), value unchanged. */
  credentials: { name: string; value: Secret }[];
  /** Every other request header as sent (name, value), for the inspector page; shown only after masking. */
  otherHeaders?: [string, string][];
  fields: BodyFields;
  httpStatus?: number;
  status?: ClarifaiStatus;
  grpcStatus?: number;
  grpcMessage?: string;
  contentType?: string;
  /** Set when no answer came back from the upstream. */
  error?: string;
  /** Where the call was sent instead of the host it named (`--upstream`), for the report. */
  upstream: string;
  /** Milliseconds since the proxy started. */
  startMs: number;
  endMs: number;
  /** The request body (first 64 KiB), only when asked for (--verbose); the caller masks it before showing it. */
  requestBody?: string;
  /** The first 4 KiB of a REST answer, only when asked for (the inspector page); the caller masks it before showing it. */
  answerSnippet?: string;
}

/** A connection to a host that is not Clarifai's, passed through without being read. */
export interface Tunnel {
  host: string;
  port: number;
  bytesUp: number;
  bytesDown: number;
  error?: string;
}

export interface ProxyOptions {
  ca: RunCa;
  /** Send Clarifai's REST traffic here (an origin: `http://127.0.0.1:8080`) instead of to the host it named. */
  upstream?: string;
  /** Send Clarifai's gRPC traffic here (`host:port`; plaintext h2c on loopback, TLS elsewhere). */
  grpcUpstream?: string;
  keepBodies?: boolean;
  /** Keep the start of each REST answer (the inspector page shows Clarifai's answer). */
  keepAnswers?: boolean;
  onCall?: (call: InterceptedCall) => void;
}

export interface RunningProxy {
  /** `http://keydoctor:<token>@127.0.0.1:<port>`: the token keeps other local processes out. */
  url: string;
  port: number;
  token: string;
  /** Epoch milliseconds when the proxy started: the origin of every call's startMs and endMs. */
  startedAt: number;
  calls: InterceptedCall[];
  tunnels: Tunnel[];
  /** Connections refused for a missing or wrong token. */
  refused: number;
  close(): Promise<void>;
}

/** Bodies are read up to this much for the fields that matter; the rest streams through unread. */
const PEEK_BYTES = 1024 * 1024;
const KEEP_BODY_BYTES = 64 * 1024;
const KEEP_ANSWER_BYTES = 4 * 1024;
const CREDENTIAL_HEADERS = new Set(['authorization', 'x-clarifai-session-token', 'x-api-key', 'api-key']);
/** Connection-level headers that belong to one hop only (RFC 9110 §7.6.1, RFC 9113 §8.2.2). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authorization', 'proxy-connection', 'transfer-encoding', 'upgrade', 'host', 'http2-settings']);

function tee(body: Readable, limit: number): { chunks: Buffer[]; size: () => number } {
  const chunks: Buffer[] = [];
  let size = 0;
  body.on('data', (c: Buffer) => {
    if (size < limit) chunks.push(c.subarray(0, limit - size));
    size += c.length;
  });
  return { chunks, size: () => size };
}

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/gu, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/u.test(h);
}

function splitHostPort(target: string, defaultPort: number): { host: string; port: number } {
  const m = /^\[([^\]]+)\](?::(\d+))?$/u.exec(target) ?? /^([^:]+)(?::(\d+))?$/u.exec(target);
  if (!m) return { host: target, port: defaultPort };
  return { host: m[1]!, port: m[2] ? Number(m[2]) : defaultPort };
}

/** Incoming request in one shape for HTTP/1.1 and HTTP/2. */
interface Incoming {
  protocol: InterceptedCall['protocol'];
  host: string;
  method: string;
  path: string;
  /** Name as sent, value. */
  headers: [string, string][];
  body: Readable;
}

/** Where the answer goes, for HTTP/1.1 and HTTP/2 alike. */
interface Outgoing {
  respond(status: number, headers: OutgoingHttpHeaders, opts: { trailers: boolean; endStream?: boolean }): void;
  write(chunk: Buffer): void;
  end(trailers?: OutgoingHttpHeaders): void;
  fail(): void;
}

function h1Outgoing(res: ServerResponse): Outgoing {
  return {
    respond: (status, headers) => res.writeHead(status, headers),
    write: (c) => void res.write(c),
    end: (trailers) => {
      if (trailers) res.addTrailers(trailers as Record<string, string>);
      res.end();
    },
    fail: () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('keydoctor run: the upstream did not answer\n');
    },
  };
}

function h2Outgoing(stream: ServerHttp2Stream): Outgoing {
  let pendingTrailers: OutgoingHttpHeaders = {};
  return {
    respond: (status, headers, { trailers, endStream }) => {
      if (stream.destroyed) return;
      stream.respond({ ...headers, ':status': status }, { waitForTrailers: trailers && !endStream, endStream: Boolean(endStream) });
      if (trailers) stream.once('wantTrailers', () => stream.sendTrailers(pendingTrailers as Record<string, string>));
    },
    write: (c) => void (stream.destroyed || stream.write(c)),
    end: (trailers) => {
      if (trailers) pendingTrailers = trailers;
      if (!stream.destroyed && !stream.writableEnded) stream.end();
    },
    fail: () => {
      if (stream.destroyed) return;
      if (!stream.headersSent) stream.respond({ ':status': 502, 'content-type': 'text/plain' });
      stream.end('keydoctor run: the upstream did not answer\n');
    },
  };
}

function forwardHeaders(incoming: Incoming): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of incoming.headers) {
    const lower = name.toLowerCase();
    if (lower.startsWith(':') || HOP_BY_HOP.has(lower)) continue;
    // Keep the case the client wrote (HTTP/1.1 upstreams see what the app sent); join repeats as Node would.
    const prev = out[name];
    out[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [String(prev), value];
  }
  return out;
}

function responseHeaders(headers: IncomingHttpHeaders | IncomingMessage['headers']): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(headers)) if (!k.startsWith(':') && !HOP_BY_HOP.has(k) && v !== undefined) out[k] = v;
  return out;
}

export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  const started = performance.now();
  const startedAt = Date.now();
  const now = () => Math.round((performance.now() - started) * 10) / 10;
  const token = randomBytes(18).toString('base64url');
  const expected = Buffer.from(`Basic ${Buffer.from(`keydoctor:${token}`).toString('base64')}`);
  const calls: InterceptedCall[] = [];
  const tunnels: Tunnel[] = [];
  const sockets = new Set<Socket>();
  const sessions = new Map<string, ClientHttp2Session>();
  let refused = 0;

  const authorized = (req: IncomingMessage): boolean => {
    const got = Buffer.from(req.headers['proxy-authorization'] ?? '');
    const ok = got.length === expected.length && timingSafeEqual(got, expected);
    if (!ok) refused++;
    return ok;
  };

  const restUpstream = (host: string): URL => new URL(options.upstream ?? `https://${host}`);
  const grpcUpstream = (host: string): string => {
    if (!options.grpcUpstream) return `https://${host}`;
    const { host: h, port } = splitHostPort(options.grpcUpstream, 443);
    return `${isLoopback(h) ? 'http' : 'https'}://${h.includes(':') ? `[${h}]` : h}:${port}`;
  };

  const record = (incoming: Incoming, transport: InterceptedCall['transport'], upstream: string): InterceptedCall => {
    const call: InterceptedCall = {
      transport,
      protocol: incoming.protocol,
      host: incoming.host,
      method: transport === 'grpc' ? 'gRPC' : incoming.method,
      path: incoming.path,
      credentials: incoming.headers.filter(([n]) => CREDENTIAL_HEADERS.has(n.toLowerCase())).map(([name, value]) => ({ name, value: new Secret(value) })),
      otherHeaders: incoming.headers.filter(([n]) => !CREDENTIAL_HEADERS.has(n.toLowerCase())),
      fields: {},
      upstream,
      startMs: now(),
      endMs: 0,
    };
    if (transport === 'grpc') call.rpc = incoming.path.replace(/^\/[^/]*\//u, '');
    return call;
  };

  const finish = (call: InterceptedCall) => {
    call.endMs = now();
    calls.push(call);
    options.onCall?.(call);
  };

  /** REST (HTTP/1.1 or HTTP/2 from the client): re-sent as HTTP/1.1 to the REST upstream. */
  const forwardRest = (incoming: Incoming, out: Outgoing) => {
    const base = restUpstream(incoming.host);
    const call = record(incoming, 'rest', base.origin);
    const reqBody = tee(incoming.body, PEEK_BYTES);
    const headers = forwardHeaders(incoming);
    const send = base.protocol === 'http:' ? httpRequest : httpsRequest;
    const upstream = send(
      {
        protocol: base.protocol,
        hostname: base.hostname.replace(/^\[|\]$/gu, ''),
        port: base.port || (base.protocol === 'http:' ? 80 : 443),
        method: incoming.method,
        path: `${base.pathname.replace(/\/$/u, '')}${incoming.path}`,
        headers: { ...headers, host: base.host },
        // Full verification of the real host: the app trusts keydoctor only because keydoctor checks Clarifai for it.
        ...(base.protocol === 'https:' ? { servername: base.hostname, rejectUnauthorized: true } : {}),
      },
      (res) => {
        call.httpStatus = res.statusCode ?? 0;
        const type = res.headers['content-type'];
        if (type) call.contentType = type;
        const resBody = tee(res, PEEK_BYTES);
        out.respond(res.statusCode ?? 502, responseHeaders(res.headers), { trailers: false });
        res.on('data', (c: Buffer) => out.write(c));
        res.on('end', () => {
          const answer = Buffer.concat(resBody.chunks);
          const status = restResponseStatus(answer);
          if (status) call.status = status;
          if (options.keepAnswers) call.answerSnippet = answer.subarray(0, KEEP_ANSWER_BYTES).toString('utf8');
          out.end();
          finish(call);
        });
        res.on('error', () => out.fail());
      },
    );
    upstream.on('error', (error) => {
      call.error = `${(error as NodeJS.ErrnoException).code ?? 'error'}: ${error.message}`;
      out.fail();
      finish(call);
    });
    incoming.body.on('end', () => {
      const body = Buffer.concat(reqBody.chunks);
      call.fields = restRequestFields(body);
      if (options.keepBodies) call.requestBody = body.subarray(0, KEEP_BODY_BYTES).toString('utf8');
    });
    incoming.body.pipe(upstream);
  };

  const session = (origin: string): ClientHttp2Session => {
    let s = sessions.get(origin);
    if (!s || s.closed || s.destroyed) {
      s = http2Connect(origin);
      s.on('error', () => sessions.delete(origin));
      s.on('close', () => sessions.delete(origin));
      sessions.set(origin, s);
    }
    return s;
  };

  /** gRPC: one HTTP/2 stream in, one stream out to the gRPC upstream, trailers and all. */
  const forwardGrpc = (incoming: Incoming, out: Outgoing) => {
    const origin = grpcUpstream(incoming.host);
    const call = record(incoming, 'grpc', origin.replace(/^https?:\/\//u, ''));
    const reqBody = tee(incoming.body, PEEK_BYTES);
    const url = new URL(origin);
    let up;
    try {
      up = session(origin).request({ ...forwardHeaders(incoming), ':method': 'POST', ':path': incoming.path, ':authority': url.host, ':scheme': url.protocol.slice(0, -1) });
    } catch (error) {
      call.error = error instanceof Error ? error.message : String(error);
      out.respond(200, { 'content-type': 'application/grpc', 'grpc-status': '14', 'grpc-message': 'keydoctor run: the gRPC upstream is unreachable' }, { trailers: true, endStream: true });
      finish(call);
      return;
    }
    let done = false;
    const settle = (trailers: IncomingHttpHeaders | undefined) => {
      if (done) return;
      done = true;
      if (trailers?.['grpc-status'] !== undefined) call.grpcStatus = Number(trailers['grpc-status']);
      if (typeof trailers?.['grpc-message'] === 'string') call.grpcMessage = decodeURIComponent(trailers['grpc-message']);
      const status = firstGrpcMessage(Buffer.concat(resChunks.chunks));
      const s = status ? grpcResponseStatus(status) : undefined;
      if (s) call.status = s;
      finish(call);
    };
    const resChunks = tee(up, PEEK_BYTES);
    let trailers: IncomingHttpHeaders | undefined;
    up.on('response', (headers) => {
      call.httpStatus = Number(headers[':status'] ?? 0);
      if (typeof headers['content-type'] === 'string') call.contentType = headers['content-type'];
      // Trailers-only answer (an error before any message): the status is in the headers and the stream ends with them.
      const trailersOnly = headers['grpc-status'] !== undefined;
      if (trailersOnly) trailers = headers;
      out.respond(call.httpStatus, responseHeaders(headers), { trailers: true, endStream: trailersOnly });
    });
    up.on('data', (c: Buffer) => out.write(c));
    up.on('trailers', (t) => (trailers = t));
    up.on('end', () => {
      out.end(trailers && trailers !== undefined ? responseHeaders(trailers) : undefined);
      settle(trailers);
    });
    up.on('error', (error) => {
      call.error = error.message;
      out.fail();
      settle(undefined);
    });
    incoming.body.on('end', () => {
      const message = firstGrpcMessage(Buffer.concat(reqBody.chunks));
      if (message) call.fields = grpcRequestFields(message, call.rpc ?? '');
      if (options.keepBodies) call.requestBody = `(${reqBody.size()} bytes of protobuf)`;
    });
    incoming.body.pipe(up);
  };

  const route = (incoming: Incoming, out: Outgoing) => {
    const type = incoming.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';
    if (incoming.protocol === 'HTTP/2' && /^application\/grpc/iu.test(type)) forwardGrpc(incoming, out);
    else forwardRest(incoming, out);
  };

  const rawPairs = (raw: string[]): [string, string][] => {
    const out: [string, string][] = [];
    for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!]);
    return out;
  };

  // Decrypted HTTP/1.1 from a client inside a CONNECT tunnel to a Clarifai host.
  const inner1 = createHttpServer((req, res) => {
    const host = (req.socket as TLSSocket & { kdHost?: string }).kdHost ?? '';
    route({ protocol: 'HTTP/1.1', host, method: req.method ?? 'GET', path: req.url ?? '/', headers: rawPairs(req.rawHeaders), body: req }, h1Outgoing(res));
  });
  // Decrypted HTTP/2 (gRPC, or REST from a client that negotiated h2).
  const inner2 = createHttp2Server();
  inner2.on('stream', (stream: ServerHttp2Stream, headers: IncomingHttpHeaders, _flags: number, rawHeaders: string[]) => {
    const host = (stream.session?.socket as unknown as { kdHost?: string } | undefined)?.kdHost ?? String(headers[':authority'] ?? '').replace(/:\d+$/u, '');
    route(
      { protocol: 'HTTP/2', host, method: String(headers[':method'] ?? 'GET'), path: String(headers[':path'] ?? '/'), headers: rawPairs(rawHeaders), body: stream },
      h2Outgoing(stream),
    );
  });
  inner2.on('sessionError', () => {});

  // A tls.Server does the handshake (a hand-made TLSSocket handed to an HTTP/2 session never sends its SETTINGS).
  const tlsFront = createTlsServer({ cert: options.ca.leaf.certPem, key: options.ca.leaf.keyPem, ALPNProtocols: ['h2', 'http/1.1'] });
  tlsFront.on('secureConnection', (tls: TLSSocket) => {
    const raw = (tls as TLSSocket & { _parent?: Socket })._parent;
    (tls as TLSSocket & { kdHost?: string }).kdHost = (raw && connectHost.get(raw)) || (typeof tls.servername === 'string' ? tls.servername : '');
    if (tls.alpnProtocol === 'h2') inner2.emit('connection', tls);
    else inner1.emit('connection', tls);
  });
  tlsFront.on('tlsClientError', () => {});
  const connectHost = new WeakMap<Socket, string>();
  const terminate = (socket: Socket, host: string) => {
    connectHost.set(socket, host);
    tlsFront.emit('connection', socket);
  };

  const tunnel = (client: Socket, host: string, port: number, head: Buffer) => {
    const t: Tunnel = { host, port, bytesUp: head.length, bytesDown: 0 };
    tunnels.push(t);
    const server = netConnect({ host, port }, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) server.write(head);
      client.on('data', (c: Buffer) => (t.bytesUp += c.length));
      server.on('data', (c: Buffer) => (t.bytesDown += c.length));
      client.pipe(server);
      server.pipe(client);
    });
    sockets.add(server);
    server.on('close', () => sockets.delete(server));
    server.on('error', (error) => {
      t.error = (error as NodeJS.ErrnoException).code ?? error.message;
      if (!client.destroyed) client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    });
    client.on('error', () => server.destroy());
    client.on('close', () => server.destroy());
  };

  const front = createHttpServer((req, res) => {
    // A forward-proxy request with an absolute URI (axios sends https:// URLs to the proxy this way, without CONNECT).
    if (!authorized(req)) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="keydoctor run"' }).end();
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('keydoctor run: this is a proxy\n');
      return;
    }
    const incoming: Incoming = { protocol: 'HTTP/1.1', host: url.hostname, method: req.method ?? 'GET', path: `${url.pathname}${url.search}`, headers: rawPairs(req.rawHeaders), body: req };
    if (isInterceptedHost(url.hostname)) {
      forwardRest(incoming, h1Outgoing(res));
      return;
    }
    // Another host through a plain forward request: relayed as asked (https:// with full verification), not recorded.
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const up = send(url, { method: incoming.method, headers: { ...forwardHeaders(incoming), host: url.host } }, (r) => {
      res.writeHead(r.statusCode ?? 502, responseHeaders(r.headers));
      r.pipe(res);
    });
    up.on('error', () => h1Outgoing(res).fail());
    req.pipe(up);
  });
  front.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    if (!authorized(req)) {
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="keydoctor run"\r\n\r\n');
      return;
    }
    const { host, port } = splitHostPort(req.url ?? '', 443);
    if (!isInterceptedHost(host)) {
      tunnel(socket, host, port, head);
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    terminate(socket, host.toLowerCase());
  });
  front.on('clientError', (_e, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (front.address() as AddressInfo).port;
  return {
    url: `http://keydoctor:${token}@127.0.0.1:${port}`,
    port,
    token,
    startedAt,
    calls,
    tunnels,
    get refused() {
      return refused;
    },
    async close() {
      for (const s of sessions.values()) s.destroy();
      for (const s of sockets) s.destroy();
      front.closeAllConnections();
      await new Promise<void>((resolve) => front.close(() => resolve()));
      inner1.closeAllConnections();
    },
  };
}
