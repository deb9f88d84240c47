// The emulator under a bounded load on loopback: REST and gRPC at once, every kind of answer, clients that give up
// mid-request. No crash, one log line per request, and usage counters that match the allowed calls exactly.
// (Memory over a long soak is scripts/bench/soak.mjs's job, not a test's.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { Pool } from 'undici';
import { emulator, grpcClient, key } from '../emulator/helpers.js';
import type { EmulatorStateInput } from '../../src/emulator/index.js';

const APP_KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';
const PAT = '7c1e5a9f3b2d4c6e8a0b1d3f5e7a0000';
const UNKNOWN = '0b1c2d3e4f5a6b7c8d9e0f1a2b3c0000';
const STATE: EmulatorStateInput = {
  users: [{ id: 'u1', apps: ['a1'], usage: { hourly_ops: 7, monthly_ops: 1000 } }],
  keys: [
    { id: APP_KEY, type: 'app_specific_key', user_id: 'u1', app_id: 'a1', scopes: ['All'] },
    { id: PAT, type: 'personal_access_token', user_id: 'u1', scopes: ['All'] },
  ],
  rate_limit_rps: null,
};
/** A frozen clock: the hourly window never rolls during the test, so the counters are exact. */
const NOW = Date.parse('2030-01-01T00:00:00Z');

/** One request of each kind the emulator answers differently, with the code it must get. */
const KINDS: { method: string; path: string; auth?: string; body?: string; code: number; counts: boolean }[] = [
  { method: 'GET', path: '/v2/models', auth: key(APP_KEY), code: 10000, counts: true },
  { method: 'GET', path: '/v2/users/u1/apps/a1/models', auth: key(PAT), code: 10000, counts: true },
  { method: 'POST', path: '/v2/users/u1/apps/a1/models/m/outputs', auth: key(PAT), body: '{"inputs":[]}', code: 10000, counts: true },
  { method: 'GET', path: '/v2/models', auth: key(UNKNOWN), code: 11009, counts: false },
  { method: 'GET', path: '/v2/models', auth: `Bearer ${APP_KEY}`, code: 11102, counts: false },
  { method: 'GET', path: '/v2/models', code: 11102, counts: false },
  { method: 'GET', path: '/v2/modelz', auth: key(APP_KEY), code: 11101, counts: false },
  { method: 'DELETE', path: '/v2/users/me', auth: key(PAT), code: 11103, counts: false },
  { method: 'POST', path: '/v2/users/u1/apps/a1/models/m/outputs', auth: key(PAT), body: '{"inputs":', code: 11100, counts: false },
  { method: 'GET', path: '/v2/apps', auth: key(APP_KEY), code: 11008, counts: false },
];

const REST_REQUESTS = 3000;
const GRPC_REQUESTS = 400;

async function inBatches<T>(total: number, width: number, one: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(total);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < total) {
      const i = next++;
      out[i] = await one(i);
    }
  }));
  return out;
}

