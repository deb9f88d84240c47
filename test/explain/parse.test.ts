import { test } from 'node:test';
import assert from 'node:assert/strict';
import { httpStatusOf, observe, unescapeString } from '../../src/explain/parse.js';

test('unescapeString decodes JSON, JavaScript and protobuf text-format escapes', () => {
  assert.equal(unescapeString('invalid key(None)'), 'invalid key(None)');
  assert.equal(unescapeString('a\\"b\\\\c\\nd'), 'a"b\\c\nd');
  // Python's text format prints UTF-8 bytes of non-ASCII text as octal escapes.
  assert.equal(unescapeString('mod\\303\\250le \\\'x\\\''), "modèle 'x'");
  assert.equal(unescapeString('\\xc3\\xa9t\\xc3\\xa9'), 'été');
  assert.equal(unescapeString('trailing \\'), 'trailing \\');
});

test('httpStatusOf reads status lines, client messages and reason phrases, and nothing else', () => {
  const cases: [string, number | undefined][] = [
    ['HTTP/1.1 401 Unauthorized', 401],
    ['HTTP/2 429', 429],
    ['< HTTP/1.1 403 Forbidden', 403],
    ['Request failed with status code 404', 404],
    ['requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url', 401],
    ['status_code=401', 401],
    ['statusCode: 429', 429],
    ['"status": 402', 402],
    ['401', 401],
    ['Unauthorized', 401],
    ['Too Many Requests', 429],
    // Clarifai's own description is not an HTTP reason phrase.
    ['Making too many requests', undefined],
    ['the key was not found', undefined],
    ['"status": {"code": 11009}', undefined],
    ['listening on port 18080', undefined],
  ];
  for (const [text, expected] of cases) assert.equal(httpStatusOf(text), expected, text);
});

test('observe picks the first failure, keeps description and details with their own code', () => {
  const obs = observe(
    JSON.stringify({ status: { code: 10010, description: 'Mixed Success' }, outputs: [{ status: { code: 10000, description: 'Ok' } }, { status: { code: 21201, description: 'denied', details: 'nope' } }] }),
  );
  assert.equal(obs.status?.code, 10010);
  assert.equal(obs.status?.description, 'Mixed Success');
  assert.equal(obs.status?.details, undefined);
  assert.deepEqual(obs.others, [{ code: 21201, name: 'MODEL_PERMISSION_DENIED', description: 'denied', details: 'nope' }]);
});

test('observe reads the Authorization header a paste shows being sent', () => {
  assert.deepEqual(observe("-H 'Authorization: Key  abcdefabcdefabcdefabcdefabcd0000'").authorization, { scheme: 'Key', separator: '  ', token: 'abcdefabcdefabcdefabcdefabcd0000' });
  assert.deepEqual(observe('authorization: Keyabcdefabcdefabcdefabcdefabcd0000').authorization, { scheme: 'Key', separator: '', token: 'abcdefabcdefabcdefabcdefabcd0000' });
  // Code that builds the header shows no value that was sent.
  assert.equal(observe('metadata.set("authorization", "Key " + KEY)').authorization, undefined);
  assert.equal(observe('headers = {"Authorization": f"Key {PAT}"}').authorization, undefined);
});
