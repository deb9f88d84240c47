import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explain, type ExplainResult } from '../../src/explain/index.js';
import { CATEGORIES } from '../../src/types/diagnostic.js';

// Obviously fake keys (32 lowercase hex ending in 0000).
const KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';

interface Case {
  name: string;
  text: string;
  code?: number;
  form?: ExplainResult['form'];
  /** The most likely cause. */
  first?: string;
  /** Ids that must appear, in this relative order. */
  ids?: string[];
  /** A fragment the first finding's message must contain. */
  says?: RegExp;
  /** A fragment the summary or notes must contain. */
  notes?: RegExp;
  http?: number;
  /** No findings (success, or not about the key). */
  none?: boolean;
}

const body = (code: number | string, description: string, details?: string) =>
  JSON.stringify({ status: { code, description, ...(details !== undefined ? { details } : {}), req_id: '1f43314a008044d9919097a30b1f134e' }, outputs: [] }, null, 2);

const CASES: Case[] = [
  // --- 11009 and the echoed key ---
  {
    name: 'REST body 11009 invalid key(None) (clarifai-python #96)',
    text: body(11009, 'API key not found', 'invalid key(None)'),
    code: 11009,
    form: 'status-fields',
    first: 'env/key-not-set',
    says: /None.*CLARIFAI_PAT/su,
  },
  { name: 'invalid key(undefined) on one line', text: '{"status":{"code":11009,"description":"API key not found","details":"invalid key(undefined)"}}', code: 11009, first: 'env/key-not-set', says: /undefined/u },
  { name: 'invalid key(null)', text: body(11009, 'API key not found', 'invalid key(null)'), first: 'env/key-not-set', says: /null/u },
  { name: 'invalid key() is an empty key', text: body(11009, 'API key not found', 'invalid key()'), first: 'env/key-not-set', says: /empty/u },
  { name: 'a well-formed unknown key', text: body(11009, 'API key not found', `invalid key(${KEY})`), first: 'key/unknown-key', ids: ['key/unknown-key', 'env/stale-value'], says: /3f9a…00/u },
  { name: 'an unexpanded shell reference', text: body(11009, 'API key not found', 'invalid key($CLARIFAI_PAT)'), first: 'env/unexpanded-reference', says: /\$CLARIFAI_PAT/u },
  { name: 'a Python string missing its f prefix', text: body(11009, 'API key not found', 'invalid key({PAT})'), first: 'env/unexpanded-reference' },
  { name: 'a placeholder from an example', text: body(11009, 'API key not found', 'invalid key(YOUR_PAT_HERE)'), first: 'key/placeholder', says: /YOUR_PAT_HERE/u },
  { name: 'quotes inside the key', text: body(11009, 'API key not found', `invalid key("${KEY}")`), first: 'key/wrapping-quotes' },
  { name: 'a trailing newline inside the key', text: body(11009, 'API key not found', `invalid key(${KEY}\n)`), first: 'key/whitespace' },
  { name: 'a doubled scheme word', text: body(11009, 'API key not found', `invalid key(Key ${KEY})`), first: 'key/scheme-prefix' },
  { name: 'another service\'s key', text: body(11009, 'API key not found', 'invalid key(sk-proj-abcdefghijklmnopqrstuvwxyz0000)'), first: 'key/other-credential', says: /OpenAI/u },
  { name: 'uppercase hex', text: body(11009, 'API key not found', `invalid key(${KEY.toUpperCase()})`), first: 'key/uppercase-hex', says: /not known/u },
  { name: 'a truncated key', text: body(11009, 'API key not found', 'invalid key(3f9a6d0c8b7e4a21)'), first: 'key/wrong-format' },
  { name: '11009 without details lists the candidates', text: '11009', code: 11009, form: 'code', ids: ['key/unknown-key', 'env/key-not-set', 'env/stale-value'], notes: /details/u },

  // --- 11008 ---
  {
    name: 'PAT without app (pliers #403), code as a string name',
    text: body('CONN_KEY_INVALID', 'Invalid API key or Invalid API key/application pair', 'Must provide app external ID in API authorizer'),
    code: 11008,
    first: 'permissions/pat-without-app',
    says: /user_id and app_id/u,
  },
  { name: 'Invalid format of key. (scan-for-webcams #32)', text: body(11008, 'Invalid API key or Invalid API key/application pair', 'Invalid format of key.'), ids: ['key/wrong-format', 'env/wrong-definition'] },
  {
    name: '11008 without details: several causes, expiry honestly inferred',
    text: 'CONN_KEY_INVALID',
    code: 11008,
    form: 'name',
    ids: ['key/invalid-key', 'permissions/pat-without-app', 'permissions/app-key-other-app', 'activation/expired-key'],
  },

  // --- 11102 and headers ---
  {
    name: 'Python gRPC printout of 11102 (clarifai-python-grpc #26)',
    text: 'code: CONN_INVALID_REQUEST\ndescription: "Invalid request"\ndetails: "Empty or malformed authorization header. Please provide an API key or session token."\nreq_id: "abc"\n',
    code: 11102,
    first: 'headers/scheme-format',
    ids: ['headers/scheme-format', 'env/key-not-set', 'headers/separate-grpc-js'],
  },
  {
    name: 'Node toObject() of 11102 puts the grpc-js cause before the empty variable',
    text: "{\n  code: 11102,\n  description: 'Invalid request',\n  details: 'Empty or malformed authorization header. Please provide an API key or session token.',\n  stackTraceList: [],\n  percentCompleted: 0,\n  timeRemaining: 0,\n  reqId: 'abc',\n  internalDetails: ''\n}",
    code: 11102,
    ids: ['headers/scheme-format', 'headers/separate-grpc-js', 'env/key-not-set'],
  },
  {
    name: 'a pasted Bearer header explains 11102',
    text: `curl -H 'Authorization: Bearer ${KEY}' https://api.clarifai.com/v2/models\n{"status":{"code":11102,"description":"Invalid request","details":"Empty or malformed authorization header. Please provide an API key or session token."}}`,
    first: 'headers/bearer-on-core-api',
  },
  {
    name: 'Python metadata with lowercase key',
    text: `metadata = (('authorization', 'key ${KEY}'),)\ncode: CONN_INVALID_REQUEST\ndescription: "Invalid request"`,
    first: 'headers/scheme-format',
    says: /"key"/u,
  },
  { name: 'two spaces after Key', text: `Authorization: Key  ${KEY}\nHTTP/1.1 401 Unauthorized`, first: 'headers/scheme-format', says: /"  "/u, http: 401 },
  { name: 'a header with no scheme', text: `-H "Authorization: ${KEY}" → 401 Unauthorized`, first: 'headers/missing-scheme' },

  // --- every other code 11000–11200 ---
  { name: '11000', text: body(11000, 'Account or plan issue'), first: 'activation/account-issue', notes: /not documented/u },
  { name: '11001 expired token (clarifai-python #46)', text: body(11001, 'Invalid authentication token', 'expired token'), first: 'key/legacy-token' },
  { name: '11001 without details', text: '11001', first: 'key/legacy-token', says: /deprecated/u },
  { name: '11002 (legacy app id/secret)', text: body(11002, 'Invalid credentials'), first: 'key/legacy-credentials' },
  { name: '11003 says its HTTP status is only inferred', text: body(11003, 'Hourly request limit exceeded'), first: 'limits/hourly-limit', notes: /inferred/u },
  { name: '11004', text: body(11004, 'Monthly request limit exceeded'), first: 'limits/monthly-limit' },
  { name: '11005 docs example with a string code', text: '{"status": {"code": "CONN_THROTTLED", "description": "Making too many requests", "details": "exceeded limit of 15 requests per second"}}', code: 11005, first: 'limits/throttled', says: /15 per second/u },
  { name: '11006', text: body(11006, 'Account limits exceeded'), first: 'limits/account-limits' },
  { name: '11007 names the missing scopes', text: body(11007, 'API key has insufficient scopes', 'missing scopes: Models_Get, Predict'), ids: ['permissions/missing-scopes', 'permissions/app-key-on-pat-route'], says: /Models_Get, Predict/u },
  { name: '11100', text: body(11100, 'Bad request format'), first: 'endpoint/bad-request-format' },
  { name: '11101 model id not found (clarifai-python #47)', text: body(11101, 'Resource does not exist', "model_id 'general-v1.3' not found. Check the url of your request."), ids: ['endpoint/resource-not-found', 'permissions/wrong-owner'], says: /general-v1\.3/u },
  { name: '11101 app does not exist (wrong PAT/user, clarifai-python #548)', text: body(11101, 'Resource does not exist', 'app does not exist'), first: 'env/wrong-user-or-app' },
  { name: '11103 (clarifai-javascript #34)', text: body(11103, 'Method not allowed', 'Method Not Allowed'), first: 'endpoint/wrong-method' },
  { name: '11104', text: body(11104, 'No GDPR Consent'), first: 'activation/no-gdpr-consent' },
  { name: '11105 has no documented description', text: '{"status":{"code":11105}}', first: 'endpoint/invalid-range', notes: /description text for 11105 is not documented/u },
  { name: '11200', text: 'CONN_AUTH_METHOD_DISABLED', first: 'activation/auth-method-disabled', says: /documents neither/u },

  // --- around the auth codes ---
  { name: '10000 is not an error', text: '{"status":{"code":10000,"description":"Ok"}}', code: 10000, none: true, notes: /not an error/u },
  {
    name: '10010 explains the failed items',
    text: JSON.stringify({ status: { code: 10010, description: 'Mixed Success' }, outputs: [{ status: { code: 10000 } }, { status: { code: 21200, description: 'Model does not exist' } }] }),
    code: 10010,
    first: 'endpoint/resource-not-found',
    notes: /some items succeeded/u,
  },
  { name: '21200 ties to the public-model change', text: body(21200, 'Model does not exist'), ids: ['endpoint/resource-not-found', 'permissions/app-key-other-app'], says: /model/u },
  { name: '21201 by family', text: '{"status":{"code":21201}}', first: 'permissions/permission-denied', says: /model/u },
  { name: 'WORKFLOW_DOES_NOT_EXIST by name', text: 'code: WORKFLOW_DOES_NOT_EXIST', first: 'endpoint/resource-not-found', says: /workflow/u },
  { name: 'an internal error is not about the key', text: '{"status":{"code":98004,"description":"Internal server issue"}}', code: 98004, none: true, notes: /not a key or authentication problem/u },
  { name: 'StatusCode.CONN_KEY_NOT_FOUND', text: 'StatusCode.CONN_KEY_NOT_FOUND', code: 11009 },

  // --- printouts and logs ---
  {
    name: 'Python SDK exception text',
    text: 'Traceback (most recent call last):\n  File "app.py", line 9, in <module>\nException: Model Predict failed with response code: CONN_KEY_NOT_FOUND\ndescription: "API key not found"\ndetails: "invalid key(None)"\nreq_id: "sdk-python-11.1.5-f79bd7b9739a4879b9f2abcd774012f8"\n',
    code: 11009,
    first: 'env/key-not-set',
  },
  {
    name: 'Node SDK error with JSON.stringify(status)',
    text: 'Error: Model Predict failed with response {"code":11009,"description":"API key not found","details":"invalid key(undefined)","stackTraceList":[],"percentCompleted":0,"timeRemaining":0,"reqId":"abc","internalDetails":"","developerNotes":""}\n    at /app/node_modules/clarifai-nodejs/dist/index.js:1:1',
    first: 'env/key-not-set',
    says: /undefined/u,
  },
  { name: 'Node google-protobuf message printed raw', text: "Status {\n  wrappers_: null,\n  array: [ 11009, 'API key not found', 'invalid key(undefined)', [], 0, 0, 'abc' ]\n}", form: 'status-array', first: 'env/key-not-set' },
  { name: 'node SDK toString() of the status', text: 'Error: Model Predict failed with response 11009,API key not found,invalid key(undefined),,0,0,abc', form: 'status-array', first: 'env/key-not-set' },
  {
    name: 'a body inside log text',
    text: `2024-05-01T10:00:00Z INFO starting\n2024-05-01T10:00:01Z ERROR clarifai request failed status=401 body={"status": {"code": 11009, "description": "API key not found", "details": "invalid key(${KEY})"}}\n`,
    code: 11009,
    first: 'key/unknown-key',
    http: 401,
  },
  {
    name: 'a body logged as an escaped JSON string',
    text: '{"level":"error","msg":"clarifai","body":"{\\"status\\":{\\"code\\":11008,\\"description\\":\\"Invalid API key or Invalid API key/application pair\\",\\"details\\":\\"Invalid format of key.\\"}}"}',
    code: 11008,
    first: 'key/wrong-format',
  },
  {
    name: 'a success then a failure: the failure is explained',
    text: '{"status":{"code":10000,"description":"Ok"}}\nretrying...\n{"status":{"code":11005,"description":"Making too many requests"}}',
    code: 11005,
    first: 'limits/throttled',
  },

  // --- free text ---
  { name: '"Invalid API key or pair"', text: 'Invalid API key or pair', code: 11008, form: 'message', first: 'key/invalid-key' },
  { name: '"API key not found"', text: 'Error: API key not found', code: 11009, form: 'message' },
  { name: '"Empty or malformed authorization header"', text: 'Empty or malformed authorization header', code: 11102, first: 'headers/scheme-format' },
  { name: '"Making too many requests"', text: 'Making too many requests', code: 11005, first: 'limits/throttled' },

  // --- HTTP status only ---
  {
    name: '"401 Unauthorized" alone is ambiguous',
    text: '401 Unauthorized',
    form: 'http-status',
    http: 401,
    ids: ['env/key-not-set', 'key/unknown-key', 'key/wrong-format', 'permissions/pat-without-app', 'headers/scheme-format'],
    notes: /ambiguous.*11008, 11009 \(verified\)/su,
  },
  { name: 'HTTP/1.1 429', text: 'HTTP/1.1 429 Too Many Requests', http: 429, ids: ['limits/throttled', 'limits/hourly-limit', 'limits/monthly-limit'] },
  { name: 'axios 403', text: 'AxiosError: Request failed with status code 403', http: 403, first: 'permissions/missing-scopes' },
  { name: 'a bare 404', text: '404', http: 404, first: 'endpoint/resource-not-found' },
  { name: '503 is not a key problem', text: '503 Service Unavailable', http: 503, first: 'endpoint/server-error' },

  // --- SDK and network errors before any answer ---
  { name: "clarifai-python: Need 'pat' or 'token'", text: "Exception: Need 'pat' or 'token' in the query params or use one of the CLARIFAI_PAT or CLARIFAI_SESSION_TOKEN env vars", form: 'client-message', first: 'env/key-not-set' },
  { name: "Need 'user_id'", text: "Exception: Need 'user_id' to not be empty in the query params or user CLARIFAI_USER_ID env var", first: 'env/user-id-not-set' },
  { name: "node SDK: Need 'app_id'", text: "Error: Need 'app_id' to not be empty in the query params or use CLARIFAI_APP_ID env var", first: 'env/app-id-not-set' },
  { name: 'PAT and session token', text: 'Exception: A personal access token OR a session token need to be provided, but you cannot provide both.', first: 'key/pat-and-session-token' },
  { name: 'clarifai-grpc metadata check', text: "clarifai_grpc.channel.errors.UsageError: Please provide metadata with the format of (('authorization', 'Key YOUR_CLARIFAI_API_KEY'),)", first: 'headers/scheme-format' },
  { name: 'gRPC base with a scheme', text: 'ValueError: CLARIFAI_GRPC_BASE should not start with http:// or https://', first: 'endpoint/grpc-base-scheme' },
  { name: 'DNS failure', text: 'Error: getaddrinfo ENOTFOUND api.clarifia.com', first: 'endpoint/unreachable', says: /api\.clarifia\.com/u },
  { name: 'connection refused', text: 'connect ECONNREFUSED 127.0.0.1:8080', first: 'endpoint/unreachable', says: /127\.0\.0\.1:8080/u },
  { name: 'gRPC UNAVAILABLE', text: 'Error: 14 UNAVAILABLE: No connection established', first: 'endpoint/unreachable' },
  { name: 'TLS interception', text: 'Error: self-signed certificate in certificate chain', first: 'endpoint/tls' },
];

