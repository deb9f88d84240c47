// The inspector's web server: 127.0.0.1 only, a per-run token on every data request, a Host check, GET only, a strict CSP.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PageRow, PageState } from './model.js';

/** The page's own files, read once; they hold no data (the same in every install), so they reveal nothing. */
const PAGE_DIR = new URL('./inspector-page/', import.meta.url);
const FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
};

export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const SECURITY_HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

export interface Inspector {
  /** `http://127.0.0.1:PORT/#token=…`: the token stays in the fragment, which browsers never send. */
  url: string;
  port: number;
  /** Replaces the whole state; only the rows that changed go out on the event stream. */
  update(state: PageState): void;
  close(): Promise<void>;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, ...extra });
  res.end(body);
}

export async function startInspector(initial: PageState): Promise<Inspector> {
  const files = new Map(Object.entries(FILES).map(([path, f]) => [path, { body: readFileSync(new URL(f.file, PAGE_DIR)), type: f.type }]));
  const token = randomBytes(24).toString('base64url');
  const expected = digest(token);
  let state = initial;
  let rowJson = new Map<number, string>(state.rows.map((r) => [r.id, JSON.stringify(r)]));
  const streams = new Set<ServerResponse>();
  const seen = new WeakMap<PageRow, string>();
  let port = 0;

  // Equal-length digests, compared in constant time: the token's length and prefix leak nothing.
  const hasToken = (req: IncomingMessage, url: URL): boolean => {
    const header = req.headers['x-keydoctor-token'];
    const given = typeof header === 'string' ? header : url.searchParams.get('token') ?? '';
    return timingSafeEqual(digest(given), expected);
  };
  // A page on another site that re-points its own name at 127.0.0.1 (DNS rebinding) sends its own Host: refused.
  const hostOk = (req: IncomingMessage) => req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;

  const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
  const meta = (s: PageState) => ({ ...s, rows: undefined });
  const broadcast = (text: string) => {
    for (const res of streams) res.write(text);
  };

  const server = createServer((req, res) => {
    if (!hostOk(req)) return send(res, 403, 'text/plain; charset=utf-8', 'keydoctor inspector: wrong Host header\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'keydoctor inspector: GET only\n', { allow: 'GET, HEAD' });
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'bad request\n');
    }
    const file = files.get(url.pathname);
    if (file) return send(res, 200, file.type, file.body);
    if (!url.pathname.startsWith('/api/')) return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
    if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', 'keydoctor inspector: GET only\n', { allow: 'GET' });
    if (!hasToken(req, url)) return send(res, 403, 'text/plain; charset=utf-8', 'keydoctor inspector: this run\'s token is missing or wrong\n');
    if (url.pathname === '/api/state') return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(state));
    if (url.pathname === '/api/events') {
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
      res.write(`retry: 2000\n${event('snapshot', state)}`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
  });
  server.on('clientError', (_e, socket) => socket.destroy());
  // Comments keep idle streams open through anything that times them out.
  const ping = setInterval(() => broadcast(': ping\n\n'), 15_000);
  ping.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    update(next) {
      const changed: PageRow[] = [];
      const json = new Map<number, string>();
      for (const r of next.rows) {
        // A row object handed in again unchanged (the emulator appends) is not serialised again.
        let j = seen.get(r);
        if (j === undefined) seen.set(r, (j = JSON.stringify(r)));
        json.set(r.id, j);
        if (rowJson.get(r.id) !== j) changed.push(r);
      }
      const metaChanged = JSON.stringify(meta(next)) !== JSON.stringify(meta(state));
      state = next;
      rowJson = json;
      if (changed.length > 0) broadcast(event('rows', changed));
      if (metaChanged) broadcast(event('meta', meta(next)));
    },
    async close() {
      clearInterval(ping);
      for (const res of streams) res.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
