// The REST transport: sends one probe to the configured base with undici (through the user's proxy when one applies).
import type { Dispatcher } from 'undici';
import { Redactor } from '../core/secret.js';
import { jsonTooDeep, MAX_JSON_DEPTH } from './json-depth.js';
import { classifyNetworkError, type Transport, type WireRequest, type WireResponse } from './types.js';

export interface RestTransportOptions {
  /** The origin probes go to, e.g. `https://api.clarifai.com` (no trailing `/v2`). */
  base: string;
  timeoutMs: number;
  /** A proxy URL to go through (already decided against NO_PROXY by the caller). */
  proxy?: string;
}

/** Bodies beyond this are not Clarifai's answers to the probes; reading stops there. */
const MAX_BODY_BYTES = 1024 * 1024;

function shellQuote(s: string): string {
  return `'${s.replace(/'/gu, `'\\''`)}'`;
}

function headerValue(h: string | string[] | undefined): string | undefined {
  return Array.isArray(h) ? h[0] : h;
}

async function readCapped(body: AsyncIterable<Buffer | string> & { destroy?: () => void }): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    chunks.push(b);
    size += b.length;
    if (size > MAX_BODY_BYTES) {
      body.destroy?.();
      return { text: Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8'), truncated: true };
    }
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated: false };
}

/** Connections one request may open (the first and two retries); a server that closes at once cannot make a storm. */
const MAX_CONNECTS = 3;
const RETRY_DELAY_MS = 100;

/**
 * undici retries a connection that a socket error ended (a proxy that reads CONNECT and hangs up) for as long as the
 * request is queued, and a queued request ignores its abort signal: left alone that is thousands of connections a
 * second and a check that outlives --timeout. Each request therefore gets its own dispatcher whose connector opens at
 * most MAX_CONNECTS connections, backed off, and the dispatcher is destroyed when the request's deadline passes.
 */
function boundedConnector(connect: ConnectorFn): { connector: ConnectorFn; attempts: () => number } {
  let attempts = 0;
  const connector: ConnectorFn = (opts, callback) => {
    attempts++;
    if (attempts > MAX_CONNECTS) {
      callback(Object.assign(new Error(`the connection was closed ${MAX_CONNECTS} times before an answer; keydoctor stopped retrying`), { code: 'KD_CONNECT_GAVE_UP' }), null);
      return;
    }
    if (attempts === 1) connect(opts, callback);
    else setTimeout(() => connect(opts, callback), RETRY_DELAY_MS * 2 ** (attempts - 2));
  };
  return { connector, attempts: () => attempts };
}

type ConnectorFn = (options: never, callback: (error: Error | null, socket: unknown) => void) => void;

export async function createRestTransport(options: RestTransportOptions): Promise<Transport> {
  // Loaded here, not at the top: the offline `check` never pays for the HTTP client.
  const undici = await import('undici');
  const base = options.base.replace(/\/+$/u, '');
  const connect = { timeout: options.timeoutMs };
  const newDispatcher = (): Dispatcher => {
    if (!options.proxy) return new undici.Agent({ connect: boundedConnector(undici.buildConnector(connect) as unknown as ConnectorFn).connector as never });
    return new undici.ProxyAgent({
      uri: options.proxy,
      connect,
      proxyTls: connect,
      requestTls: connect,
      // The client that talks to the proxy itself: bounded connections, and no 5-minute wait for a CONNECT answer.
      clientFactory: (origin: URL, opts: object) =>
        new undici.Pool(origin, { ...opts, headersTimeout: options.timeoutMs, connect: boundedConnector((opts as { connect: ConnectorFn }).connect).connector as never }),
    });
  };
  const url = (req: WireRequest) => `${base}${req.path}`;
  const viaProxy = options.proxy ? redactUrlCredentials(options.proxy) : undefined;

  return {
    kind: 'rest',
    ...(viaProxy ? { viaProxy } : {}),
    describe: (req) => ({ method: req.method, url: url(req) }),
    reproduce(req, authExpression) {
      const parts = ['curl', '-sS', '-X', req.method, shellQuote(url(req)), '-H', `"Authorization: ${authExpression}"`];
      if (req.body !== undefined) parts.push('-H', shellQuote('Content-Type: application/json'), '--data', shellQuote(JSON.stringify(req.body)));
      if (viaProxy) parts.push('--proxy', shellQuote(viaProxy));
      return parts.join(' ');
    },
    async send(req, signal) {
      // A timer of our own, not AbortSignal.timeout: that one does not keep the process alive while a request waits.
      const timer = new AbortController();
      const timeoutTimer = setTimeout(() => timer.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), options.timeoutMs);
      const combined = signal ? AbortSignal.any([signal, timer.signal]) : timer.signal;
      const dispatcher = newDispatcher();
      // The deadline is enforced here, not left to undici: a request still waiting for a connection ignores it.
      let onAbort: () => void = () => {};
      const deadline = new Promise<never>((_, reject) => {
        onAbort = () => reject(combined.reason);
        if (combined.aborted) onAbort();
        else combined.addEventListener('abort', onAbort, { once: true });
      });
      deadline.catch(() => undefined);
      try {
        const exchange = (async () => {
          const res = await undici.request(url(req), {
            method: req.method as Dispatcher.HttpMethod,
            headers: {
              authorization: req.authorization,
              accept: 'application/json',
              ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
            dispatcher,
            signal: combined,
            headersTimeout: options.timeoutMs,
            bodyTimeout: options.timeoutMs,
          });
          return { res, body: await readCapped(res.body) };
        })();
        exchange.catch(() => undefined);
        const { res, body } = await Promise.race([exchange, deadline]);
        const { text } = body;
        const contentType = headerValue(res.headers['content-type']);
        const retryAfter = headerValue(res.headers['retry-after']);
        const out: WireResponse = { httpStatus: res.statusCode, ...(contentType ? { contentType } : {}), ...(retryAfter ? { retryAfter } : {}) };
        const asText = (prefix = '') => {
          // The key this request carried is masked before the cut, or a cut key would slip past every redactor.
          const sent = new Redactor();
          sent.add(req.authorization);
          out.text = prefix + sent.redact(text.slice(0, 64 * 1024)).slice(0, 400);
        };
        // A body nested past any real answer is kept as text: parsing it would hand every later step a stack overflow.
        if (jsonTooDeep(text)) asText(`(JSON nested more than ${MAX_JSON_DEPTH} levels deep) `);
        else {
          try {
            out.json = JSON.parse(text);
          } catch {
            asText();
          }
        }
        return out;
      } catch (error) {
        const classified = classifyNetworkError(error);
        // Through a proxy, a refused or unknown host is the proxy's (the API host is the proxy's business).
        if (viaProxy && (classified.kind === 'refused' || classified.kind === 'dns' || classified.code === 'KD_CONNECT_GAVE_UP')) {
          return { error: { ...classified, kind: 'proxy', message: `the proxy ${viaProxy} could not be reached: ${classified.message}` } };
        }
        return { error: classified };
      } finally {
        clearTimeout(timeoutTimer);
        combined.removeEventListener('abort', onAbort);
        // destroy, not close: close waits for queued requests, which is the hang this avoids.
        void dispatcher.destroy().catch(() => undefined);
      }
    },
    async close() {
      /* each request closed its own dispatcher */
    },
  };
}

/** `http://user:secret@proxy:3128` → `http://proxy:3128`. */
export function redactUrlCredentials(raw: string): string {
  try {
    const u = new URL(raw);
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/u, '');
  } catch {
    return raw.replace(/\/\/[^@/]*@/u, '//');
  }
}
