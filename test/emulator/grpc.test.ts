// The same decisions over gRPC, asked with Clarifai's official Node client (clarifai-nodejs-grpc).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_STATE, DEMO_TOKENS as T } from '../../src/emulator/index.js';
import { emulator, grpcClient, key } from './helpers.js';

const UNKNOWN = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';
const MALFORMED = 'Empty or malformed authorization header. Please provide an API key or session token.';

describe('gRPC with the official client', async () => {
  const e = await emulator({ state: { ...DEMO_STATE, rate_limit_rps: null } });
  const client = grpcClient(e.grpcTarget);

  test('a good key → 10000, carried inside the response with gRPC OK', async () => {
    const r = await client.call('ListModels', {}, key(T.appKey));
    assert.equal(r.status.code, 10000);
    assert.equal(r.status.description, 'Ok');
    assert.match(r.status.req_id, /^[0-9a-f]{32}$/u);
  });

  test('an unknown key → 11009 with the token echoed in details', async () => {
    const r = await client.call('PostModelOutputs', { model_id: 'general-image-recognition' }, key(UNKNOWN));
    assert.equal(r.status.code, 11009);
    assert.equal(r.status.description, 'API key not found');
    assert.equal(r.status.details, `invalid key(${UNKNOWN})`);
  });

  test('a scope-less key → 11007 naming the missing scopes', async () => {
    const r = await client.call('PostModelOutputs', { model_id: 'general-image-recognition' }, key(T.scopelessKey));
    assert.equal(r.status.code, 11007);
    assert.equal(r.status.details, 'missing scopes: Apps_Get, Concepts_Get, Models_Get, Predict');
  });

  test('no metadata, or a lowercase scheme word → 11102', async () => {
    for (const auth of [undefined, `key ${T.appKey}`, `Bearer ${T.appKey}`, `Key ${T.appKey} `]) {
      const r = await client.call('ListModels', {}, auth);
      assert.equal(r.status.code, 11102, String(auth?.slice(0, 6)));
      assert.equal(r.status.details, MALFORMED);
    }
  });

  test('a badly formatted key → 11008 Invalid format of key.', async () => {
    const r = await client.call('ListModels', {}, key(`'${T.appKey}'`));
    assert.equal(r.status.code, 11008);
    assert.equal(r.status.details, 'Invalid format of key.');
  });

  test('a PAT without user_app_id → 11008 Must provide app external ID; with it → 10000', async () => {
    const without = await client.call('PostModelOutputs', { model_id: 'm' }, key(T.pat));
    assert.equal(without.status.code, 11008);
    assert.equal(without.status.details, 'Must provide app external ID in API authorizer');
    const mine = await client.call('PostModelOutputs', { user_app_id: { user_id: 'demo-user', app_id: 'demo-app' }, model_id: 'm' }, key(T.pat));
    assert.equal(mine.status.code, 10000);
    const pub = await client.call('PostModelOutputs', { user_app_id: { user_id: 'clarifai', app_id: 'main' }, model_id: 'general-image-recognition' }, key(T.pat));
    assert.equal(pub.status.code, 10000);
  });

  test('an app key on clarifai/main or on a PAT-only RPC → 11008', async () => {
    const pub = await client.call('PostModelOutputs', { user_app_id: { user_id: 'clarifai', app_id: 'main' }, model_id: 'general-image-recognition' }, key(T.appKey));
    assert.equal(pub.status.code, 11008);
    const listApps = await client.call('ListApps', {}, key(T.appKey));
    assert.equal(listApps.status.code, 11008);
  });

  test('MyScopes and GetUser carry real content', async () => {
    const scopes = await client.call('MyScopes', {}, key(T.predictOnlyKey));
    assert.deepEqual(scopes.scopes, ['Predict']);
    assert.equal((scopes.app as { id: string; user_id: string }).id, 'demo-app');
    assert.equal((scopes.app as { id: string; user_id: string }).user_id, 'demo-user');
    const user = await client.call('GetUser', { user_app_id: { user_id: 'me' } }, key(T.pat));
    assert.equal(user.status.code, 10000);
    assert.equal((user.user as { id: string }).id, 'demo-user');
  });

  test('limits, activation, expiry and account issues answer as over REST', async () => {
    const codes = [];
    for (const token of [T.hourlyLimitKey, T.monthlyLimitKey, T.pendingKey, T.expiredKey, T.accountIssueKey]) {
      codes.push((await client.call('ListModels', {}, key(token))).status.code);
    }
    assert.deepEqual(codes, [11003, 11004, 11009, 11008, 11000]);
  });

  test('an RPC without special handling still gets an auth-checked minimal response', async () => {
    assert.equal((await client.call('ListConcepts', {}, key(T.appKey))).status.code, 10000);
    assert.equal((await client.call('ListConcepts', {}, key(T.scopelessKey))).status.code, 11007);
    assert.equal((await client.call('ListStatusCodes', {})).status.code, 10000);
  });

  test('streaming RPCs answer one auth-checked message and end (server, client and bidi streams)', async () => {
    const server = await client.stream('GenerateModelOutputs', [], key(UNKNOWN), { model_id: 'm' });
    assert.deepEqual(server.map((m) => m.status.code), [11009]);
    const bidi = await client.stream('StreamModelOutputs', [{ model_id: 'm' }], key(T.appKey));
    assert.deepEqual(bidi.map((m) => m.status.code), [10000]);
    const bidiPat = await client.stream('StreamModelOutputs', [{ model_id: 'm' }], key(T.pat));
    assert.deepEqual(bidiPat.map((m) => m.status.code), [11008]);
    const upload = await client.stream('PostModelVersionsUpload', [{}], key(T.scopelessKey));
    assert.deepEqual(upload.map((m) => m.status.code), [11007]);
  });

  test('the gRPC log entries name the RPC and mask the key', async () => {
    const before = e.logs.length;
    await client.call('ListModels', {}, key(UNKNOWN));
    const entry = e.logs[before]!;
    assert.equal(entry.transport, 'grpc');
    assert.equal(entry.rpc, 'ListModels');
    assert.equal(entry.code, 11009);
    assert.equal(entry.key, '3f9a…00 (32 chars)');
    assert.ok(!JSON.stringify(e.logs).includes(UNKNOWN));
  });
});
