// Live diagnosis over REST against a running emulator: every pinpointed cause, one test each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { T, diagnoseIn, ids, project, world } from './helpers.js';

const w = await world();
const base = { CLARIFAI_API_BASE: w.restUrl };

function verdictOf(d: Awaited<ReturnType<typeof diagnoseIn>>, id: string) {
  return d.verdicts.find((v) => v.id === id);
}

test('a valid PAT is valid, of kind pat, with its user', async () => {
  const d = await diagnoseIn(project({ '.env': `CLARIFAI_PAT=${T.pat}\nCLARIFAI_USER_ID=alice\nCLARIFAI_APP_ID=photos\n` }), base);
  assert.deepEqual(verdictOf(d, 'CLARIFAI_PAT'), { id: 'CLARIFAI_PAT', name: 'CLARIFAI_PAT', source: '.env', line: 1, value: '3f9a…00 (32 chars)', kind: 'pat', verdict: 'valid', reason: 'Clarifai accepted it as a personal access token of user alice', userId: 'alice' });
  assert.equal(d.findings.filter((f) => f.severity === 'error').length, 0);
});

test('a valid app key is valid, of kind app_key, with its app', async () => {
  const d = await diagnoseIn(project(), { ...base, CLARIFAI_API_KEY: T.appKey });
  const v = verdictOf(d, 'CLARIFAI_API_KEY')!;
  assert.equal(v.verdict, 'valid');
  assert.equal(v.kind, 'app_key');
  assert.equal(v.appId, 'photos');
  assert.equal(v.userId, 'alice');
});

test('an unknown key is invalid (11009) and key/live-rejected names the variable and its source', async () => {
  const d = await diagnoseIn(project({ '.env': `CLARIFAI_PAT=${T.unknown}\n` }), base);
  assert.equal(verdictOf(d, 'CLARIFAI_PAT')!.verdict, 'invalid');
  const f = d.findings.find((x) => x.id === 'key/live-rejected')!;
  assert.match(f.message, /CLARIFAI_PAT \(\.env:1\).*11009 API key not found/u);
  assert.deepEqual(f.location, { env: 'CLARIFAI_PAT', source: '.env', line: 1 });
  assert.ok(!f.message.includes(T.unknown), 'the echoed key is masked');
  // Without --wait, activation only suggests it; it claims no delay.
  assert.match(d.findings.find((x) => x.id === 'activation/live-propagation')!.message, /documents no propagation delay/u);
});

test('a value with characters no key has is invalid (11008 Invalid format of key.)', async () => {
  const d = await diagnoseIn(project(), { ...base, CLARIFAI_PAT: 'my-clarifai-key' });
  const v = verdictOf(d, 'CLARIFAI_PAT')!;
  assert.equal(v.verdict, 'invalid');
  assert.match(d.findings.find((x) => x.id === 'key/live-rejected')!.message, /11008.*Invalid format of key/u);
});

test('an expired key is invalid (the emulator answers 11008)', async () => {
  const d = await diagnoseIn(project(), { ...base, CLARIFAI_API_KEY: T.expired });
  assert.equal(verdictOf(d, 'CLARIFAI_API_KEY')!.verdict, 'invalid');
  assert.ok(ids(d).includes('key/live-rejected'));
});

test('a trailing newline: "the key works once the trailing newline is removed"', async () => {
  const d = await diagnoseIn(project({ '.env': `CLARIFAI_PAT="${T.pat}\\n"\n` }), base);
  assert.equal(verdictOf(d, 'CLARIFAI_PAT')!.verdict, 'invalid');
  assert.equal(verdictOf(d, 'CLARIFAI_PAT~cleaned')!.verdict, 'valid');
  const f = d.findings.find((x) => x.id === 'key/live-candidate-works')!;
  assert.equal(f.message, 'CLARIFAI_PAT (.env:1) is rejected as written, but the key works once the trailing newline is removed.');
  assert.ok(!ids(d).includes('key/live-rejected'), 'one root cause, one live finding');
});

