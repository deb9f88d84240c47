// keydoctor sends nothing to any host but the configured base: a live check with a recording proxy in HTTP(S)_PROXY
// and code that calls other hosts (another loopback server, api.clarifai.com) sends every request to the base.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';
import { STATE, T, httpServer, project, proxyServer, world } from '../live/helpers.js';
import { assertClean, NEEDS_BUILD, runBuilt } from '../hardening/helpers.js';

/** Every target the proxy saw: absolute-URI requests and `CONNECT host:port` tunnels. */
async function recordingProxy(allowed: readonly string[]) {
  const proxy = await proxyServer({ allow: allowed });
  return {
    url: proxy.url,
    get targets(): string[] {
      return [...proxy.requests, ...proxy.connects.map((c) => `CONNECT ${c}`)];
    },
  };
}

async function setup() {
  const base = await world({ state: STATE });
  const baseHost = new URL(base.restUrl).host;
  const other = { requests: [] as string[] };
  const otherServer = await httpServer((req, res) => {
    other.requests.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":{"code":10000,"description":"Ok"}}');
  });
  // The configured bases: REST, and gRPC for --transport grpc.
  const proxy = await recordingProxy([baseHost, base.grpcTarget]);
  // The code calls another loopback host and Clarifai itself, with the key; neither may receive anything.
  const dir = project({
    '.env': `CLARIFAI_PAT=${T.pat}\nCLARIFAI_USER_ID=alice\nCLARIFAI_APP_ID=photos\n`,
    'app.js': [
      // The app loads its .env (otherwise nothing would be probed: the loader model knows the file is not loaded).
      "require('dotenv').config();",
      `fetch("${otherServer.url}/v2/users/alice/apps/photos/models/general-image-recognition/outputs", { method: "POST", headers: { Authorization: "Key " + process.env.CLARIFAI_PAT } });`,
      'axios.get("https://api.clarifai.com/v2/users/alice/apps/photos/models", { headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}` } });',
      `fetch("${otherServer.url}/v2/users/me", { headers: { Authorization: "Key " + process.env.CLARIFAI_PAT } });`,
      '',
    ].join('\n'),
  });
  return { base, baseHost, other, proxy, dir };
}

function assertOnlyBase(s: Awaited<ReturnType<typeof setup>>, label: string): void {
  assert.ok(s.base.requests > 0, `${label}: the base received the probes`);
  assert.deepEqual(s.other.requests, [], `${label}: the other loopback host received requests`);
  const elsewhere = s.proxy.targets.filter((t) => t !== `CONNECT ${s.baseHost}` && t !== `CONNECT ${s.base.grpcTarget}`);
  assert.deepEqual(elsewhere, [], `${label}: the proxy was asked for other hosts`);
}

test('live check in-process (REST through HTTP_PROXY and HTTPS_PROXY): only the base is contacted', async () => {
  const s = await setup();
  const env = { CLARIFAI_API_BASE: s.base.restUrl, HTTP_PROXY: s.proxy.url, HTTPS_PROXY: s.proxy.url, http_proxy: s.proxy.url, https_proxy: s.proxy.url };
  const r = await runCli(['check', '--verbose', s.dir], { env });
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  assert.ok(s.proxy.targets.length > 0, 'the probes went through the proxy');
  assertOnlyBase(s, 'check');
  // A --call naming another host is sent to the configured base, if anywhere.
  await runCli(['check', '--call', `GET ${s.proxy.url.replace(/:\d+$/u, ':1')}/v2/users/me`, s.dir], { env });
  await runCli(['check', '--call', 'GET https://api.clarifai.com/v2/users/me', s.dir], { env });
  assertOnlyBase(s, 'check --call another host');
});

test('the built CLI, REST and gRPC, with every proxy variable set in the real process environment', { skip: NEEDS_BUILD }, async () => {
  const s = await setup();
  const env = {
    CLARIFAI_API_BASE: s.base.restUrl,
    CLARIFAI_GRPC_BASE: s.base.grpcTarget,
    HTTP_PROXY: s.proxy.url,
    HTTPS_PROXY: s.proxy.url,
    http_proxy: s.proxy.url,
    https_proxy: s.proxy.url,
    grpc_proxy: s.proxy.url,
  };
  const [restRun, grpcRun] = await Promise.all([
    runBuilt(['check', '--json', s.dir], { env }),
    runBuilt(['check', '--json', '--transport', 'grpc', s.dir], { env }),
  ]);
  assertClean(restRun, 'built check (REST)');
  assertClean(grpcRun, 'built check (gRPC)');
  assertOnlyBase(s, 'built check');
  // The gRPC probes reached the base too (directly or through the proxy's tunnel to it).
  assert.ok(s.base.logs.some((l) => l.transport === 'grpc'), 'no gRPC probe reached the base');
});
