import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interpret, maskEchoedKey, parseClarifaiStatus } from '../../src/probes/probe.js';

const KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';

test('the status code may be a number, a numeric string, or an enum name', () => {
  assert.equal(parseClarifaiStatus({ status: { code: 11009, description: 'API key not found' } })!.code, 11009);
  assert.equal(parseClarifaiStatus({ status: { code: '11005' } })!.code, 11005);
  assert.equal(parseClarifaiStatus({ status: { code: 'CONN_THROTTLED', description: 'Making too many requests' } })!.code, 11005);
  assert.equal(parseClarifaiStatus({ status: { code: 'NOT_A_CODE' } }), undefined);
  assert.equal(parseClarifaiStatus({ error: 'x' }), undefined);
  assert.equal(parseClarifaiStatus('<html>'), undefined);
});

test('an echoed key is masked; the words an unset variable produces are kept', () => {
  assert.equal(maskEchoedKey(`invalid key(${KEY})`), 'invalid key(3f9a…00 (32 chars))');
  for (const w of ['None', 'undefined', 'null', '']) assert.equal(maskEchoedKey(`invalid key(${w})`), `invalid key(${w})`);
  assert.ok(!JSON.stringify(parseClarifaiStatus({ status: { code: 11009, details: `invalid key(${KEY})` } })).includes(KEY));
});

test('a non-Clarifai body is classified, with a short snippet; 407 is the proxy asking for credentials', () => {
  const html = interpret({ httpStatus: 403, contentType: 'text/html', text: '<html>\n  blocked  </html>' });
  assert.equal(html.error!.kind, 'non-clarifai-body');
  assert.equal(html.bodySnippet, '<html> blocked </html>');
  assert.equal(interpret({ httpStatus: 407, text: 'auth' }).error!.kind, 'proxy');
});

test('a success carries the scopes, the app and the user', () => {
  const r = interpret({ httpStatus: 200, json: { status: { code: 10000, description: 'Ok' }, scopes: ['All'], app: { id: 'photos', user_id: 'alice' }, user: { id: 'alice' } } });
  assert.deepEqual([r.scopes, r.app, r.user], [['All'], { id: 'photos', userId: 'alice' }, { id: 'alice' }]);
  // Fields of a failed answer are ignored.
  assert.equal(interpret({ httpStatus: 401, json: { status: { code: 11009 }, scopes: ['All'] } }).scopes, undefined);
});
