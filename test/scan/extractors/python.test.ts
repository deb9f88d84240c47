import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract, FAKE_KEY } from '../helpers.js';

test('env reads: os.environ[...], os.environ.get, os.getenv, bare environ/getenv; assignments are not reads', () => {
  const f = extract(
    [
      'import os',
      'from os import environ, getenv',
      "a = os.environ['CLARIFAI_PAT']",
      'b = os.environ.get("CLARIFAI_USER_ID", "me")',
      "c = os.getenv('CLARIFAI_APP_ID')",
      "d = environ['CLARIFAI_API_BASE']",
      "e = getenv('CLARIFAI_GRPC_BASE')",
      "os.environ['CLARIFAI_PAT'] = 'x'",
    ].join('\n'),
    'python',
  );
  assert.deepEqual(
    f.envReads.map((r) => [r.name, r.line]),
    [
      ['CLARIFAI_PAT', 3],
      ['CLARIFAI_USER_ID', 4],
      ['CLARIFAI_APP_ID', 5],
      ['CLARIFAI_API_BASE', 6],
      ['CLARIFAI_GRPC_BASE', 7],
    ],
  );
});

test('headers: requests dicts and gRPC metadata tuples, values rendered from f-strings, % and .format', () => {
  const f = extract(
    [
      'from clarifai_grpc.grpc.api import service_pb2_grpc',
      "PAT = os.environ['CLARIFAI_PAT']",
      "metadata = (('authorization', f'Key {PAT}'),)",
      'requests.post(url, headers={"Authorization": "Key %s" % PAT})',
      "headers = {'Authorization': 'Key {}'.format(PAT)}",
      "headers['X-Clarifai-Session-Token'] = token",
    ].join('\n'),
    'python',
  );
  assert.deepEqual(
    f.authHeaders.map((h) => [h.line, h.name, h.value, h.transport, h.envNames]),
    [
      [3, 'authorization', 'Key ${PAT}', 'grpc-metadata', ['CLARIFAI_PAT']],
      [4, 'Authorization', 'Key ${PAT}', 'http', ['CLARIFAI_PAT']],
      [5, 'Authorization', 'Key ${PAT}', 'http', ['CLARIFAI_PAT']],
      [6, 'X-Clarifai-Session-Token', '${token}', 'http', []],
    ],
  );
});

test('URLs with methods: requests verbs, requests.request, a URL bound to a name and used later', () => {
  const f = extract(
    [
      'import clarifai',
      'r = requests.get(f"https://api.clarifai.com/v2/users/{USER_ID}/apps/{APP_ID}/inputs")',
      'requests.request("DELETE", "https://api.clarifai.com/v2/inputs")',
      'url = "https://api.clarifai.com/v2/models/general/outputs"',
      'resp = requests.post(url, json=body)',
      'channel = ClarifaiChannel.get_grpc_channel(base="https://api.clarifai.com")',
    ].join('\n'),
    'python',
  );
  assert.deepEqual(
    f.urls.map((u) => [u.line, u.url, u.method, u.kind]),
    [
      [2, 'https://api.clarifai.com/v2/users/${USER_ID}/apps/${APP_ID}/inputs', 'GET', 'rest'],
      [3, 'https://api.clarifai.com/v2/inputs', 'DELETE', 'rest'],
      [4, 'https://api.clarifai.com/v2/models/general/outputs', 'POST', 'rest'],
      [6, 'https://api.clarifai.com', undefined, 'grpc-base'],
    ],
  );
});

test('key literals: keyword arguments and assignments; version ids are not keys', () => {
  const f = extract(
    [
      'from clarifai.client.model import Model',
      `model = Model(url=URL, pat="${FAKE_KEY}")`,
      "MODEL_VERSION_ID = 'aa7f35c01e0642fda5cf400f543e7c40'",
    ].join('\n'),
    'python',
  );
  assert.deepEqual(f.keyLiterals.map((k) => [k.line, k.boundTo]), [[2, 'pat']]);
  assert.deepEqual(f.imports.map((i) => i.module), ['clarifai']);
});

test('imports: import a, b as c; from x.y import z', () => {
  const f = extract('import os, clarifai_grpc as cg\nfrom clarifai.client import User\nimport clarifaiother\n', 'python');
  assert.deepEqual(f.imports.map((i) => [i.line, i.module]), [
    [1, 'clarifai_grpc'],
    [2, 'clarifai'],
  ]);
});