for (const c of CASES) {
  test(`explain: ${c.name}`, () => {
    const r = explain(c.text);
    assert.equal(r.recognised, true, r.summary);
    const ids = r.findings.map((f) => f.id);
    if (c.code !== undefined) assert.equal(r.status?.code, c.code, r.summary);
    if (c.form !== undefined) assert.equal(r.form, c.form);
    if (c.http !== undefined) assert.equal(r.httpStatus, c.http);
    if (c.first !== undefined) assert.equal(ids[0], c.first, `findings: ${ids.join(', ')}`);
    if (c.ids !== undefined) assert.deepEqual(ids.filter((id) => c.ids!.includes(id)), c.ids, `findings: ${ids.join(', ')}`);
    if (c.says !== undefined) assert.match(r.findings[0]!.message, c.says);
    if (c.notes !== undefined) assert.match([r.summary, ...r.notes].join('\n'), c.notes);
    if (c.none) assert.deepEqual(r.findings, []);
    else assert.ok(r.findings.length > 0, 'a failure has at least one cause');
  });
}

test('every code from 11000 to 11200 in the status table gets at least one cause', async () => {
  const { apiTable } = await import('../../src/providers/clarifai/api-table.js');
  const codes = apiTable.statusCodes.filter((s) => s.code >= 11000 && s.code <= 11200);
  // 11000–11009, 11100–11105 and 11200 in clarifai-nodejs-grpc 11.11.0.
  assert.equal(codes.length, 17);
  for (const s of codes) {
    const byNumber = explain(String(s.code));
    const byName = explain(s.name);
    assert.equal(byNumber.status?.name, s.name);
    assert.equal(byName.status?.code, s.code);
    assert.ok(byNumber.findings.some((f) => f.severity === 'error'), `${s.code} ${s.name} has an error cause`);
  }
});

