import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type EmulatorStateInput } from '../../src/emulator/index.js';
import { KeydoctorError } from '../../src/core/errors.js';
import { emulator, key, rest } from './helpers.js';

const APP_KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';
const PAT = '7c1e5a9f3b2d4c6e8a0b1d3f5e7a0000';

function world(overrides: { plan?: { hourly_ops?: number | null; monthly_ops?: number | null }; rate?: number | null; key?: object } = {}): EmulatorStateInput {
  return {
    users: [{ id: 'u1', apps: ['a1'], ...(overrides.plan ? { plan: overrides.plan } : {}) }],
    keys: [
      { id: APP_KEY, type: 'app_specific_key', user_id: 'u1', app_id: 'a1', scopes: ['All'], ...overrides.key },
      { id: PAT, type: 'personal_access_token', user_id: 'u1', scopes: ['All'] },
    ],
    rate_limit_rps: overrides.rate === undefined ? null : overrides.rate,
  };
}

/** A clock the test moves by hand, so time-based rules are tested without waiting. */
function clock(start = Date.parse('2030-01-01T00:00:00Z')) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

test('over rate_limit_rps in one second → 11005 with HTTP 429 and Retry-After; the next second is fine', async () => {
  const c = clock();
  const e = await emulator({ state: world({ rate: 3 }), now: c.now });
  const codes = [];
  for (let i = 0; i < 4; i++) codes.push((await rest(e.restUrl, 'GET', '/v2/models', { auth: key(APP_KEY) })).status.code);
  assert.deepEqual(codes, [10000, 10000, 10000, 11005]);
  const r = await rest(e.restUrl, 'GET', '/v2/models', { auth: key(APP_KEY) });
  assert.equal(r.http, 429);
  assert.equal(r.status.description, 'Making too many requests');
  assert.equal(r.status.details, 'exceeded limit of 3 requests per second');
  assert.equal(r.headers.get('retry-after'), '1');
  c.advance(1000);
  assert.equal((await rest(e.restUrl, 'GET', '/v2/models', { auth: key(APP_KEY) })).status.code, 10000);
});

test('the rate limit is per user: a PAT and an app key of the same user share it', async () => {
  const c = clock();
  const e = await emulator({ state: world({ rate: 2 }), now: c.now });
  assert.equal((await rest(e.restUrl, 'GET', '/v2/models', { auth: key(APP_KEY) })).status.code, 10000);
  assert.equal((await rest(e.restUrl, 'GET', '/v2/users/me', { auth: key(PAT) })).status.code, 10000);
  assert.equal((await rest(e.restUrl, 'GET', '/v2/users/me', { auth: key(PAT) })).status.code, 11005);
});

test('the default state limit is 15 requests per second, as Clarifai documents', async () => {
  const c = clock();
  const { rate_limit_rps: _omit, ...noRate } = world();
  const e = await emulator({ state: noRate, now: c.now });
  const codes = await Promise.all(Array.from({ length: 20 }, () => rest(e.restUrl, 'GET', '/v2/models', { auth: key(APP_KEY) }).then((r) => r.status.code)));
  assert.equal(codes.filter((x) => x === 10000).length, 15);
  assert.equal(codes.filter((x) => x === 11005).length, 5);
});

test('a key with active_after_s answers 11009 until that many seconds after start, then works', async () => {
  const c = clock();
  const e = await emulator({ state: world({ key: { active_after_s: 30 } }), now: c.now });
  const before = await rest(e.restUrl, 'GET', '/v2/models', { auth: key(APP_KEY) });
  assert.equal(before.status.code, 11009);
  assert.equal(before.status.details, `invalid key(${APP_KEY})`);
  assert.match(e.logs.at(-1)!.reason, /not active yet/u);
  c.advance(29_999);
  assert.equal((await rest(e.restUrl, 'GET', '/v2/models', { auth: key(APP_KEY) })).status.code, 11009);
  c.advance(1);
  assert.equal((await rest(e.restUrl, 'GET', '/v2/models', { auth: key(APP_KEY) })).status.code, 10000);
});

test('a key expires at expires_at (11008), judged by the emulator clock', async () => {
  const c = clock(Date.parse('2030-01-01T00:00:00Z'));
  const e = await emulator({ state: world({ key: { expires_at: '2030-01-01T00:01:00Z' } }), now: c.now });
  assert.equal((await rest(e.restUrl, 'GET', '/v2/models', { auth: key(APP_KEY) })).status.code, 10000);
  c.advance(60_000);
  const r = await rest(e.restUrl, 'GET', '/v2/models', { auth: key(APP_KEY) });
  assert.equal(r.status.code, 11008);
  assert.equal(r.status.details, 'expired key');
});