test(`${REST_REQUESTS} REST and ${GRPC_REQUESTS} gRPC requests at once: every answer right, one log line each, exact usage`, async () => {
  const e = await emulator({ state: STATE, now: () => NOW });
  const pool = new Pool(e.restUrl, { connections: 16, pipelining: 1 });
  const grpc = grpcClient(e.grpcTarget);
  try {
    const [restCodes, grpcCodes] = await Promise.all([
      inBatches(REST_REQUESTS, 32, async (i) => {
        const k = KINDS[i % KINDS.length]!;
        const r = await pool.request({
          method: k.method as 'GET',
          path: k.path,
          headers: { ...(k.auth ? { authorization: k.auth } : {}), ...(k.body ? { 'content-type': 'application/json' } : {}) },
          ...(k.body ? { body: k.body } : {}),
        });
        const body = (await r.body.json()) as { status: { code: number } };
        return body.status.code;
      }),
      inBatches(GRPC_REQUESTS, 16, async (i) => {
        const r = await grpc.call('ListModels', { user_app_id: { user_id: 'u1', app_id: 'a1' } }, i % 2 === 0 ? key(PAT) : key(UNKNOWN));
        return r.status.code;
      }),
    ]);
    KINDS.forEach((k, n) => {
      const got = restCodes.filter((_, i) => i % KINDS.length === n);
      assert.deepEqual(new Set(got), new Set([k.code]), `${k.method} ${k.path} (${k.auth ?? 'no auth'}): ${[...new Set(got)].join(', ')}`);
    });
    assert.deepEqual(new Set(grpcCodes.filter((_, i) => i % 2 === 0)), new Set([10000]));
    assert.deepEqual(new Set(grpcCodes.filter((_, i) => i % 2 === 1)), new Set([11009]));

    const total = REST_REQUESTS + GRPC_REQUESTS;
    assert.equal(e.requests, total);
    assert.equal(e.logs.length, total, 'one log line per request');
    assert.equal(new Set(e.logs.map((l) => l.req_id)).size, total, 'request ids are unique');
    const allowed = restCodes.filter((_, i) => KINDS[i % KINDS.length]!.counts).length + GRPC_REQUESTS / 2;
    assert.equal(e.logs.filter((l) => l.decision === 'allow').length, allowed);
    assert.deepEqual(e.usage('u1'), { hourly_ops: 7 + allowed, monthly_ops: 1000 + allowed });
    const text = JSON.stringify(e.logs);
    for (const k of [APP_KEY, PAT, UNKNOWN]) assert.ok(!text.includes(k), 'a key in the log');
  } finally {
    await pool.close();
  }
});

test('clients that give up (abort before a delayed answer, reset mid-body) are still logged, one line per request', async () => {
  // The answers are delayed far past the moment the clients give up, and they give up only once their requests have
  // reached the server (or a bounded wait has passed): a loaded machine cannot make them leave before arriving.
  const e = await emulator({ state: STATE, now: () => NOW, latencyMs: 1500 });
  const { port } = new URL(e.restUrl);
  const giveUp = new AbortController();
  const aborted = Array.from({ length: 40 }, async () => {
    await fetch(`${e.restUrl}/v2/models`, { headers: { authorization: key(APP_KEY) }, signal: giveUp.signal }).then(
      () => assert.fail('answered before the abort'),
      () => undefined,
    );
  });
  const sockets: ReturnType<typeof connect>[] = [];
  const reset = Array.from({ length: 20 }, () =>
    new Promise<void>((resolve) => {
      const s = connect(Number(port), '127.0.0.1', () => {
        s.write(`POST /v2/users/u1/apps/a1/models/m/outputs HTTP/1.1\r\nhost: x\r\ncontent-length: 100\r\nauthorization: Key ${PAT}\r\n\r\n{"in`);
        sockets.push(s);
        resolve();
      });
      s.on('error', () => undefined);
    }),
  );
  await Promise.all(reset);
  for (let i = 0; i < 40 && e.requests < 60; i++) await new Promise((r) => setTimeout(r, 25));
  giveUp.abort();
  for (const s of sockets) s.resetAndDestroy();
  await Promise.all(aborted);
  // A client that gave up before its request reached the server is no request at all; every one that reached it is
  // logged, answered or not. Bounded wait for the delayed (--latency) entries: it polls, and asserts nothing about time.
  for (let i = 0; i < 200 && e.logs.length < e.requests; i++) await new Promise((r) => setTimeout(r, 25));
  assert.ok(e.requests >= 30, `only ${e.requests} of 60 requests reached the emulator`);
  assert.equal(e.logs.length, e.requests, 'one log line per request, answered or not');
  const left = e.logs.filter((l) => /\(the client left before the answer\)$/u.test(l.reason));
  const dropped = e.logs.filter((l) => l.reason === 'the client closed the connection while sending the body');
  assert.equal(left.length + dropped.length, e.logs.length, e.logs.map((l) => l.reason).join('\n'));
  assert.ok(left.length > 0 && dropped.length > 0);
  // The aborted calls were decided (allowed) before the client left: they count, as the work was done.
  assert.equal(e.usage('u1').monthly_ops, 1000 + e.logs.filter((l) => l.decision === 'allow').length);
});
