// Emulator soak: minutes of mixed REST + gRPC load on loopback; memory (RSS, heap after GC) sampled from start to end.
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SECONDS = Number(process.env.SOAK_SECONDS ?? 180);
const SAMPLES = 6;
const CONNECTIONS = 10;
const APP_KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';
const PAT = '7c1e5a9f3b2d4c6e8a0b1d3f5e7a0000';
const UNKNOWN = '0b1c2d3e4f5a6b7c8d9e0f1a2b3c0000';
const STATE = {
  users: [{ id: 'u1', apps: ['a1'] }],
  keys: [
    { id: APP_KEY, type: 'app_specific_key', user_id: 'u1', app_id: 'a1', scopes: ['All'] },
    { id: PAT, type: 'personal_access_token', user_id: 'u1', scopes: ['All'] },
  ],
  rate_limit_rps: null,
};

execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });

// The emulator in its own process (--expose-gc, so the heap is measured after a full collection). Its log sink counts
// lines and serialises each entry as the CLI does; a line on stdin asks for a sample.
const server = `
  import { startEmulator } from ${JSON.stringify(new URL('dist/emulator/index.js', `file://${root}`).href)};
  let lines = 0, bytes = 0;
  const e = await startEmulator({ state: ${JSON.stringify(STATE)}, log: (entry) => { lines++; bytes += JSON.stringify(entry).length + 1; } });
  console.log(JSON.stringify({ rest: e.restUrl, grpc: e.grpcTarget }));
  process.stdin.on('data', () => {
    globalThis.gc();
    const m = process.memoryUsage();
    console.log(JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, requests: e.requests, lines, bytes, usage: e.usage('u1') }));
  });`;
const child = spawn(process.execPath, ['--expose-gc', '--input-type=module', '-e', server], { stdio: ['pipe', 'pipe', 'inherit'] });
const next = () => new Promise((resolve) => child.stdout.once('data', (d) => resolve(JSON.parse(String(d)))));
const { rest, grpc } = await next();
const sample = async () => {
  const s = next();
  child.stdin.write('x\n');
  return s;
};

// REST: every kind of answer, and a stream of distinct unknown paths (route-cache churn, nearest-route search).
let n = 0;
const requests = [
  { method: 'GET', path: '/v2/models', headers: { authorization: `Key ${APP_KEY}` } },
  { method: 'POST', path: '/v2/users/u1/apps/a1/models/m/outputs', headers: { authorization: `Key ${PAT}`, 'content-type': 'application/json' }, body: '{"inputs":[]}' },
  { method: 'GET', path: '/v2/models', headers: { authorization: `Key ${UNKNOWN}` } },
  { method: 'GET', path: '/v2/models', headers: { authorization: `Bearer ${APP_KEY}` } },
  { method: 'DELETE', path: '/v2/users/me', headers: { authorization: `Key ${PAT}` } },
  {
    method: 'GET',
    path: '/v2/modelz/0',
    headers: { authorization: `Key ${APP_KEY}` },
    setupRequest: (req) => ({ ...req, path: `/v2/modelz/${n++}/outputs` }),
  },
];

// gRPC: the official client in a bounded loop alongside.
const require = createRequire(import.meta.url);
const { ClarifaiStub, grpc: grpcLib } = require('clarifai-nodejs-grpc');
const template = ClarifaiStub.insecureGrpc();
template.close();
const stub = new template.constructor(grpc, grpcLib.credentials.createInsecure());
let grpcCalls = 0;
let grpcErrors = 0;
let stopping = false;
const grpcLoop = (async () => {
  while (!stopping) {
    await Promise.all(
      Array.from({ length: 4 }, (_, i) => new Promise((resolve) => {
        const md = new grpcLib.Metadata();
        md.set('authorization', `Key ${i % 2 ? PAT : UNKNOWN}`);
        stub.ListModels({ user_app_id: { user_id: 'u1', app_id: 'a1' } }, md, (err) => {
          grpcCalls++;
          if (err) grpcErrors++;
          resolve();
        });
      })),
    );
  }
})();

// Warm up, then sample: start, evenly through the run, end.
await autocannon({ url: rest, connections: CONNECTIONS, duration: 2, requests });
const rows = [{ at: 0, ...(await sample()) }];
let restTotal = 0;
let restErrors = 0;
for (let i = 1; i <= SAMPLES; i++) {
  const r = await autocannon({ url: rest, connections: CONNECTIONS, duration: SECONDS / SAMPLES, requests });
  restTotal += r.requests.total;
  restErrors += r.errors + r.timeouts;
  rows.push({ at: Math.round((SECONDS * i) / SAMPLES), ...(await sample()) });
}
stopping = true;
await grpcLoop;
stub.close();
const end = await sample();
child.kill('SIGTERM');

const mb = (b) => (b / 1024 / 1024).toFixed(1);
console.log(`\nsoak: ${SECONDS} s of autocannon (${CONNECTIONS} connections, 6 request kinds incl. a distinct unknown path each time) + a gRPC loop (4 in flight), 127.0.0.1, Node ${process.version}, load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs\n`);
console.log('| time (s) | requests so far | RSS (MB) | heap used after GC (MB) |');
console.log('|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.at} | ${r.requests.toLocaleString('en-US')} | ${mb(r.rss)} | ${mb(r.heapUsed)} |`);
console.log(`\nREST requests ${restTotal.toLocaleString('en-US')} (errors/timeouts ${restErrors}), gRPC calls ${grpcCalls.toLocaleString('en-US')} (errors ${grpcErrors})`);
console.log(`log lines ${end.lines.toLocaleString('en-US')} for ${end.requests.toLocaleString('en-US')} requests (${end.lines === end.requests ? 'equal' : 'MISMATCH'}), ${mb(end.bytes)} MB of log`);
const first = rows[1];
const last = rows.at(-1);
console.log(`heap after GC from the first sample after warm-up to the end: ${mb(first.heapUsed)} → ${mb(last.heapUsed)} MB; RSS ${mb(first.rss)} → ${mb(last.rss)} MB`);
if (end.lines !== end.requests || restErrors > 0) process.exitCode = 1;
