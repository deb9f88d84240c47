import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract, FAKE_KEY } from '../helpers.js';
import { shellCommands } from '../../../src/scan/extractors/shell.js';

test('the tokenizer: quotes, escapes, continuations, $VAR and ${VAR}, comments', () => {
  const commands = shellCommands(`curl -H "Authorization: Key $PAT" \\\n  'https://x/$NOT' # comment $NOPE\necho \${B:-d}; ls`);
  assert.deepEqual(
    commands.map((c) => c.map((w) => w.value)),
    [['curl', '-H', 'Authorization: Key ${PAT}', 'https://x/$NOT'], ['echo', '${B}'], ['ls']],
  );
  assert.deepEqual(commands[0]![2]!.envRefs.map((r) => r.name), ['PAT']);
});

test('curl: method from -X or data flags, headers with env names, the URL on the header', () => {
  const f = extract(
    [
      'curl -X POST "https://api.clarifai.com/v2/users/me/apps/a/inputs" \\',
      '  -H "Authorization: Key ${CLARIFAI_PAT}" \\',
      '  -H "Content-Type: application/json" \\',
      "  --data-raw '{\"inputs\": []}'",
      "curl -s https://api.clarifai.com/v2/models -d '{}' -H 'authorization: key $CLARIFAI_PAT'",
      'curl --get https://api.clarifai.com/v2/models --data per_page=1',
      'curl --oauth2-bearer "$TOKEN" https://api.clarifai.com/v2/users/me',
    ].join('\n'),
    'shell',
  );
  assert.deepEqual(
    f.urls.map((u) => [u.line, u.url, u.method]),
    [
      [1, 'https://api.clarifai.com/v2/users/me/apps/a/inputs', 'POST'],
      [5, 'https://api.clarifai.com/v2/models', 'POST'],
      [6, 'https://api.clarifai.com/v2/models', 'GET'],
      [7, 'https://api.clarifai.com/v2/users/me', 'GET'],
    ],
  );
  assert.deepEqual(
    f.authHeaders.map((h) => [h.line, h.column, h.name, h.value, h.envNames, h.url]),
    [
      [2, 6, 'Authorization', 'Key ${CLARIFAI_PAT}', ['CLARIFAI_PAT'], 'https://api.clarifai.com/v2/users/me/apps/a/inputs'],
      // Single quotes: the shell sends `$CLARIFAI_PAT` literally, and that is what the value shows.
      [5, 55, 'authorization', 'key $CLARIFAI_PAT', [], 'https://api.clarifai.com/v2/models'],
      [7, 22, 'Authorization', 'Bearer ${TOKEN}', ['TOKEN'], 'https://api.clarifai.com/v2/users/me'],
    ],
  );
  assert.deepEqual([...new Set(f.envReads.map((r) => r.name))], ['CLARIFAI_PAT', 'TOKEN']);
});

test('grpcurl metadata, wget headers, httpie items; base variables set in scripts', () => {
  const f = extract(
    [
      'export CLARIFAI_GRPC_BASE=https://api.clarifai.com',
      'grpcurl -H "authorization: Key $CLARIFAI_PAT" api.clarifai.com:443 clarifai.api.V2/ListModels',
      'wget --header="Authorization: Key $CLARIFAI_PAT" https://api.clarifai.com/v2/users/me',
      'http POST https://api.clarifai.com/v2/inputs Authorization:"Key $CLARIFAI_PAT"',
    ].join('\n'),
    'shell',
  );
  assert.deepEqual(
    f.urls.map((u) => [u.line, u.url, u.method, u.kind]),
    [
      [1, 'https://api.clarifai.com', undefined, 'grpc-base'],
      [2, 'api.clarifai.com:443', undefined, 'grpc-base'],
      [3, 'https://api.clarifai.com/v2/users/me', 'GET', 'rest'],
      [4, 'https://api.clarifai.com/v2/inputs', 'POST', 'rest'],
    ],
  );
  assert.deepEqual(
    f.authHeaders.map((h) => [h.line, h.transport, h.value]),
    [
      [2, 'grpc-metadata', 'Key ${CLARIFAI_PAT}'],
      [3, 'http', 'Key ${CLARIFAI_PAT}'],
      [4, 'http', 'Key ${CLARIFAI_PAT}'],
    ],
  );
});

test('a key written into a script is a key literal, masked in every snippet', () => {
  const f = extract(`export CLARIFAI_PAT=${FAKE_KEY}\ncurl -H "Authorization: Key ${FAKE_KEY}" https://api.clarifai.com/v2/users/me\n`, 'shell');
  assert.deepEqual(f.keyLiterals.map((k) => [k.line, k.boundTo]), [
    [1, 'CLARIFAI_PAT'],
    [2, 'Authorization'],
  ]);
  assert.ok(!JSON.stringify({ ...f, keyLiterals: [] }).includes(FAKE_KEY), 'no snippet, header value or URL carries the key');
});

test('curl to another API without Clarifai context is not reported', () => {
  const f = extract('curl -H "Authorization: Bearer $GITHUB_TOKEN" https://api.github.com/user', 'shell');
  assert.deepEqual([f.authHeaders, f.urls], [[], []]);
});
