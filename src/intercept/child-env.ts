// The environment `keydoctor run` gives the command: every runtime's proxy and trust variables, and a Node preload for what Node ignores.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RunCa } from './ca.js';
import { isInterceptedHost } from './hosts.js';

/** What each runtime reads, said once at start so the user knows what is watched. */
export const COVERED_RUNTIMES =
  'Node (fetch, http/https, axios, got, node-fetch, @grpc/grpc-js), Python (requests, httpx, urllib3, grpcio), curl, and any client that honours HTTPS_PROXY with SSL_CERT_FILE';

const LOOPBACK_NO_PROXY = ['localhost', '127.0.0.1', '::1'];

/**
 * The preload Node runs before the app (NODE_OPTIONS=--import): Node's own fetch and the https module ignore HTTPS_PROXY
 * before Node 24, so fetch gets undici's EnvHttpProxyAgent and the default https agent tunnels through CONNECT.
 * grpc-js reads grpc_proxy itself; axios sends absolute URIs to the proxy itself.
 */
function preloadSource(undiciUrl: string): string {
  return `// Written by keydoctor run for this run only; removed when the run ends.
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
const proxy = process.env.KEYDOCTOR_RUN_PROXY;
if (proxy) {
  const p = new URL(proxy);
  const auth = 'Basic ' + Buffer.from(decodeURIComponent(p.username) + ':' + decodeURIComponent(p.password)).toString('base64');
  const bypass = (process.env.NO_PROXY || process.env.no_proxy || '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const direct = (host) => { const h = String(host).toLowerCase().replace(/^\\[|\\]$/g, ''); return bypass.some((b) => b === '*' || h === b || h.endsWith(b.startsWith('.') ? b : '.' + b)); };
  try {
    const { EnvHttpProxyAgent, setGlobalDispatcher } = await import(${JSON.stringify(undiciUrl)});
    setGlobalDispatcher(new EnvHttpProxyAgent());
  } catch {}
  class TunnelAgent extends https.Agent {
    createConnection(options, callback) {
      const host = options.host || options.hostname || 'localhost';
      const port = options.port || 443;
      if (direct(host)) return super.createConnection(options, callback);
      const req = http.request({ host: p.hostname, port: Number(p.port), method: 'CONNECT', path: host + ':' + port, headers: { host: host + ':' + port, 'proxy-authorization': auth }, agent: false });
      req.once('connect', (res, socket) => {
        if (res.statusCode !== 200) { socket.destroy(); callback(new Error('keydoctor run proxy answered ' + res.statusCode)); return; }
        callback(null, tls.connect({ ...options, socket, servername: options.servername || host }));
      });
      req.once('error', (error) => callback(error));
      req.end();
    }
  }
  const agent = new TunnelAgent({ keepAlive: true });
  https.globalAgent = agent;
}
`;
}

/** NO_PROXY as the user had it, minus any entry that would let Clarifai's hosts skip the proxy, plus loopback. */
function noProxy(current: string | undefined): string {
  const kept = (current ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '' && s !== '*' && !isInterceptedHost(s.replace(/^\./u, 'x.')) && !/(^|\.)clarifai\.com$/iu.test(s));
  return [...new Set([...kept, ...LOOPBACK_NO_PROXY])].join(',');
}

/** The child's environment: the parent's, with the proxy, the per-run trust and the preload added. */
export function childEnvironment(parent: Record<string, string | undefined>, ca: RunCa, proxyUrl: string): Record<string, string> {
  const undiciUrl = pathToFileURL(createRequire(import.meta.url).resolve('undici')).href;
  const preload = join(ca.dir, 'preload.mjs');
  writeFileSync(preload, preloadSource(undiciUrl), { mode: 0o600 });
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(parent)) if (v !== undefined) env[k] = v;
  const bypass = noProxy(parent.NO_PROXY ?? parent.no_proxy);
  Object.assign(env, {
    HTTPS_PROXY: proxyUrl,
    https_proxy: proxyUrl,
    grpc_proxy: proxyUrl,
    NO_PROXY: bypass,
    no_proxy: bypass,
    KEYDOCTOR_RUN_PROXY: proxyUrl,
    // Node adds this file to its built-in roots; the others replace their runtime's roots, so they get the CA plus public roots.
    NODE_EXTRA_CA_CERTS: ca.caFile,
    SSL_CERT_FILE: ca.bundleFile,
    REQUESTS_CA_BUNDLE: ca.bundleFile,
    CURL_CA_BUNDLE: ca.bundleFile,
    GRPC_DEFAULT_SSL_ROOTS_FILE_PATH: ca.bundleFile,
    NODE_OPTIONS: `${parent.NODE_OPTIONS ?? ''} --import=${pathToFileURL(preload).href}`.trim(),
  });
  // grpcio prefers these names over grpc_proxy; a stale one from the user's shell would route around keydoctor.
  delete env.no_grpc_proxy;
  return env;
}
