// Issue #16 items 2 and 5: a project file never chooses where a key goes (base, gRPC base, proxy), and the plain-http
// rule applies to the first hop: an http:// proxy off this machine is refused by keydoctor before any connection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';
import { T, httpServer, project, proxyServer, world } from '../live/helpers.js';

/** Non-loopback connections the test guard refused (test/helpers/loopback-only.mjs records each attempt). */
const blocked = (): string[] => ((globalThis as Record<symbol, string[] | undefined>)[Symbol.for('keydoctor.test.blockedConnects')] ??= []);

/** A server that records every request and its Authorization header (an attacker's, or an unknown gateway). */
async function recorder(): Promise<{ url: string; auth: string[] }> {
  const auth: string[] = [];
  const { url } = await httpServer((req, res) => {
    auth.push(String(req.headers.authorization ?? ''));
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":{"code":10000}}');
  });
  return { url, auth };
}

// ── item 5: the base ─────────────────────────────────────────────────────────────────────────────────────────────

test('a CLARIFAI_API_BASE committed in .env that is not Clarifai\'s receives no key: refused, and the message says where it came from', async () => {
  const attacker = await recorder();
  const dir = project({ '.env': `CLARIFAI_API_BASE=${attacker.url}\n` });
  const r = await runCli(['check', dir], { env: { PATH: process.env.PATH, CLARIFAI_PAT: T.pat } });
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /KD_ERR_NETWORK_POLICY/u);
  assert.match(r.stderr, /CLARIFAI_API_BASE \(from \.env:1\)/u);
  assert.match(r.stderr, /--base/u);
  assert.deepEqual(attacker.auth, [], 'the project-chosen base received requests');
});

test('a CLARIFAI_API_BASE on https to another host from .env is refused too (https does not make it the user\'s choice)', async () => {
  const dir = project({ '.env': 'CLARIFAI_API_BASE=https://api.clarifai.example.net\n' });
  const before = blocked().length;
  const r = await runCli(['check', dir], { env: { PATH: process.env.PATH, CLARIFAI_PAT: T.pat } });
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /refusing to send keys to https:\/\/api\.clarifai\.example\.net/u);
  assert.deepEqual(blocked().slice(before), [], 'a connection was attempted before the refusal');
});

test('a CLARIFAI_GRPC_BASE from .env that is not Clarifai\'s is refused for --transport grpc', async () => {
  const w = await world();
  const dir = project({ '.env': `CLARIFAI_GRPC_BASE=${w.grpcTarget}\n` });
  const r = await runCli(['check', dir, '--transport', 'grpc'], { env: { PATH: process.env.PATH, CLARIFAI_PAT: T.pat } });
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /CLARIFAI_GRPC_BASE \(from \.env:1\).*--grpc-base/su);
  assert.equal(w.requests, 0);
});

test('the same base given with --base, or set in the shell, is the user\'s choice and is used', async () => {
  const w = await world();
  const dir = project({ '.env': `CLARIFAI_API_BASE=${w.restUrl}\n` });
  const viaFlag = await runCli(['check', dir, '--base', w.restUrl], { env: { PATH: process.env.PATH, CLARIFAI_PAT: T.pat } });
  assert.equal(viaFlag.code, 0, viaFlag.stdout + viaFlag.stderr);
  const viaShell = await runCli(['check', project()], { env: { PATH: process.env.PATH, CLARIFAI_PAT: T.pat, CLARIFAI_API_BASE: w.restUrl } });
  assert.equal(viaShell.code, 0, viaShell.stdout + viaShell.stderr);
  assert.ok(w.requests > 0);
});

// ── item 2: the proxy ────────────────────────────────────────────────────────────────────────────────────────────