test('hourly ops run out (11003) and come back in the next hour; usage() reports the counts', async () => {
  const c = clock();
  const e = await emulator({ state: world({ plan: { hourly_ops: 2 } }), now: c.now });
  const codes = [];
  for (let i = 0; i < 3; i++) codes.push((await rest(e.restUrl, 'GET', '/v2/models', { auth: key(APP_KEY) })).status.code);
  assert.deepEqual(codes, [10000, 10000, 11003]);
  assert.deepEqual(e.usage('u1'), { hourly_ops: 2, monthly_ops: 2 });
  c.advance(3_600_000);
  assert.deepEqual(e.usage('u1'), { hourly_ops: 0, monthly_ops: 2 });
  assert.equal((await rest(e.restUrl, 'GET', '/v2/models', { auth: key(APP_KEY) })).status.code, 10000);
});

test('usage counting is exact under concurrency: with monthly_ops 25, exactly 25 of 80 parallel calls succeed', async () => {
  const e = await emulator({ state: world({ plan: { monthly_ops: 25 } }) });
  const codes = await Promise.all(
    Array.from({ length: 80 }, (_, i) =>
      i % 2 === 0
        ? rest(e.restUrl, 'POST', '/v2/models/m/outputs', { auth: key(APP_KEY), body: {} }).then((r) => r.status.code)
        : rest(e.restUrl, 'POST', '/v2/users/u1/apps/a1/models/m/outputs', { auth: key(PAT), body: {} }).then((r) => r.status.code),
    ),
  );
  assert.equal(codes.filter((x) => x === 10000).length, 25);
  assert.equal(codes.filter((x) => x === 11004).length, 55);
  assert.deepEqual(e.usage('u1'), { hourly_ops: 25, monthly_ops: 25 });
});

test('failed calls do not count as operations', async () => {
  const e = await emulator({ state: world() });
  await rest(e.restUrl, 'GET', '/v2/models', { auth: key(PAT) }); // 11008: no app id
  await rest(e.restUrl, 'GET', '/v2/users/me', { auth: key(APP_KEY) }); // 11008: PAT only
  assert.deepEqual(e.usage('u1'), { hourly_ops: 0, monthly_ops: 0 });
  assert.equal(e.requests, 2);
});

test('usage from the state is where counting starts', async () => {
  const e = await emulator({ state: { ...world({ plan: { monthly_ops: 10 } }), users: [{ id: 'u1', apps: ['a1'], plan: { monthly_ops: 10 }, usage: { monthly_ops: 9 } }] } });
  assert.equal((await rest(e.restUrl, 'GET', '/v2/models', { auth: key(APP_KEY) })).status.code, 10000);
  assert.equal((await rest(e.restUrl, 'GET', '/v2/models', { auth: key(APP_KEY) })).status.code, 11004);
});

test('--latency delays every response by at least that long (the log shows it)', async () => {
  const e = await emulator({ state: world(), latencyMs: 150 });
  await rest(e.restUrl, 'GET', '/v2/models', { auth: key(APP_KEY) });
  const entry = e.logs.at(-1)!;
  // Timers may fire up to a millisecond early; this is a lower bound, never a deadline.
  assert.ok(entry.responded_at - entry.received_at >= 149, `only ${entry.responded_at - entry.received_at} ms`);
});

test('close() answers delayed responses, stops listening, and can be called twice', async () => {
  const e = await startEmulator({ state: world(), latencyMs: 60_000 });
  const pending = rest(e.restUrl, 'GET', '/v2/models', { auth: key(APP_KEY) });
  // Wait until the request has arrived, so close() finds it pending.
  while (e.requests === 0) await new Promise((r) => setImmediate(r));
  await Promise.all([e.close(), e.close()]);
  assert.equal((await pending).status.code, 10000);
  await assert.rejects(fetch(`${e.restUrl}/v2/models`));
});

test('a non-loopback host is refused unless allowRemote', async () => {
  await assert.rejects(startEmulator({ state: world(), host: '0.0.0.0' }), (err: unknown) => err instanceof KeydoctorError && /loopback/u.test(err.message));
});

test('a port in use is a clear error', async () => {
  const e = await emulator({ state: world() });
  const port = Number(new URL(e.restUrl).port);
  await assert.rejects(startEmulator({ state: world(), port }), /port is in use/u);
});
