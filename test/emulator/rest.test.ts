import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { DEMO_TOKENS as T, MAX_BODY_BYTES } from '../../src/emulator/index.js';
import { emulator, key, rest } from './helpers.js';

const MALFORMED = 'Empty or malformed authorization header. Please provide an API key or session token.';
const UNKNOWN = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';

describe('REST against the demo state', async () => {
  const e = await emulator({ state: { ...(await import('../../src/emulator/index.js')).DEMO_STATE, rate_limit_rps: null } });
  const call = (method: string, path: string, options: Parameters<typeof rest>[3] = {}) => rest(e.restUrl, method, path, options);

  test('a valid app key gets 10000 with exactly Clarifai\'s status shape and a 32-hex req_id', async () => {
    const r = await call('GET', '/v2/models', { auth: key(T.appKey) });
    assert.equal(r.http, 200);
    assert.equal(r.status.code, 10000);
    assert.equal(r.status.description, 'Ok');
    assert.match(r.status.req_id, /^[0-9a-f]{32}$/u);
    assert.deepEqual(Object.keys(r.body), ['status']);
  });

  test('an error body has exactly code, description, details and req_id', async () => {
    const r = await call('GET', '/v2/models', { auth: key(UNKNOWN) });
    assert.deepEqual(Object.keys(r.status).sort(), ['code', 'description', 'details', 'req_id']);
    assert.equal(r.headers.get('content-type'), 'application/json; charset=utf-8');
  });

  for (const [what, auth] of [
    ['no Authorization header', []],
    ['a lowercase scheme word', `key ${T.appKey}`],
    ['an upper-case scheme word', `KEY ${T.appKey}`],
    ['the Bearer scheme', `Bearer ${T.appKey}`],
    ['no space after Key', `Key${T.appKey}`],
    ['two spaces after Key', `Key  ${T.appKey}`],
    ['two tokens', `Key ${T.appKey} ${T.pat}`],
    ['Key with nothing after it', 'Key '],
    ['a bare token without a scheme', T.appKey],
  ] as [string, string | string[]][]) {
    test(`${what} → 11102 with Clarifai's exact details`, async () => {
      const r = await call('GET', '/v2/models', { auth });
      assert.equal(r.status.code, 11102);
      assert.equal(r.status.description, 'Invalid request');
      assert.equal(r.status.details, MALFORMED);
      assert.equal(r.http, 400);
    });
  }

  test('two Authorization headers → 11102', async () => {
    const { port } = new URL(e.restUrl);
    const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/v2/models' }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      req.setHeader('authorization', [key(T.appKey), key(T.appKey)]); // two header lines
      req.end();
    });
    assert.equal(JSON.parse(reply.body).status.code, 11102);
  });

  test('an unknown well-formed key → 11009 API key not found, echoing what was received', async () => {
    const r = await call('GET', '/v2/models', { auth: key(UNKNOWN) });
    assert.equal(r.http, 401);
    assert.equal(r.status.code, 11009);
    assert.equal(r.status.description, 'API key not found');
    assert.equal(r.status.details, `invalid key(${UNKNOWN})`);
  });

  for (const sentinel of ['None', 'undefined', 'null']) {
    test(`"Key ${sentinel}" (the variable was never set) → 11009 invalid key(${sentinel})`, async () => {
      const r = await call('GET', '/v2/models', { auth: `Key ${sentinel}` });
      assert.equal(r.status.code, 11009);
      assert.equal(r.status.details, `invalid key(${sentinel})`);
    });
  }

  for (const [what, token] of [
    ['quotes around the key', `"${T.appKey}"`],
    ['a dash in the key', '3f9a6d0c-8b7e-4a21-90f1-c3d5e7b90000'],
    ['a non-breaking space pasted after the key', `${T.appKey}\u00a0`],
  ]) {
    test(`${what} → 11008 Invalid format of key.`, async () => {
      const r = await call('GET', '/v2/models', { auth: key(token!) });
      assert.equal(r.http, 401);
      assert.equal(r.status.code, 11008);
      assert.equal(r.status.description, 'Invalid API key or Invalid API key/application pair');
      assert.equal(r.status.details, 'Invalid format of key.');
    });
  }

  test('a PAT on a short legacy path with no user_app_id → 11008 Must provide app external ID', async () => {
    for (const [method, path] of [
      ['GET', '/v2/models'],
      ['POST', '/v2/models/general-image-recognition/outputs'],
      ['GET', '/v2/myscopes'],
    ]) {
      const r = await call(method!, path!, { auth: key(T.pat), ...(method === 'POST' ? { body: {} } : {}) });
      assert.equal(r.status.code, 11008, `${method} ${path}`);
      assert.equal(r.status.details, 'Must provide app external ID in API authorizer');
    }
  });

  test('a PAT with user_app_id in the body or query string, or ids in the path, succeeds', async () => {
    const body = { user_app_id: { user_id: 'demo-user', app_id: 'demo-app' }, inputs: [] };
    assert.equal((await call('POST', '/v2/models/general-image-recognition/outputs', { auth: key(T.pat), body })).status.code, 10000);
    assert.equal((await call('GET', '/v2/models?user_app_id.user_id=demo-user&user_app_id.app_id=demo-app', { auth: key(T.pat) })).status.code, 10000);
    assert.equal((await call('GET', '/v2/users/demo-user/apps/demo-app/models', { auth: key(T.pat) })).status.code, 10000);
    assert.equal((await call('GET', '/v2/users/me/apps/demo-app/models', { auth: key(T.pat) })).status.code, 10000);
    // A user-level listing needs no app.
    assert.equal((await call('GET', '/v2/users/demo-user/models', { auth: key(T.pat) })).status.code, 10000);
  });

  test('a PAT with only a user_id in the body of an app method → 11008 Must provide app external ID', async () => {
    const r = await call('POST', '/v2/models/x/outputs', { auth: key(T.pat), body: { user_app_id: { user_id: 'demo-user' } } });
    assert.equal(r.status.code, 11008);
    assert.equal(r.status.details, 'Must provide app external ID in API authorizer');
  });

  test('a PAT on another user\'s app or an app its user does not have → 11101 (404)', async () => {
    const other = await call('GET', '/v2/users/other-user/apps/other-app/models', { auth: key(T.pat) });
    assert.equal(other.status.code, 11101);
    assert.equal(other.http, 404);
    const missing = await call('GET', '/v2/users/demo-user/apps/no-such-app/models', { auth: key(T.pat) });
    assert.equal(missing.status.code, 11101);
    assert.match(missing.status.details!, /no-such-app/u);
  });

  test('an app key on a PAT-only route → 11008', async () => {
    for (const path of ['/v2/users/demo-user/apps', '/v2/apps', '/v2/users/me', '/v2/users/demo-user/keys']) {
      const r = await call('GET', path, { auth: key(T.appKey) });
      assert.equal(r.status.code, 11008, path);
      assert.match(r.status.details!, /personal access token/u);
    }
  });

  test('an app key on a path naming another user or app → 11008 (the key/application pair)', async () => {
    for (const path of ['/v2/users/other-user/apps/other-app/models', '/v2/users/demo-user/apps/other-app/models', '/v2/users/other-user/models']) {
      const r = await call('GET', path, { auth: key(T.appKey) });
      assert.equal(r.status.code, 11008, path);
      assert.equal(r.http, 401);
    }
    const ok = await call('GET', '/v2/users/demo-user/apps/demo-app/models', { auth: key(T.appKey) });
    assert.equal(ok.status.code, 10000);
  });

  test('clarifai/main: a PAT may predict and read, an app key may not (the 2023/2025 change)', async () => {
    const path = '/v2/users/clarifai/apps/main/models/general-image-recognition/outputs';
    assert.equal((await call('POST', path, { auth: key(T.pat), body: {} })).status.code, 10000);
    assert.equal((await call('GET', '/v2/users/clarifai/apps/main/models/general-image-recognition', { auth: key(T.pat) })).status.code, 10000);
    const appKey = await call('POST', path, { auth: key(T.appKey), body: {} });
    assert.equal(appKey.status.code, 11008);
    assert.equal(appKey.status.details, 'API key is not valid for app clarifai/main');
  });

  test('a PAT cannot change clarifai/main: writing needs scopes public apps do not grant → 11007', async () => {
    const r = await call('POST', '/v2/users/clarifai/apps/main/inputs', { auth: key(T.pat), body: { inputs: [] } });
    assert.equal(r.status.code, 11007);
    assert.match(r.status.details!, /Inputs_Add/u);
  });

  test('missing cl_depending_scopes → 11007 naming every missing scope', async () => {
    const none = await call('POST', '/v2/models/general-image-recognition/outputs', { auth: key(T.scopelessKey), body: {} });
    assert.equal(none.status.code, 11007);
    assert.equal(none.status.description, 'API key has insufficient scopes');
    assert.equal(none.status.details, 'missing scopes: Apps_Get, Concepts_Get, Models_Get, Predict');
    assert.equal(none.http, 401);
    const predictOnly = await call('POST', '/v2/models/general-image-recognition/outputs', { auth: key(T.predictOnlyKey), body: {} });
    assert.equal(predictOnly.status.details, 'missing scopes: Apps_Get, Concepts_Get, Models_Get');
  });

  test('scope All covers every scope, and an RPC with no scopes needs none', async () => {
    assert.equal((await call('POST', '/v2/models/x/outputs', { auth: key(T.appKey), body: {} })).status.code, 10000);
    assert.equal((await call('GET', '/v2/myscopes', { auth: key(T.scopelessKey) })).status.code, 10000);
  });

  test('GET /v2/myscopes returns the key\'s scopes and its app', async () => {
    const r = await call('GET', '/v2/myscopes', { auth: key(T.predictOnlyKey) });
    assert.deepEqual(r.body.scopes, ['Predict']);
    assert.deepEqual(r.body.app, { id: 'demo-app', user_id: 'demo-user' });
    assert.equal((await call('GET', '/v2/my_scopes', { auth: key(T.appKey) })).status.code, 10000);
  });

  test('GET /v2/users/me returns the PAT\'s user; /v2/users/{user_id}/myscopes its scopes', async () => {
    const me = await call('GET', '/v2/users/me', { auth: key(T.pat) });
    assert.deepEqual(me.body.user, { id: 'demo-user' });
    const scopes = await call('GET', '/v2/users/demo-user/myscopes', { auth: key(T.pat) });
    assert.equal(scopes.status.code, 10000);
    assert.deepEqual(scopes.body.scopes, ['All']);
    assert.equal((await call('GET', '/v2/users/other-user', { auth: key(T.pat) })).status.code, 11101);
  });

  test('an expired key → 11008 "expired key"', async () => {
    const r = await call('GET', '/v2/models', { auth: key(T.expiredKey) });
    assert.equal(r.status.code, 11008);
    assert.equal(r.status.details, 'expired key');
  });

  test('a key whose user has an account issue → 11000', async () => {
    const r = await call('GET', '/v2/models', { auth: key(T.accountIssueKey) });
    assert.equal(r.status.code, 11000);
    assert.equal(r.status.description, 'Account or plan issue');
  });

  test('exhausted hourly and monthly plans → 11003 and 11004 (HTTP 429)', async () => {
    const hourly = await call('GET', '/v2/models', { auth: key(T.hourlyLimitKey) });
    assert.equal(hourly.status.code, 11003);
    assert.equal(hourly.status.description, 'Hourly request limit exceeded');
    assert.equal(hourly.http, 429);
    const monthly = await call('GET', '/v2/models', { auth: key(T.monthlyLimitKey) });
    assert.equal(monthly.status.code, 11004);
    assert.equal(monthly.status.description, 'Monthly request limit exceeded');
    assert.equal(monthly.http, 429);
  });

  test('a key not active yet → 11009 like an unknown key', async () => {
    const r = await call('GET', '/v2/models', { auth: key(T.pendingKey) });
    assert.equal(r.status.code, 11009);
    assert.equal(r.status.details, `invalid key(${T.pendingKey})`);
  });

  test('an unknown path → 11101 with HTTP 404, whatever the key', async () => {
    const r = await call('GET', '/v2/modelz', { auth: key(T.appKey) });
    assert.equal(r.http, 404);
    assert.equal(r.status.code, 11101);
    assert.equal(r.status.description, 'Resource does not exist');
    assert.equal((await call('GET', '/v3/models')).status.code, 11101);
  });

  test('a known path with the wrong method → 11103 Method not allowed, with an Allow header', async () => {
    const r = await call('DELETE', '/v2/myscopes', { auth: key(T.appKey) });
    assert.equal(r.status.code, 11103);
    assert.equal(r.status.details, 'Method Not Allowed');
    assert.equal(r.http, 405);
    assert.equal(r.headers.get('allow'), 'GET');
  });

  test('a NoAuth method answers without any credential', async () => {
    assert.equal((await call('GET', '/v2/status_codes')).status.code, 10000);
  });

  test('a session-token-only method refuses keys and PATs with 11008', async () => {
    const r = await call('GET', '/v2/users/demo-user/scopes', { auth: key(T.pat) });
    assert.equal(r.status.code, 11008);
    assert.match(r.status.details!, /session token/u);
  });

  test('a body that is not JSON → 11100 (400)', async () => {
    const r = await call('POST', '/v2/models/x/outputs', { auth: key(T.appKey), body: '{not json' });
    assert.equal(r.status.code, 11100);
    assert.equal(r.http, 400);
  });

  test(`a body over ${MAX_BODY_BYTES} bytes → 11100 with HTTP 413`, async () => {
    const r = await call('POST', '/v2/models/x/outputs', { auth: key(T.appKey), body: `{"x":"${'a'.repeat(MAX_BODY_BYTES)}"}` });
    assert.equal(r.http, 413);
    assert.equal(r.status.code, 11100);
  });

  test('the log has one entry per request with the decision and reason, and never the token', async () => {
    const before = e.logs.length;
    await call('GET', '/v2/models', { auth: key(UNKNOWN) });
    await call('GET', '/v2/models', { auth: `Bearer ${UNKNOWN}` });
    await call('POST', '/v2/models/x/outputs', { auth: key(T.scopelessKey), body: {} });
    const entries = e.logs.slice(before);
    assert.equal(entries.length, 3);
    assert.deepEqual(entries.map((x) => [x.decision, x.code, x.rpc]), [
      ['deny', 11009, 'ListModels'],
      ['deny', 11102, 'ListModels'],
      ['deny', 11007, 'PostModelOutputs'],
    ]);
    assert.equal(entries[0]!.key, '3f9a…00 (32 chars)');
    assert.match(entries[1]!.reason, /Bearer/u);
    assert.match(entries[2]!.reason, /Predict/u);
    const all = JSON.stringify(e.logs);
    for (const token of [UNKNOWN, ...Object.values(T)]) assert.ok(!all.includes(token), 'a token leaked into the log');
  });
});

test('a path longer than any Clarifai route → 11101 at once (no search for near routes)', async () => {
  const e = await emulator({});
  for (const path of [`/v2/${'a/'.repeat(500)}x`, `/v2/${'x'.repeat(4000)}`]) {
    const r = await rest(e.restUrl, 'GET', path);
    assert.equal(r.status.code, 11101);
    assert.equal(r.http, 404);
  }
});