for (const proxy of ['http://192.0.2.10:3128', 'http://proxy.corp.example:3128', 'http://user:hunter2@192.0.2.10:3128']) {
  test(`an http:// base behind the non-loopback http:// proxy ${proxy.replace(/\/\/.*@/u, '//…@')} is refused before any connection`, async () => {
    const w = await world();
    const before = blocked().length;
    const r = await runCli(['check', project()], { env: { PATH: process.env.PATH, CLARIFAI_PAT: T.pat, CLARIFAI_API_BASE: w.restUrl, HTTP_PROXY: proxy } });
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /KD_ERR_NETWORK_POLICY/u);
    assert.match(r.stderr, /through the proxy .* \(from HTTP_PROXY\)/u);
    assert.doesNotMatch(r.stderr + r.stdout, /hunter2/u, 'the proxy password is printed');
    assert.deepEqual(blocked().slice(before), [], 'keydoctor tried to connect: the refusal came from the test guard, not from its policy');
    assert.equal(w.requests, 0);
  });
}

test('--allow-insecure lets an http:// base go through a remote http:// proxy (the user asked for it)', async () => {
  const w = await world();
  const before = blocked().length;
  const r = await runCli(['check', project(), '--allow-insecure'], { env: { PATH: process.env.PATH, CLARIFAI_PAT: T.pat, CLARIFAI_API_BASE: w.restUrl, HTTP_PROXY: 'http://192.0.2.10:3128' } });
  assert.doesNotMatch(r.stderr, /KD_ERR_NETWORK_POLICY/u);
  // The guard stops the attempt: proof that keydoctor did go for the proxy once allowed.
  assert.ok(blocked().slice(before).includes('192.0.2.10'), 'no attempt to reach the proxy');
});

test('a loopback http:// proxy for a loopback http:// base still works (the emulator workflow)', async () => {
  const w = await world();
  const proxy = await proxyServer('tunnel');
  const r = await runCli(['check', project()], { env: { PATH: process.env.PATH, CLARIFAI_PAT: T.pat, CLARIFAI_API_BASE: w.restUrl, HTTP_PROXY: proxy.url } });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.ok(proxy.connects.length > 0, 'the probes went through the proxy');
});

test('HTTP_PROXY / HTTPS_PROXY / NO_PROXY written in the project\'s .env are ignored: only the shell chooses a proxy', async () => {
  const w = await world();
  const proxy = await proxyServer('tunnel');
  const dir = project({ '.env': `HTTP_PROXY=${proxy.url}\nhttp_proxy=${proxy.url}\nHTTPS_PROXY=${proxy.url}\nALL_PROXY=${proxy.url}\n` });
  const r = await runCli(['check', dir, '--json'], { env: { PATH: process.env.PATH, CLARIFAI_PAT: T.pat, CLARIFAI_API_BASE: w.restUrl } });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.deepEqual([...proxy.connects, ...proxy.requests], [], 'the proxy from .env carried the key');
  assert.ok(w.requests > 0, 'the probes went straight to the base');
  // And a project's NO_PROXY does not switch off the shell's proxy either.
  const shellProxy = await proxyServer('tunnel');
  const noProxy = project({ '.env': 'NO_PROXY=*\n' });
  const r2 = await runCli(['check', noProxy], { env: { PATH: process.env.PATH, CLARIFAI_PAT: T.pat, CLARIFAI_API_BASE: w.restUrl, HTTP_PROXY: shellProxy.url } });
  assert.equal(r2.code, 0, r2.stdout + r2.stderr);
  assert.ok(shellProxy.connects.length > 0, 'a NO_PROXY from .env bypassed the shell\'s proxy');
});

test('a malformed HTTP_PROXY is a clear policy error, not an internal one (item 13)', async () => {
  const w = await world();
  const r = await runCli(['check', project()], { env: { PATH: process.env.PATH, CLARIFAI_PAT: T.pat, CLARIFAI_API_BASE: w.restUrl, HTTP_PROXY: 'http://[::1' } });
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /HTTP_PROXY is not a URL.*KD_ERR_NETWORK_POLICY/su);
  assert.equal(w.requests, 0);
});
