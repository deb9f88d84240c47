import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRestTransport, redactUrlCredentials } from '../../src/transport/rest.js';
import { classifyNetworkError, isLoopbackHost } from '../../src/transport/types.js';
import { httpServer } from '../live/helpers.js';

test('Node and undici error codes map to what they mean', () => {
  const cases: [unknown, string][] = [
    [Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND api.clarifia.com' } }), 'dns'],
    [{ code: 'EAI_AGAIN', message: 'getaddrinfo EAI_AGAIN' }, 'dns'],
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, 'refused'],
    [{ code: 'UND_ERR_CONNECT_TIMEOUT', message: 'Connect Timeout Error' }, 'timeout'],
    [Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }), 'timeout'],
    [{ code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' }, 'tls'],
    [{ code: 'ERR_TLS_CERT_ALTNAME_INVALID', message: "Hostname/IP does not match certificate's altnames" }, 'tls'],
    [{ code: 'ECONNRESET', message: 'read ECONNRESET' }, 'reset'],
    [{ code: 'UND_ERR_ABORTED', message: 'Proxy response (403) !== 200 when HTTP Tunneling' }, 'proxy'],
    [{ code: 'UND_ERR_INVALID_ARG', message: 'invalid authorization header' }, 'cannot-send'],
    [new Error('something else'), 'other'],
  ];
  for (const [error, kind] of cases) assert.equal(classifyNetworkError(error).kind, kind, JSON.stringify(error));
});

test('loopback hosts are recognised', () => {
  for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) assert.ok(isLoopbackHost(h), h);
  for (const h of ['api.clarifai.com', '10.0.0.1', '128.0.0.1', 'localhost.example.com']) assert.ok(!isLoopbackHost(h), h);
});

test('the reproduce command names the variable, never the key', async () => {
  const t = await createRestTransport({ base: 'https://api.clarifai.com/', timeoutMs: 1000 });
  try {
    const cmd = t.reproduce({ method: 'POST', path: '/v2/models/x/outputs', body: {}, authorization: 'Key 3f9a6d0c8b7e4a2190f1c3d5e7b90000' }, 'Key $CLARIFAI_PAT');
    assert.equal(cmd, `curl -sS -X POST 'https://api.clarifai.com/v2/models/x/outputs' -H "Authorization: Key $CLARIFAI_PAT" -H 'Content-Type: application/json' --data '{}'`);
  } finally {
    await t.close();
  }
});

test('proxy URLs lose their credentials before they are shown', () => {
  assert.equal(redactUrlCredentials('http://user:s3cret@proxy.corp:3128'), 'http://proxy.corp:3128');
});

test('a huge body is read only up to the cap', async () => {
  const { url } = await httpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = 'x'.repeat(64 * 1024);
    let sent = 0;
    const more = () => {
      while (sent < 4 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', more);
      }
      res.end();
    };
    more();
  });
  const t = await createRestTransport({ base: url, timeoutMs: 5000 });
  try {
    const r = await t.send({ method: 'GET', path: '/v2/myscopes', authorization: 'Key x' });
    assert.equal(r.httpStatus, 200);
    assert.ok(r.text !== undefined && r.text.length <= 400);
  } finally {
    await t.close();
  }
});
