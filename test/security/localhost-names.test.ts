// Issue #16 item 7: `*.localhost` goes through the system's DNS, so it is treated as remote: no plain http, no
// plaintext gRPC to it without --allow-insecure, refused before any connection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isLoopbackHost } from '../../src/transport/types.js';
import { runCli } from '../helpers/cli.js';
import { T, project } from '../live/helpers.js';

const blocked = (): string[] => ((globalThis as Record<symbol, string[] | undefined>)[Symbol.for('keydoctor.test.blockedConnects')] ??= []);

test('*.localhost is not loopback; localhost, 127.x and ::1 are', () => {
  for (const h of ['api.localhost', 'evil.localhost', 'a.b.localhost']) assert.equal(isLoopbackHost(h), false, h);
  for (const h of ['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]']) assert.equal(isLoopbackHost(h), true, h);
});

test('check with CLARIFAI_API_BASE=http://api.localhost:PORT is refused by policy before any connection', async () => {
  const before = blocked().length;
  const r = await runCli(['check', project()], { env: { PATH: process.env.PATH, CLARIFAI_PAT: T.pat, CLARIFAI_API_BASE: 'http://api.localhost:8080' } });
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /clear text.*KD_ERR_NETWORK_POLICY/su);
  assert.deepEqual(blocked().slice(before), []);
});

test('--transport grpc to api.localhost:PORT uses TLS (reported as such), never plaintext', async () => {
  const r = await runCli(['check', project(), '--transport', 'grpc', '--json', '--timeout', '1'], { env: { PATH: process.env.PATH, CLARIFAI_PAT: T.pat, CLARIFAI_GRPC_BASE: 'api.localhost:50051' } });
  assert.doesNotMatch(r.stdout + r.stderr, /-plaintext/u);
});
