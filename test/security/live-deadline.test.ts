// Issue #16 item 3: a hostile proxy cannot make a connection storm or a hang, and the first SIGINT/SIGTERM ends the
// run (exit 130/143). Real proxies on 127.0.0.1; the built CLI as a child process. The hang guard only detects a hang:
// nothing about speed is asserted, only counts and whether the run ended on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { after } from 'node:test';
import { BIN, NEEDS_BUILD, ROOT, assertClean, runBuilt } from '../hardening/helpers.js';
import { T, project } from '../live/helpers.js';

/** A TCP "proxy" that reads the CONNECT and then closes (`close`) or never answers (`hang`), counting connections. */
async function hostileProxy(mode: 'close' | 'hang'): Promise<{ url: string; readonly connections: number; firstConnection: Promise<void> }> {
  let connections = 0;
  let first!: () => void;
  const firstConnection = new Promise<void>((r) => (first = r));
  const sockets = new Set<Socket>();
  const server = createServer((s) => {
    connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => {});
    s.once('data', () => {
      first();
      if (mode === 'close') s.destroy();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  after(() => {
    for (const s of sockets) s.destroy();
    server.close();
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get connections() {
      return connections;
    },
    firstConnection,
  };
}

const env = (proxy: string) => ({ CLARIFAI_PAT: T.pat, HTTPS_PROXY: proxy, https_proxy: proxy });

test('a proxy that reads CONNECT and hangs up: a handful of backed-off connections, not a storm, and the run ends', { skip: NEEDS_BUILD }, async () => {
  const proxy = await hostileProxy('close');
  const r = await runBuilt(['check', project(), '--json', '--timeout', '3'], { env: env(proxy.url), guardMs: 60_000 });
  assertClean(r, 'check through a closing proxy');
  const exchanges = (JSON.parse(r.stdout) as { findings: { id: string }[] }).findings;
  assert.ok(exchanges.some((f) => /proxy|network/u.test(f.id)), `no proxy/network finding: ${r.stdout.slice(0, 1500)}`);
  // At most 3 connections per request, and a check sends a few requests: the 0.1.0 build opened thousands a second.
  assert.ok(proxy.connections <= 30, `${proxy.connections} connections to the proxy`);
});

test('a proxy that never answers the CONNECT: --timeout bounds the run, the key is judged unknown', { skip: NEEDS_BUILD }, async () => {
  const proxy = await hostileProxy('hang');
  const r = await runBuilt(['check', project(), '--timeout', '1'], { env: env(proxy.url), guardMs: 60_000 });
  assertClean(r, 'check through a silent proxy');
  assert.match(r.stdout, /timed out|did not answer|timeout/iu, r.stdout.slice(0, 2000));
  assert.ok(proxy.connections <= 10, `${proxy.connections} connections to the proxy`);
});

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  test(`the first ${signal} during a hung live check ends it with exit ${code}`, { skip: NEEDS_BUILD }, async () => {
    const proxy = await hostileProxy('hang');
    const child = spawn(process.execPath, ['--', BIN, 'check', project(), '--timeout', '120'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, NODE_OPTIONS: process.env.NODE_OPTIONS, NO_COLOR: '1', ...env(proxy.url) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.resume();
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('close', (c, s) => r({ code: c, signal: s })));
    // Only once a probe is in flight (the proxy holds its CONNECT) is the signal sent: it must not be swallowed.
    await proxy.firstConnection;
    child.kill(signal);
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const result = await exited;
    clearTimeout(guard);
    assert.equal(result.signal, null, `killed by ${result.signal}: the first ${signal} was swallowed`);
    assert.equal(result.code, code, stderr);
    assert.match(stderr, new RegExp(`stopped by ${signal}`, 'u'));
  });
}
