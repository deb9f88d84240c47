// Test helpers for live diagnosis: an emulator per test, temp projects, and loopback servers that misbehave on purpose.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { startEmulator, type EmulatorLogEntry, type EmulatorStateInput } from '../../src/emulator/index.js';
import { diagnose, type CredentialRecord, type DiagnoseRequest, type Result } from '../../src/core/diagnose.js';

/** A live diagnosis as the tests read it: the Result, with the probed credentials as `verdicts`. */
export type Diagnosis = Result & { verdicts: CredentialRecord[] };
export type DiagnoseOptions = DiagnoseRequest & { offline?: boolean };

/** Obviously fake tokens (32 lowercase hex ending in 0000). */
export const T = {
  pat: '3f9a6d0c8b7e4a2190f1c3d5e7b90000',
  appKey: '4c8e2a6b0d9f4e1386a5c7b3d1e50000',
  scopeless: '5d1b7f3a9c2e4b6088d4f2a6c8e10000',
  predictOnly: '6e2c8a4b0f1d4c7299e5a3b7d9f20000',
  otherApp: '7f3d9b5c1a2e4d83aaf6b4c8e0a30000',
  pending: '8a4e0c6d2b3f4e94bb07c5d9f1b40000',
  expired: '9b5f1d7e3c4a4fa5cc18d6e0a2c50000',
  hourly: 'ab6a2e8f4d5b40b6dd29e7f1b3d60000',
  monthly: 'bc7b3f9a5e6c41c7ee3af8a2c4e70000',
  suspended: 'cd8c4a0b6f7d42d8ff4ba9b3d5f80000',
  unknown: 'de9d5b1c7a8e43e900000000000a0000',
};

export const STATE: EmulatorStateInput = {
  users: [
    { id: 'alice', apps: ['photos'] },
    { id: 'bob', apps: ['shop'] },
    { id: 'hourly-user', apps: ['h'], plan: { hourly_ops: 10 }, usage: { hourly_ops: 10 } },
    { id: 'monthly-user', apps: ['m'], plan: { monthly_ops: 10 }, usage: { monthly_ops: 10 } },
    { id: 'suspended-user', apps: ['s'], account_issue: true },
  ],
  keys: [
    { id: T.pat, type: 'personal_access_token', user_id: 'alice', scopes: ['All'] },
    { id: T.appKey, type: 'app_specific_key', user_id: 'alice', app_id: 'photos', scopes: ['All'] },
    { id: T.scopeless, type: 'app_specific_key', user_id: 'alice', app_id: 'photos', scopes: [] },
    { id: T.predictOnly, type: 'app_specific_key', user_id: 'alice', app_id: 'photos', scopes: ['Predict'] },
    { id: T.otherApp, type: 'app_specific_key', user_id: 'bob', app_id: 'shop', scopes: ['All'] },
    { id: T.pending, type: 'app_specific_key', user_id: 'alice', app_id: 'photos', scopes: ['All'], active_after_s: 1 },
    { id: T.expired, type: 'app_specific_key', user_id: 'alice', app_id: 'photos', scopes: ['All'], expires_at: '2020-01-01T00:00:00Z' },
    { id: T.hourly, type: 'app_specific_key', user_id: 'hourly-user', app_id: 'h', scopes: ['All'] },
    { id: T.monthly, type: 'app_specific_key', user_id: 'monthly-user', app_id: 'm', scopes: ['All'] },
    { id: T.suspended, type: 'app_specific_key', user_id: 'suspended-user', app_id: 's', scopes: ['All'] },
  ],
  rate_limit_rps: null,
};

export interface World {
  restUrl: string;
  grpcTarget: string;
  logs: EmulatorLogEntry[];
  readonly requests: number;
}

/** An emulator on 127.0.0.1 with random ports, closed when the test file ends. */
export async function world(options: { state?: EmulatorStateInput; latencyMs?: number } = {}): Promise<World> {
  const logs: EmulatorLogEntry[] = [];
  const e = await startEmulator({ state: options.state ?? STATE, port: 0, grpcPort: 0, latencyMs: options.latencyMs ?? 0, log: (l) => logs.push(l) });
  after(() => e.close());
  return {
    restUrl: e.restUrl,
    grpcTarget: e.grpcTarget,
    logs,
    get requests() {
      return e.requests;
    },
  };
}

/** A temp project folder with the given files (e.g. `.env`), removed when the test file ends. */
export function project(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'kd-live-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The full doctor on a project, with an injected shell env (never process.env). */
export function diagnoseIn(dir: string, env: Record<string, string>, options: DiagnoseOptions = {}): Promise<Diagnosis> {
  const { offline, ...rest } = options;
  return diagnose({ projectDir: dir, env, cwd: dir, timeoutMs: 5000, live: !offline, ...rest }).then((r) => ({ ...r, verdicts: r.credentials.filter((c) => c.verdict !== 'not-probed') }));
}

export function ids(d: Diagnosis): string[] {
  return d.findings.map((f) => f.id);
}

/** Asserts a full key appears nowhere in a text (findings, JSON, verbose output). */
export function leaks(text: string, ...keys: string[]): string[] {
  return keys.filter((k) => text.includes(k));
}

/** A loopback HTTP server with a handler; closed when the test file ends. */
export async function httpServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; server: Server; sockets: Set<Socket> }> {
  const server = createHttpServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  after(() => closeServer(server, sockets));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, sockets };
}

export function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const s of sockets) s.destroy();
  return new Promise((r) => server.close(() => r()));
}

/** A port nothing listens on: bound once, then released. */
export async function closedPort(): Promise<number> {
  const s = createHttpServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** An HTTPS server on loopback with a freshly generated self-signed certificate (openssl). */
export async function selfSignedServer(): Promise<{ url: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'kd-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const server = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":{"code":10000,"description":"Ok"}}');
  });
  const sockets = new Set<Duplex>();
  server.on('connection', (s) => sockets.add(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  after(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((r) => server.close(r));
    rmSync(dir, { recursive: true, force: true });
  });
  return { url: `https://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * A loopback forward proxy: `refuse` answers every CONNECT with 403 (a corporate proxy blocking the API);
 * otherwise it tunnels to the requested host:port. Counts the CONNECTs it saw.
 */
/**
 * A forward proxy on loopback that records every target: `CONNECT host:port` tunnels in `connects`, absolute-URI
 * requests in `requests`. It refuses every tunnel, tunnels all of them, or tunnels only the `allow`ed host:ports.
 */
export async function proxyServer(
  mode: 'refuse' | 'tunnel' | { allow: readonly string[] },
): Promise<{ url: string; connects: string[]; requests: string[] }> {
  const connects: string[] = [];
  const requests: string[] = [];
  const { url, server } = await httpServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  server.on('connect', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    connects.push(req.url ?? '');
    if (mode === 'refuse' || (typeof mode === 'object' && !mode.allow.includes(req.url ?? ''))) {
      socket.end('HTTP/1.1 403 Forbidden\r\ncontent-type: text/html\r\n\r\n<html>blocked by policy</html>');
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host!, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  return { url, connects, requests };
}

