// The REST transport: sends one probe to the configured base with undici (through the user's proxy when one applies).
import type { Dispatcher } from 'undici';
import { Redactor } from '../core/secret.js';
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

export async function createRestTransport(options: RestTransportOptions): Promise<Transport> {
  // Loaded here, not at the top: the offline `check` never pays for the HTTP client.
  const undici = await import('undici');
  const base = options.base.replace(/\/+$/u, '');
  const connect = { timeout: options.timeoutMs };
  const dispatcher: Dispatcher = options.proxy
    ? new undici.ProxyAgent({ uri: options.proxy, connect, proxyTls: connect, requestTls: connect })
    : new undici.Agent({ connect });
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
      const timeout = AbortSignal.timeout(options.timeoutMs);
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
      try {
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
        const { text } = await readCapped(res.body);
        const contentType = headerValue(res.headers['content-type']);
        const retryAfter = headerValue(res.headers['retry-after']);
        const out: WireResponse = { httpStatus: res.statusCode, ...(contentType ? { contentType } : {}), ...(retryAfter ? { retryAfter } : {}) };
        try {
          out.json = JSON.parse(text);
        } catch {
          // The key this request carried is masked before the cut, or a cut key would slip past every redactor.
          const sent = new Redactor();
          sent.add(req.authorization);
          out.text = sent.redact(text.slice(0, 64 * 1024)).slice(0, 400);
        }
        return out;
      } catch (error) {
        const classified = classifyNetworkError(error);
        // Through a proxy, a refused or unknown host is the proxy's (the API host is the proxy's business).
        if (viaProxy && (classified.kind === 'refused' || classified.kind === 'dns')) {
          return { error: { ...classified, kind: 'proxy', message: `the proxy ${viaProxy} could not be reached: ${classified.message}` } };
        }
        return { error: classified };
      }
    },
    async close() {
      await dispatcher.close().catch(() => undefined);
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
