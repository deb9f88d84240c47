// The emulator and explain are independent readers of the same facts: what one answers, the other must diagnose.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, DEMO_TOKENS, type RunningEmulator } from '../../src/emulator/index.js';
import { explain } from '../../src/explain/index.js';

let emu: RunningEmulator;
before(async () => {
  emu = await startEmulator({ host: '127.0.0.1', port: 0, grpcPort: 0 });
});
after(async () => {
  await emu.close();
});

const PREDICT = { inputs: [{ data: { image: { url: 'https://samples.clarifai.com/metro-north.jpg' } } }] };

/** What `curl -v` would show: the Authorization line sent, the status line, the body. */
async function paste(method: string, path: string, authorization?: string, body?: unknown): Promise<string> {
  const res = await fetch(`${emu.restUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(authorization !== undefined ? { authorization } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return `${authorization !== undefined ? `> Authorization: ${authorization}\n` : ''}< HTTP/1.1 ${res.status} ${res.statusText}\n${text}\n`;
}

const ROUNDTRIPS: { name: string; request: [string, string, string | undefined, unknown?]; code: number; first: string }[] = [
  { name: 'no Authorization header', request: ['GET', '/v2/models', undefined], code: 11102, first: 'headers/scheme-format' },
  { name: 'lowercase scheme', request: ['GET', '/v2/models', `key ${DEMO_TOKENS.appKey}`], code: 11102, first: 'headers/scheme-format' },
  { name: 'Bearer scheme', request: ['GET', '/v2/models', `Bearer ${DEMO_TOKENS.appKey}`], code: 11102, first: 'headers/bearer-on-core-api' },
  { name: 'an unknown key', request: ['GET', '/v2/models', 'Key 9f9f9f9f9f9f9f9f9f9f9f9f9f9f0000'], code: 11009, first: 'key/unknown-key' },
  { name: 'Key None', request: ['GET', '/v2/models', 'Key None'], code: 11009, first: 'env/key-not-set' },
  { name: 'a PAT on a short path', request: ['GET', '/v2/models', `Key ${DEMO_TOKENS.pat}`], code: 11008, first: 'permissions/pat-without-app' },
  { name: 'a key without scopes', request: ['POST', '/v2/models/general-image-recognition/outputs', `Key ${DEMO_TOKENS.scopelessKey}`, PREDICT], code: 11007, first: 'permissions/missing-scopes' },
  { name: 'an expired key', request: ['GET', '/v2/models', `Key ${DEMO_TOKENS.expiredKey}`], code: 11008, first: 'activation/expired-key' },
  { name: 'an account issue', request: ['GET', '/v2/models', `Key ${DEMO_TOKENS.accountIssueKey}`], code: 11000, first: 'activation/account-issue' },
  { name: 'monthly operations used up', request: ['GET', '/v2/models', `Key ${DEMO_TOKENS.monthlyLimitKey}`], code: 11004, first: 'limits/monthly-limit' },
  { name: 'hourly operations used up', request: ['GET', '/v2/models', `Key ${DEMO_TOKENS.hourlyLimitKey}`], code: 11003, first: 'limits/hourly-limit' },
  { name: "another app's key", request: ['GET', '/v2/users/demo-user/apps/demo-app/models', `Key ${DEMO_TOKENS.otherAppKey}`], code: 11008, first: 'permissions/app-key-other-app' },
  { name: 'an unknown path', request: ['GET', '/v2/nothing/here', `Key ${DEMO_TOKENS.appKey}`], code: 11101, first: 'endpoint/resource-not-found' },
  { name: 'the wrong method', request: ['GET', '/v2/models/x/outputs', `Key ${DEMO_TOKENS.appKey}`], code: 11103, first: 'endpoint/wrong-method' },
];

for (const r of ROUNDTRIPS) {
  test(`emulator → explain: ${r.name}`, async () => {
    const text = await paste(...r.request);
    const result = explain(text);
    assert.equal(result.status?.code, r.code, text);
    assert.equal(result.findings[0]?.id, r.first, `${text}\n${result.findings.map((f) => f.id).join(', ')}`);
    // The tokens in the paste never come back in full.
    for (const token of Object.values(DEMO_TOKENS)) assert.ok(!JSON.stringify(result).includes(token), token);
  });
}

test('emulator → explain: a healthy key is not an error', async () => {
  const result = explain(await paste('GET', '/v2/models', `Key ${DEMO_TOKENS.appKey}`));
  assert.equal(result.status?.code, 10000);
  assert.deepEqual(result.findings, []);
});