test('a pasted "Key " prefix and quotes: the cleaned value works and the finding says what was removed', async () => {
  const d = await diagnoseIn(project(), { ...base, CLARIFAI_PAT: `'Key ${T.pat}'` });
  const f = d.findings.find((x) => x.id === 'key/live-candidate-works')!;
  assert.match(f.message, /the surrounding quotes are removed and the "Key " prefix is removed/u);
});

test('a stale shell value shadows a valid .env value: "the .env value is valid; your shell\'s value is the one being sent"', async () => {
  const d = await diagnoseIn(project({ '.env': `CLARIFAI_PAT=${T.pat}\n` }), { ...base, CLARIFAI_PAT: T.unknown });
  const f = d.findings.find((x) => x.id === 'env/live-other-source-works')!;
  assert.equal(f.message, "CLARIFAI_PAT: the value in .env line 1 is valid; your shell's value is the one being sent, and Clarifai rejects it.");
  assert.match(f.fix, /unset CLARIFAI_PAT/u);
  assert.deepEqual(f.related, [{ env: 'CLARIFAI_PAT', source: '.env', line: 1 }]);
});

test('`invalid key(None)` means the variable was never set', async () => {
  const d = await diagnoseIn(project({ '.env': 'CLARIFAI_PAT=None\n' }), base);
  const f = d.findings.find((x) => x.id === 'env/live-never-set')!;
  assert.match(f.message, /"Key None".*invalid key\(None\).*Python's None/u);
  assert.ok(!ids(d).includes('key/live-rejected'));
});

test('missing scopes: named from the route table against GET /v2/myscopes', async () => {
  const d = await diagnoseIn(project(), { ...base, CLARIFAI_API_KEY: T.predictOnly }, { call: 'POST /v2/models/general-image-recognition/outputs' });
  const f = d.findings.find((x) => x.id === 'permissions/missing-scopes')!;
  assert.match(f.message, /lacks the scopes Apps_Get, Concepts_Get, Models_Get that POST \/v2\/models\/general-image-recognition\/outputs \(PostModelOutputs\) needs/u);
});

test('a key with All lacks nothing; a key with no scopes lacks every scope the call needs', async () => {
  const all = await diagnoseIn(project(), { ...base, CLARIFAI_API_KEY: T.appKey }, { call: 'GET /v2/models' });
  assert.ok(!ids(all).includes('permissions/missing-scopes'));
  const none = await diagnoseIn(project(), { ...base, CLARIFAI_API_KEY: T.scopeless }, { call: 'GET /v2/models' });
  assert.match(none.findings.find((x) => x.id === 'permissions/missing-scopes')!.message, /Apps_Get, Concepts_Get, Models_Get/u);
});

test('a mutating call is not sent, but still judged from the key\'s scopes', async () => {
  const before = w.requests;
  const d = await diagnoseIn(project(), { ...base, CLARIFAI_API_KEY: T.predictOnly }, { call: 'DELETE /v2/models/my-model' });
  const live = d.evidence.live!;
  assert.equal(live.targets[0]!.sent, false);
  assert.ok(!w.logs.slice(-(w.requests - before)).some((l) => l.method === 'DELETE'), 'no DELETE reached the API');
  assert.match(d.findings.find((x) => x.id === 'permissions/missing-scopes')!.message, /judged from its scopes; the call was not sent/u);
});

test('an app key on a PAT-only call (--rpc ListApps)', async () => {
  const d = await diagnoseIn(project(), { ...base, CLARIFAI_API_KEY: T.appKey }, { rpc: 'ListApps' });
  assert.match(d.findings.find((x) => x.id === 'permissions/app-key-on-pat-route')!.message, /app-specific key \(app alice\/photos\), but GET \/v2\/apps \(ListApps\) accepts only a personal access token/u);
});

test('a PAT on a short path: set CLARIFAI_USER_ID/CLARIFAI_APP_ID and use the owner-scoped path', async () => {
  const d = await diagnoseIn(project(), { ...base, CLARIFAI_PAT: T.pat }, { call: 'POST /v2/models/general-image-recognition/outputs' });
  const f = d.findings.find((x) => x.id === 'permissions/pat-without-app')!;
  assert.match(f.message, /personal access token, and POST \/v2\/models\/general-image-recognition\/outputs \(PostModelOutputs\) names no user or app \(Clarifai answered 11008 Must provide app external ID in API authorizer\)/u);
  assert.match(f.fix, /Set CLARIFAI_USER_ID and CLARIFAI_APP_ID .* POST \/v2\/users\/\{user_app_id.user_id\}\/apps\/\{user_app_id.app_id\}\/models\/\{model_id\}\/outputs/u);
});

test('a PAT with no call to judge: warns when CLARIFAI_USER_ID/CLARIFAI_APP_ID are missing', async () => {
  const d = await diagnoseIn(project(), { ...base, CLARIFAI_PAT: T.pat });
  const f = d.findings.find((x) => x.id === 'permissions/pat-without-app')!;
  assert.equal(f.severity, 'warning');
  assert.match(f.fix, /CLARIFAI_USER_ID=alice .* your own apps and models, or CLARIFAI_USER_ID=clarifai and CLARIFAI_APP_ID=main for Clarifai's public models/u);
});

test('a PAT with no call to judge, in code that names the owner itself: no warning about the SDK variables', async () => {
  const code = "const USER_ID = 'clarifai';\nconst APP_ID = 'main';\nconst body = { user_app_id: { user_id: USER_ID, app_id: APP_ID } };\nmodule.exports = body;\n";
  const d = await diagnoseIn(project({ 'app.js': code }), { ...base, CLARIFAI_PAT: T.pat });
  assert.equal(d.findings.filter((x) => x.id === 'permissions/pat-without-app').length, 0);
  assert.equal(d.verdicts.find((v) => v.name === 'CLARIFAI_PAT')?.verdict, 'valid');
});

test('public models (clarifai/main) need a PAT: an app key is refused, a PAT works', async () => {
  const call = 'POST /v2/users/clarifai/apps/main/models/general-image-recognition/outputs';
  const key = await diagnoseIn(project(), { ...base, CLARIFAI_API_KEY: T.appKey }, { call });
  assert.match(key.findings.find((x) => x.id === 'permissions/app-key-public-model')!.message, /app key of alice\/photos.*clarifai\/main.*personal access token/u);
  const pat = await diagnoseIn(project(), { ...base, CLARIFAI_PAT: T.pat }, { call });
  assert.ok(!ids(pat).some((i) => i.startsWith('permissions/')), ids(pat).join());
  assert.equal(pat.evidence.live!.exchanges.find((e) => e.purpose === 'target')!.status!.code, 10000);
});

test("an app key on another user's app path", async () => {
  const d = await diagnoseIn(project(), { ...base, CLARIFAI_API_KEY: T.otherApp }, { call: 'GET /v2/users/alice/apps/photos/models' });
  assert.match(d.findings.find((x) => x.id === 'permissions/app-key-other-app')!.message, /belongs to app bob\/shop, but GET \/v2\/users\/alice\/apps\/photos\/models \(ListModels\) names alice\/photos/u);
});

test('limits: hourly (11003), monthly (11004) and account (11000) are limits, and the verdict stays unknown', async () => {
  for (const [key, code, words] of [
    [T.hourly, 11003, /hourly usage limit/u],
    [T.monthly, 11004, /monthly usage limit/u],
    [T.suspended, 11000, /plan problem/u],
  ] as const) {
    const d = await diagnoseIn(project(), { ...base, CLARIFAI_API_KEY: key });
    const f = d.findings.find((x) => x.id === 'limits/live-usage-limit');
    assert.ok(f, `no limits finding for ${code}: ${ids(d).join()}`);
    assert.match(f.message, words);
    assert.match(f.message, new RegExp(String(code), 'u'));
    assert.notEqual(d.verdicts[0]!.verdict, 'invalid', 'a limit is not a bad key');
  }
});

test('throttling (11005, HTTP 429): says when to retry from Retry-After', async () => {
  const tight = await world({ state: { users: [{ id: 'alice', apps: ['photos'] }], keys: [{ id: T.appKey, type: 'app_specific_key', user_id: 'alice', app_id: 'photos', scopes: ['All'] }], rate_limit_rps: 1 } });
  const d = await diagnoseIn(project(), { CLARIFAI_API_BASE: tight.restUrl, CLARIFAI_API_KEY: T.appKey }, { call: 'GET /v2/models' });
  const f = d.findings.find((x) => x.id === 'limits/throttled')!;
  assert.match(f.message, /11005 Making too many requests.*HTTP 429/u);
  assert.match(f.fix, /Retry after 1 s \(the server's Retry-After\)/u);
});

test('--wait: a key that is not active yet is retried until it works, and the delay is measured', async () => {
  const lines: string[] = [];
  const d = await diagnoseIn(project(), { ...(await fresh()), CLARIFAI_API_KEY: T.pending }, { waitS: 10, onProgress: (l) => lines.push(l) });
  assert.equal(d.verdicts[0]!.verdict, 'valid');
  const f = d.findings.find((x) => x.id === 'activation/live-propagation')!;
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /was unknown to Clarifai at first \(11009\) and became valid after \d+\.\d s/u);
  assert.ok(lines.some((l) => /^keydoctor: retry 1 in .*not known to Clarifai yet \(11009\)/u.test(l)), lines.join(''));
  assert.ok(!ids(d).includes('key/live-rejected'));
});

test('--wait: a key that never becomes valid is reported as such', async () => {
  const d = await diagnoseIn(project(), { ...base, CLARIFAI_API_KEY: T.unknown }, { waitS: 1 });
  const f = d.findings.find((x) => x.id === 'activation/live-propagation')!;
  assert.match(f.message, /never accepted it, so it is not just a new key/u);
  assert.ok(ids(d).includes('key/live-rejected'));
});

test('a call that is not a route, and one with the wrong method, are endpoint findings', async () => {
  const nope = await diagnoseIn(project(), { ...base, CLARIFAI_PAT: T.pat }, { call: 'GET /v2/modelz' });
  assert.match(nope.findings.find((x) => x.id === 'endpoint/live-route')!.message, /GET \/v2\/modelz is not a Clarifai API route/u);
  const wrong = await diagnoseIn(project(), { ...base, CLARIFAI_PAT: T.pat }, { call: 'POST /v2/users/me' });
  assert.match(wrong.findings.find((x) => x.id === 'endpoint/live-route')!.message, /binds only GET there and answers 11103/u);
});

test('a base ending in /v2 is reported, and the probes still reach the API', async () => {
  const d = await diagnoseIn(project(), { CLARIFAI_API_BASE: `${w.restUrl}/v2`, CLARIFAI_PAT: T.pat });
  assert.match(d.findings.find((x) => x.id === 'endpoint/live-base-url')!.message, /already ends in \/v2/u);
  assert.equal(d.verdicts[0]!.verdict, 'valid');
});

test('no credential at all: nothing is sent, and the live evidence says why', async () => {
  const before = w.requests;
  const d = await diagnoseIn(project(), base);
  assert.equal(w.requests, before);
  assert.match(d.evidence.live!.skipped!, /no Clarifai credential is defined/u);
});

test('offline sends nothing', async () => {
  const before = w.requests;
  const d = await diagnoseIn(project(), { ...base, CLARIFAI_PAT: T.pat }, { offline: true });
  assert.equal(w.requests, before);
  assert.equal(d.evidence.live, undefined);
});

test('no output carries a probed key in full', async () => {
  const d = await diagnoseIn(project({ '.env': `CLARIFAI_PAT="${T.pat}\\n"\n` }), { ...base, CLARIFAI_PAT: T.unknown, CLARIFAI_API_KEY: T.predictOnly }, { call: 'POST /v2/models/x/outputs' });
  const text = JSON.stringify({ findings: d.findings, verdicts: d.verdicts });
  for (const k of [T.pat, T.unknown, T.predictOnly]) assert.ok(!text.includes(k), `leaked ${k.slice(0, 4)}…`);
  // The evidence's exchanges carry no key either (reproduce commands use $VARIABLE or a mask).
  const exchanges = JSON.stringify(d.evidence.live!.exchanges);
  for (const k of [T.pat, T.unknown, T.predictOnly]) assert.ok(!exchanges.includes(k));
});

/** A fresh emulator, so `active_after_s` counts from now. */
async function fresh(): Promise<{ CLARIFAI_API_BASE: string }> {
  const e = await world();
  return { CLARIFAI_API_BASE: e.restUrl };
}
