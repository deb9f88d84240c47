// Network faults test/live/network-faults.test.ts does not cover, on real loopback servers: a reset in the middle of
// the body, a slow-drip body, a 5xx, a truncated JSON body, a certificate for another host, an HTTPS proxy that
// cannot be reached or drops the tunnel. Each gives its endpoint finding, and the key's verdict stays unknown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { T, closedPort, diagnoseIn, httpServer, ids, project, world } from '../live/helpers.js';
import { assertClean, NEEDS_BUILD, runBuilt } from './helpers.js';

/** Short, as the brief asks: every fault must end within --timeout 1 s (the finding says which way it ended). */
const TIMEOUT_MS = 1000;

function finding(d: Awaited<ReturnType<typeof diagnoseIn>>, id: string) {
  const f = d.findings.find((x) => x.id === id);
  assert.ok(f, `expected ${id}, got ${ids(d).join(', ')}`);
  return f;
}

function assertUnknown(d: Awaited<ReturnType<typeof diagnoseIn>>): void {
  assert.ok(d.verdicts.length > 0);
  for (const v of d.verdicts) assert.equal(v.verdict, 'unknown', `${v.id}: ${v.reason}`);
  assert.ok(!ids(d).includes('key/live-rejected'), 'a network failure never blames the key');
  assert.ok(!JSON.stringify(d.findings).includes(T.pat), 'the key is printed');
}

const diagnose = (base: string, env: Record<string, string> = {}) =>
  diagnoseIn(project(), { CLARIFAI_API_BASE: base, CLARIFAI_PAT: T.pat, ...env }, { timeoutMs: TIMEOUT_MS });

test('the connection is reset in the middle of the body', async () => {
  const { url } = await httpServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
    res.write('{"status":{"code":10000,"desc');
    setTimeout(() => (req.socket as Socket).resetAndDestroy(), 20);
  });
  const d = await diagnose(url);
  assertUnknown(d);
  assert.match(finding(d, 'endpoint/unreachable').message, /the connection was dropped before an answer/u);
});

test('a slow-drip body (one byte every 50 ms, never finished) ends at --timeout', async () => {
  const timers = new Set<NodeJS.Timeout>();
  after(() => timers.forEach(clearInterval));
  const { url } = await httpServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"status":');
    const drip = setInterval(() => res.write(' '), 50);
    timers.add(drip);
    req.socket.on('close', () => clearInterval(drip));
  });
  const d = await diagnose(url);
  assertUnknown(d);
  assert.match(finding(d, 'endpoint/unreachable').message, /did not answer in time/u);
});

test('a 5xx without a Clarifai status is the server\'s failure, not the key\'s', async () => {
  const { url } = await httpServer((_req, res) => res.writeHead(503, { 'content-type': 'text/html' }).end('<html>503 Service Temporarily Unavailable</html>'));
  const d = await diagnose(url);
  assertUnknown(d);
  assert.match(finding(d, 'endpoint/live-not-clarifai').message, /HTTP 503/u);
});

test('a truncated JSON body (cut after a few fields, connection closed cleanly) is not a Clarifai answer', async () => {
  const { url } = await httpServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":{"code":10000,"description":"O'));
  const d = await diagnose(url);
  assertUnknown(d);
  assert.match(finding(d, 'endpoint/live-not-clarifai').message, /HTTP 200, application\/json/u);
});

test('an HTTPS proxy that cannot be reached is reported as the proxy', async () => {
  const port = await closedPort();
  const d = await diagnose('https://api.clarifai.com', { HTTPS_PROXY: `http://127.0.0.1:${port}` });
  assertUnknown(d);
  assert.match(finding(d, 'endpoint/live-proxy').message, new RegExp(`127\\.0\\.0\\.1:${port}.*could not be reached`, 'u'));
});

test('an HTTPS proxy that accepts the tunnel and then drops it', async () => {
  const w = await world();
  const { url, server } = await httpServer((_req, res) => res.writeHead(502).end());
  let connects = 0;
  server.on('connect', (_req, socket: Socket) => {
    connects++;
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    setTimeout(() => socket.resetAndDestroy(), 10);
  });
  const d = await diagnose(w.restUrl.replace('http:', 'https:'), { HTTPS_PROXY: url });
  assertUnknown(d);
  assert.ok(connects > 0, 'the probes went to the proxy');
  assert.equal(w.requests, 0, 'nothing reached the API');
  assert.ok(ids(d).some((id) => ['endpoint/live-proxy', 'endpoint/unreachable', 'endpoint/tls'].includes(id)), ids(d).join());
});

/** A CA, and a server certificate it signed for `wrong.example` only, served on 127.0.0.1. */
async function wrongHostServer(): Promise<{ url: string; ca: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'kd-tls-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=keydoctor test CA', '-keyout', 'ca.key', '-out', 'ca.pem');
  ssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=wrong.example', '-keyout', 'server.key', '-out', 'server.csr');
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=DNS:wrong.example\n');
  ssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '1', '-extfile', 'san.ext', '-out', 'server.pem');
  const server = createHttpsServer({ key: readFileSync(join(dir, 'server.key')), cert: readFileSync(join(dir, 'server.pem')) }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":{"code":10000,"description":"Ok"}}');
  });
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => sockets.add(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  after(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((r) => server.close(r));
  });
  return { url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, ca: join(dir, 'ca.pem') };
}

test('a certificate for another host (trusted CA, wrong name): a TLS finding, from the built CLI', { skip: NEEDS_BUILD }, async () => {
  const { url, ca } = await wrongHostServer();
  // NODE_EXTRA_CA_CERTS is read when Node starts, so the CA is trusted only in a child process: the name is what fails.
  const r = await runBuilt(['check', '--json', '--timeout', '1', '--base', url, project()], { env: { CLARIFAI_PAT: T.pat, NODE_EXTRA_CA_CERTS: ca } });
  assertClean(r, 'check --base wrong-host');
  assert.ok(!(r.stdout + r.stderr).includes(T.pat));
  const findings = (JSON.parse(r.stdout) as { findings: { id: string; message: string }[] }).findings;
  const tls = findings.find((f) => f.id === 'endpoint/tls');
  assert.ok(tls, findings.map((f) => f.id).join());
  assert.match(tls.message, /TLS handshake with 127\.0\.0\.1:\d+ failed \(ERR_TLS_CERT_ALTNAME_INVALID\)/u);
  assert.ok(!findings.some((f) => f.id === 'key/live-rejected'));
});
