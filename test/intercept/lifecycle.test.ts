// `keydoctor run` as a process: other hosts are tunnelled undecrypted, exit codes and stdin pass through, the CA is gone after exit and SIGINT.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DEMO_TOKENS, type RunningEmulator } from '../../src/emulator/index.js';
import { createRunCa, type RunCa } from '../../src/intercept/ca.js';
import { startProxy } from '../../src/intercept/proxy.js';
import { FIXTURES, baseEnv, leftovers, parseJson, runKd, startRun, startUpstream } from './helpers.js';

let emu: RunningEmulator;
let pinnedCa: RunCa;
let pinned: Server;
let pinnedHits = 0;
before(async () => {
  emu = await startUpstream();
  // A TLS service that is not Clarifai's, with its own CA: a client that pins its certificate notices any interception.
  pinnedCa = await createRunCa(['pinned.test']);
  pinned = createServer({ cert: pinnedCa.leaf.certPem, key: pinnedCa.leaf.keyPem }, (_req, res) => {
    pinnedHits++;
    res.end('ok');
  });
  await new Promise<void>((r) => pinned.listen(0, '127.0.0.2', () => r()));
});
after(async () => {
  await emu.close();
  await new Promise((r) => pinned.close(r));
  pinnedCa.dispose();
});

test('a non-Clarifai TLS host in the same run is tunnelled byte for byte: the pinning client sees its real certificate', async () => {
  const port = (pinned.address() as AddressInfo).port;
  const sha = createHash('sha256').update(new X509Certificate(pinnedCa.leaf.certPem).raw).digest('hex');
  const before = pinnedHits;
  const r = await runKd(['--json', '--upstream', emu.restUrl, '--', process.execPath, 'index.mjs'], {
    cwd: join(FIXTURES, 'pinned-tunnel'),
    env: baseEnv({ PINNED_PORT: String(port), PINNED_SHA256: sha, PINNED_CERT: pinnedCa.caPem, CLARIFAI_PAT: DEMO_TOKENS.pat }),
  });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^internal 200 pinned=true$/mu);
  assert.match(r.stdout, /^clarifai 200$/mu);
  assert.equal(pinnedHits, before + 1);
  const json = parseJson(r);
  // It went through the proxy (127.0.0.2 is not in NO_PROXY) and only as a tunnel; only the Clarifai call was recorded.
  const tunnel = json.run.tunnels.find((t) => t.host === '127.0.0.2' && t.port === port);
  assert.ok(tunnel, JSON.stringify(json.run.tunnels));
  assert.ok(tunnel!.bytesUp > 0 && tunnel!.bytesDown > 0);
  assert.deepEqual(json.run.exchanges.map((e) => e.url), ['https://api.clarifai.com/v2/users/me']);
  assert.deepEqual(leftovers(r.tmp), []);
});

test('the command gets a 0700 CA folder and a tokened proxy URL, its stdin and exit code pass through, and the folder is gone after', async () => {
  const r = await runKd(['--', process.execPath, 'app.mjs', '7'], { cwd: join(FIXTURES, 'lifecycle'), env: baseEnv(), stdin: 'hello from stdin\n' });
  assert.equal(r.code, 7, r.stderr);
  assert.equal(r.stdout, 'ca-exists=true dir-mode=700\nproxy-token=true\nstdin=hello from stdin\n', 'stdout is the command\'s alone');
  assert.match(r.stderr, /^keydoctor run: watching Clarifai calls of/mu);
  assert.match(r.stderr, /exited with code 7/u);
  assert.match(r.stderr, /No traffic reached keydoctor's proxy at all/u);
  assert.deepEqual(leftovers(r.tmp), []);
});

test('SIGINT reaches the command, keydoctor still reports, exits 130, and removes the CA folder', async () => {
  const run = startRun(['--', process.execPath, 'app.mjs', 'wait'], { cwd: join(FIXTURES, 'lifecycle'), env: baseEnv() });
  // Wait for the child to say it is ready (bounded by the test timeout), then Ctrl-C keydoctor alone.
  while (!run.stdout().includes('ready')) await new Promise((r) => setTimeout(r, 50));
  assert.equal(leftovers(run.tmp).length, 1, 'the CA folder exists while the command runs');
  run.child.kill('SIGINT');
  const r = await run.done;
  assert.match(r.stdout, /child got SIGINT/u);
  assert.equal(r.code, 130);
  assert.match(r.stderr, /exited with code 130/u);
  assert.deepEqual(leftovers(r.tmp), []);
});

test('the proxy refuses connections without the run token', async () => {
  const ca = await createRunCa();
  const proxy = await startProxy({ ca, upstream: emu.restUrl });
  try {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: proxy.port, method: 'CONNECT', path: 'api.clarifai.com:443' });
      req.on('connect', (res, socket) => {
        socket.destroy();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal(status, 407);
    assert.equal(proxy.refused, 1);
    assert.equal(proxy.calls.length + proxy.tunnels.length, 0);
  } finally {
    await proxy.close();
    ca.dispose();
  }
});

test('usage errors exit 2 with a KD_ERR code and start nothing', async () => {
  const none = await runKd([], { cwd: FIXTURES, env: baseEnv() });
  assert.equal(none.code, 2);
  assert.match(none.stderr, /give the command to run after "--".*KD_ERR_USAGE/u);
  const plain = await runKd(['--upstream', 'http://example.com', '--', 'true'], { cwd: FIXTURES, env: baseEnv() });
  assert.equal(plain.code, 2);
  assert.match(plain.stderr, /plain http:\/\/ only on loopback/u);
  const missing = await runKd(['--', 'no-such-command-kd'], { cwd: FIXTURES, env: baseEnv() });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no such command/u);
  assert.deepEqual(leftovers(missing.tmp), []);
});