test('every finding is well-formed: id category/name, one of the eight categories, a sentence, a fix, no duplicates', () => {
  for (const c of CASES) {
    const r = explain(c.text);
    const keys = r.findings.map((f) => `${f.id}|${f.message}`);
    assert.equal(new Set(keys).size, keys.length, `duplicates in ${c.name}`);
    for (const f of r.findings) {
      assert.match(f.id, /^[a-z]+\/[a-z0-9-]+$/u);
      assert.equal(f.id.split('/')[0], f.category);
      assert.ok(CATEGORIES.includes(f.category));
      assert.ok(['error', 'warning', 'info'].includes(f.severity));
      assert.match(f.message, /^[A-Z`'"(].*[.)]$/su, f.message);
      assert.ok(f.fix.length > 10, f.id);
    }
  }
});

test('the status reports the pasted description and details, or Clarifai\'s documented description', () => {
  const pasted = explain(body(11009, 'API key not found', 'invalid key(None)'));
  assert.deepEqual(pasted.status, { code: 11009, name: 'CONN_KEY_NOT_FOUND', description: 'API key not found', details: 'invalid key(None)' });
  const bare = explain('11003');
  assert.deepEqual(bare.status, { code: 11003, name: 'CONN_EXCEED_HOURLY_LIMIT', description: 'Hourly request limit exceeded' });
  const undocumented = explain('11200');
  assert.equal(undocumented.status?.description, null);
});
