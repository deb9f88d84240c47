// Network faults on real loopback servers: each leaves the key's verdict unknown (never invalid) and explains the endpoint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { T, closedPort, diagnoseIn, httpServer, ids, project, proxyServer, selfSignedServer, world } from './helpers.js';

function assertUnknown(d: Awaited<ReturnType<typeof diagnoseIn>>): void {
  assert.ok(d.verdicts.length > 0);
  for (const v of d.verdicts) assert.equal(v.verdict, 'unknown', `${v.id}: ${v.reason}`);
  assert.ok(!ids(d).includes('key/live-rejected'), 'a network failure never blames the key');
}

test('connection refused', async () => {
  const port = await closedPort();
  const d = await diagnoseIn(project(), { CLARIFAI_API_BASE: `http://127.0.0.1:${port}`, CLARIFAI_PAT: T.pat });
  assertUnknown(d);
  const f = d.findings.find((x) => x.id === 'endpoint/unreachable')!;
  assert.match(f.message, /the connection was refused \(ECONNREFUSED\)/u);
  assert.match(f.fix, /check the port/u);
});

test('TLS: a self-signed certificate', async () => {
  const { url } = await selfSignedServer();
  const d = await diagnoseIn(project(), { CLARIFAI_API_BASE: url, CLARIFAI_PAT: T.pat });
  assertUnknown(d);
  const f = d.findings.find((x) => x.id === 'endpoint/tls')!;
  assert.match(f.message, /TLS handshake .* failed \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)/u);
  assert.match(f.fix, /NODE_EXTRA_CA_CERTS/u);
});

test('TLS spoken to a plain HTTP port', async () => {
  const w = await world();
  const d = await diagnoseIn(project(), { CLARIFAI_API_BASE: w.restUrl.replace('http:', 'https:'), CLARIFAI_PAT: T.pat });
  assertUnknown(d);
  assert.ok(ids(d).includes('endpoint/tls'), ids(d).join());
});

test('an HTML page with HTTP 200 is not a Clarifai answer', async () => {
  const { url } = await httpServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Welcome to the hotel wifi</body></html>'));
  const d = await diagnoseIn(project(), { CLARIFAI_API_BASE: url, CLARIFAI_PAT: T.pat });
  assertUnknown(d);
  assert.match(d.findings.find((x) => x.id === 'endpoint/live-not-clarifai')!.message, /not a Clarifai response \(HTTP 200, text\/html: "<html><body>Welcome/u);
});

test('a WAF 403 page is not a key rejection', async () => {
  const { url } = await httpServer((_req, res) => res.writeHead(403, { 'content-type': 'text/html' }).end('<html><h1>403 Forbidden</h1>Request blocked by the web application firewall</html>'));
  const d = await diagnoseIn(project(), { CLARIFAI_API_BASE: url, CLARIFAI_PAT: T.pat });
  assertUnknown(d);
  assert.match(d.findings.find((x) => x.id === 'endpoint/live-not-clarifai')!.message, /HTTP 403/u);
});

test('JSON that is not Clarifai\'s (no status object) is not a Clarifai answer either', async () => {
  const { url } = await httpServer((_req, res) => res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}'));
  const d = await diagnoseIn(project(), { CLARIFAI_API_BASE: url, CLARIFAI_PAT: T.pat });
  assertUnknown(d);
  assert.ok(ids(d).includes('endpoint/live-not-clarifai'));
});

test('a stalled server times out (--timeout), and the key stays unknown', async () => {
  const { url } = await httpServer(() => {
    /* never answers */
  });
  const d = await diagnoseIn(project(), { CLARIFAI_API_BASE: url, CLARIFAI_PAT: T.pat }, { timeoutMs: 300 });
  assertUnknown(d);
  assert.match(d.findings.find((x) => x.id === 'endpoint/unreachable')!.message, /did not answer in time/u);
});

test('HTTP_PROXY in effect: a proxy that refuses the tunnel is reported as the proxy, not the key', async () => {
  const w = await world();
  const proxy = await proxyServer('refuse');
  const d = await diagnoseIn(project(), { CLARIFAI_API_BASE: w.restUrl, CLARIFAI_PAT: T.pat, http_proxy: proxy.url });
  assertUnknown(d);
  assert.ok(proxy.connects.length > 0, 'the probes went through the proxy');
  assert.equal(w.requests, 0, 'nothing reached the API');
  assert.match(d.findings.find((x) => x.id === 'endpoint/live-proxy')!.message, /The proxy http:\/\/127\.0\.0\.1:\d+ \(from http_proxy\) failed/u);
});

test('HTTP_PROXY in effect: a working proxy carries the probes, and the report says so', async () => {
  const w = await world();
  const proxy = await proxyServer('tunnel');
  const d = await diagnoseIn(project(), { CLARIFAI_API_BASE: w.restUrl, CLARIFAI_PAT: T.pat, HTTP_PROXY: proxy.url });
  assert.equal(d.verdicts[0]!.verdict, 'valid');
  assert.ok(proxy.connects.length > 0);
  const f = d.findings.find((x) => x.id === 'endpoint/live-proxy')!;
  assert.equal(f.severity, 'info');
  assert.match(f.message, /go through the proxy/u);
});

test('NO_PROXY exempts the API host: the proxy sees nothing', async () => {
  const w = await world();
  const proxy = await proxyServer('refuse');
  const d = await diagnoseIn(project(), { CLARIFAI_API_BASE: w.restUrl, CLARIFAI_PAT: T.pat, HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' });
  assert.equal(d.verdicts[0]!.verdict, 'valid');
  assert.equal(proxy.connects.length, 0);
  assert.match(d.findings.find((x) => x.id === 'endpoint/live-proxy')!.message, /NO_PROXY exempts/u);
});

test('a base that is not a URL: nothing is sent and the base is reported', async () => {
  const d = await diagnoseIn(project(), { CLARIFAI_API_BASE: 'https://exa mple.com', CLARIFAI_PAT: T.pat });
  assert.equal(d.evidence.live!.exchanges.length, 0);
  assert.match(d.findings.find((x) => x.id === 'endpoint/live-base-url')!.message, /No probe was sent: CLARIFAI_API_BASE \(shell\) is not a URL/u);
});
