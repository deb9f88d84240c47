import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explain } from '../../src/explain/index.js';

const KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';
const BLAMES_KEY = /^(?:key|env|headers|permissions)\//u;

const FOREIGN: [string, string, RegExp][] = [
  [
    'a Cloudflare 403 block page',
    'HTTP/1.1 403 Forbidden\nServer: cloudflare\nCF-RAY: 8c1f2a3b4c5d6e7f-FRA\n\n<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body><h1>Sorry, you have been blocked</h1></body></html>',
    /Cloudflare's block page \(HTTP 403\)/u,
  ],
  ['Cloudflare rate limiting (1015)', '<html><title>Access denied | api.example.com used Cloudflare to restrict access</title><body>Error 1015 You are being rate limited</body></html>', /Cloudflare's rate-limit page/u],
  ['an Akamai block page', '<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY><H1>Access Denied</H1>You don\'t have permission to access "http://api.clarifai.com/v2/models" on this server.<P>Reference&#32;#18.2f3e4d5c.1700000000.abcdef</BODY></HTML>', /Akamai's block page/u],
  ['a corporate gateway HTML 401', 'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Negotiate\nContent-Type: text/html\n\n<html><head><title>Sign in to your account</title></head></html>', /sign-on or gateway login page \(HTTP 401\)/u],
  ['a proxy 407 page', 'HTTP/1.1 407 Proxy Authentication Required\nProxy-Authenticate: Basic realm="corp"\n\n<html><body>ERR_CACHE_ACCESS_DENIED</body></html>', /proxy asking for its own login/u],
  ['an nginx 429 page of another service', 'Request failed with status code 429\n<html><head><title>429 Too Many Requests</title></head><body><center><h1>429 Too Many Requests</h1></center><hr><center>nginx</center></body></html>', /another service's rate-limit page \(HTTP 429\)/u],
];

for (const [name, text, says] of FOREIGN) {
  test(`explain says ${name} did not come from Clarifai and blames nothing on the key`, () => {
    const r = explain(text);
    assert.equal(r.recognised, true);
    assert.equal(r.findings[0]?.id, 'endpoint/not-clarifai-answer');
    assert.match(r.findings[0]!.message, says);
    assert.match(r.summary, /^The answer did not come from Clarifai/u);
    assert.ok(!r.findings.some((f) => BLAMES_KEY.test(f.id)), r.findings.map((f) => f.id).join(', '));
  });
}

test("Clarifai's own JSON status behind a CDN is still Clarifai's answer", () => {
  const r = explain('HTTP/1.1 401 Unauthorized\nServer: cloudflare\n\n{"status":{"code":11009,"description":"API key not found","details":"invalid key(None)"}}');
  assert.equal(r.findings[0]?.id, 'env/key-not-set');
  assert.ok(!r.findings.some((f) => f.id === 'endpoint/not-clarifai-answer'));
});

test('a bare HTML page without an error status is not called a foreign answer', () => {
  assert.equal(explain('<html><body>hello</body></html>').recognised, false);
});

test('curl -v: `> authorization: Key $CLARIFAI_PAT` was sent unexpanded, and that is the first cause', () => {
  const r = explain('> GET /v2/models HTTP/1.1\n> Host: api.clarifai.com\n> authorization: Key $CLARIFAI_PAT\n>\n< HTTP/1.1 401 Unauthorized\n{"status":{"code":11008,"description":"Invalid API key or Invalid API key/application pair"}}');
  assert.equal(r.findings[0]?.id, 'env/unexpanded-reference');
  assert.match(r.findings[0]!.message, /`\$CLARIFAI_PAT`.*never expanded/u);
});

test("curl -H with single quotes sends the reference literally; double quotes let the shell expand it", () => {
  const single = explain(`curl -H 'Authorization: Key \${CLARIFAI_PAT}' https://api.clarifai.com/v2/models\nHTTP/1.1 401 Unauthorized`);
  assert.equal(single.findings[0]?.id, 'env/unexpanded-reference');
  assert.ok(!single.findings.some((f) => f.id === 'key/unknown-key'), 'a settled header leaves no bare-401 candidates');
  const double = explain('curl -H "Authorization: Key $CLARIFAI_PAT" https://api.clarifai.com/v2/models\n{"status":{"code":11009,"description":"API key not found"}}');
  assert.ok(!double.findings.some((f) => f.id === 'env/unexpanded-reference'));
});

test('`> authorization: Key undefined` means the variable was unset; one finding per problem', () => {
  const r = explain('> authorization: Key undefined\n< HTTP/2 401');
  assert.equal(r.findings[0]?.id, 'env/key-not-set');
  assert.equal(r.findings.filter((f) => f.id === 'env/key-not-set').length, 1);
});

test("a response's Access-Control-Allow-Headers list is not a sent Authorization header", () => {
  const r = explain('HTTP/1.1 404 Not Found\nAccess-Control-Allow-Headers: accept, authorization, x-csrftoken, content-type\n\n{"status":{"code":21200,"description":"Model does not exist"}}');
  assert.equal(r.findings[0]?.id, 'endpoint/resource-not-found');
  assert.ok(!r.findings.some((f) => f.id.startsWith('headers/')), r.findings.map((f) => f.id).join(', '));
  // With request lines present, only those count: the response list is ignored, the sent header is judged.
  const dump = explain(`> GET /v2/models HTTP/1.1\n> Authorization: Bearer ${KEY}\n< HTTP/1.1 401 Unauthorized\n< access-control-allow-headers: authorization, x-csrftoken\n{"status":{"code":11008}}`);
  assert.equal(dump.findings[0]?.id, 'headers/bearer-on-core-api');
  assert.ok(!dump.findings.some((f) => f.message.includes(KEY)));
});

test('a Python paste never gets the Node-only @grpc/grpc-js cause; a Node paste gets it', () => {
  const status = 'code: CONN_INVALID_REQUEST\ndescription: "Invalid request"\ndetails: "Empty or malformed authorization header. Please provide an API key or session token."';
  const python = explain(`Traceback (most recent call last):\n  File "app.py", line 9, in <module>\nException: ${status}`);
  assert.ok(!python.findings.some((f) => f.id === 'headers/separate-grpc-js'));
  const node = explain(`${status}\n    at Object.callback (/app/node_modules/clarifai-nodejs-grpc/index.js:12:5)`);
  assert.ok(node.findings.some((f) => f.id === 'headers/separate-grpc-js'));
});

test('client-side failures with no answer: status_code N/A, TLS expiry, v1 bodies, Streamlit secrets, export in .py', () => {
  const first = (t: string) => explain(t).findings[0]?.id;
  assert.equal(first("clarifai.errors.ApiError: b'GET https://api.clarifai.com/v2/models FAILED(1.0). status_code: N/A, reason: N/A, error_code: N/A'"), 'endpoint/unreachable');
  assert.equal(first('Error: certificate has expired\n    at TLSSocket.onConnectSecure (node:_tls_wrap:1674:34) { code: \'CERT_HAS_EXPIRED\' }'), 'endpoint/tls');
  assert.equal(first('{"status_code": "ALL_ERROR", "status_msg": "All images in request have failed."}'), 'endpoint/legacy-client');
  assert.equal(first('{"status_code": "CLIENT_ERROR", "status_msg": "Bad request."}'), 'endpoint/legacy-client');
  assert.equal(first('clarifai.client.client.TokenError: Could not get a new token'), 'key/legacy-credentials');
  const streamlit = explain('KeyError: \'st.secrets has no key "clarify_ai_pat". Did you forget to add it to secrets.toml or the app settings on Streamlit Cloud?\'');
  assert.equal(streamlit.findings[0]?.id, 'env/key-not-set');
  assert.match(streamlit.findings[0]!.message, /clarify_ai_pat.*not how Clarifai is spelt/u);
  assert.equal(first('  File "main.py", line 3\n    export CLARIFAI_ID = "abc"\n           ^\nSyntaxError: invalid syntax'), 'env/wrong-definition');
});
