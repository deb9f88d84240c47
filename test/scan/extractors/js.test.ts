import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract, FAKE_KEY } from '../helpers.js';

test('env reads: dot, index, optional chaining, import.meta.env, Deno.env.get', () => {
  const f = extract(
    [
      'const a = process.env.CLARIFAI_PAT;',
      "const b = process.env['CLARIFAI_USER_ID'];",
      'const c = process.env?.CLARIFAI_APP_ID;',
      'const d = import.meta.env.VITE_CLARIFAI_PAT;',
      "const e = Deno.env.get('CLARIFAI_API_BASE');",
    ].join('\n'),
    'js',
  );
  assert.deepEqual(
    f.envReads.map((r) => [r.name, r.line, r.column]),
    [
      ['CLARIFAI_PAT', 1, 11],
      ['CLARIFAI_USER_ID', 2, 11],
      ['CLARIFAI_APP_ID', 3, 11],
      ['VITE_CLARIFAI_PAT', 4, 11],
      ['CLARIFAI_API_BASE', 5, 11],
    ],
  );
  assert.ok(f.envReads.every((r) => r.language === 'js' && r.file === 'f'));
});

test('env reads: destructuring with aliases, defaults and a rest element', () => {
  const f = extract("const { CLARIFAI_PAT, CLARIFAI_USER_ID: user, APP = 'main', ...rest } = process.env;", 'js');
  assert.deepEqual(f.envReads.map((r) => r.name), ['CLARIFAI_PAT', 'CLARIFAI_USER_ID', 'APP']);
  assert.equal(f.envReads[1]!.column, 23);
});

test('headers: object literal, header.set, gRPC metadata, index assignment, with the value as a template', () => {
  const f = extract(
    [
      "const { ClarifaiStub, grpc } = require('clarifai-nodejs-grpc');",
      'const pat = process.env.CLARIFAI_PAT;',
      'const { CLARIFAI_API_KEY: appKey } = process.env;',
      "fetch(url, { headers: { Authorization: 'Key' + pat } });",
      "fetch(url, { headers: { 'Authorization': `Key ${appKey}` } });",
      "headers.set('X-Api-Key', pat);",
      'const metadata = new grpc.Metadata();',
      "metadata.set('Authorization', 'Key ' + pat);",
      "req.headers['Authorisation'] = 'Key  ' + pat;",
    ].join('\n'),
    'js',
  );
  assert.deepEqual(
    f.authHeaders.map((h) => [h.line, h.name, h.value, h.transport, h.envNames]),
    [
      [4, 'Authorization', 'Key${pat}', 'http', ['CLARIFAI_PAT']],
      [5, 'Authorization', 'Key ${appKey}', 'http', ['CLARIFAI_API_KEY']],
      [6, 'X-Api-Key', '${pat}', 'http', ['CLARIFAI_PAT']],
      [8, 'Authorization', 'Key ${pat}', 'grpc-metadata', ['CLARIFAI_PAT']],
      [9, 'Authorisation', 'Key  ${pat}', 'http', ['CLARIFAI_PAT']],
    ],
  );
});

test('headers: env names read inline; a TypeScript type annotation is not a header', () => {
  const f = extract(
    [
      'interface H { Authorization: string; }',
      "const h = { authorization: 'Key ' + (process.env.CLARIFAI_PAT || '') }; // clarifai",
    ].join('\n'),
    'js',
  );
  assert.equal(f.authHeaders.length, 1);
  assert.equal(f.authHeaders[0]!.value, "Key ${process.env.CLARIFAI_PAT || ''}");
  assert.deepEqual(f.authHeaders[0]!.envNames, ['CLARIFAI_PAT']);
});

test('headers unrelated to Clarifai (another API, Bearer from another variable) are left out', () => {
  const f = extract("fetch('https://api.github.com', { headers: { Authorization: 'Bearer ' + process.env.GITHUB_TOKEN } });", 'js');
  assert.deepEqual(f.authHeaders, []);
});

test('URLs: fetch with method, axios verbs, concatenation and template literals rendered', () => {
  const f = extract(
    [
      "fetch('https://api.clarifai.com/v2/users/' + userId + '/apps/' + appId + '/models/m/outputs', { method: 'POST', body });",
      "axios.get(`https://api.clarifai.com/v2/models/${id}`);",
      "const base = 'https://api.clarifai.com'; // not a call",
      "const u = 'https://api.clarifai.com/v2/users/me';",
      'fetch(u);',
    ].join('\n'),
    'js',
  );
  assert.deepEqual(
    f.urls.map((u) => [u.line, u.url, u.method, u.kind]),
    [
      [1, 'https://api.clarifai.com/v2/users/${userId}/apps/${appId}/models/m/outputs', 'POST', 'rest'],
      [2, 'https://api.clarifai.com/v2/models/${id}', 'GET', 'rest'],
      [3, 'https://api.clarifai.com', undefined, 'rest'],
      [4, 'https://api.clarifai.com/v2/users/me', 'GET', 'rest'],
    ],
  );
});

test('URLs: typo hosts kept, website links dropped, /v2 paths only in a Clarifai file, gRPC targets', () => {
  const typo = extract("fetch('https://api.clarifia.com/v2/models'); const docs = 'https://docs.clarifai.com/x';", 'js');
  assert.deepEqual(typo.urls.map((u) => u.url), ['https://api.clarifia.com/v2/models']);
  assert.deepEqual(extract("fetch('/v2/models');", 'js').urls, []);
  const withContext = extract("// calls Clarifai\nfetch(BASE + '/v2/models', { method: 'GET' });", 'js');
  assert.deepEqual(withContext.urls.map((u) => [u.url, u.method]), [['${BASE}/v2/models', 'GET']]);
  const grpc = extract("const client = new V2Client('api.clarifai.com:443', grpc.credentials.createSsl());", 'js');
  assert.deepEqual(grpc.urls.map((u) => [u.url, u.kind]), [['api.clarifai.com:443', 'grpc-base']]);
});

test('key literals: bound to a key-like name, or bare in a Clarifai file; ids and hashes are not keys', () => {
  const f = extract(
    [
      `const PAT = '${FAKE_KEY}';`,
      "const MODEL_VERSION_ID = 'aa7f35c01e0642fda5cf400f543e7c40';",
      "const cacheKey = 'd41d8cd98f00b204e9800998ecf8427e';",
      "const stub = ClarifaiStub.grpc(); call('0b1c2d3e4f5a6b7c8d9e0f1a2b3c0000');",
    ].join('\n'),
    'js',
  );
  assert.deepEqual(
    f.keyLiterals.map((k) => [k.line, k.boundTo, k.clarifaiContext]),
    [
      [1, 'PAT', true],
      [4, undefined, true],
    ],
  );
  assert.equal(f.keyLiterals[0]!.value, FAKE_KEY);
  assert.ok(!f.keyLiterals[0]!.snippet.includes(FAKE_KEY), 'the snippet is masked');
  assert.match(f.keyLiterals[0]!.snippet, /3f9a…00 \(32 chars\)/u);
  const plain = extract(`const x = '${FAKE_KEY}';`, 'js');
  assert.deepEqual(plain.keyLiterals, [], 'a bare hex string in a file with no Clarifai mention is not a key');
});

test('key literals: a malformed value assigned to a Clarifai credential name is still reported', () => {
  const f = extract("const CLARIFAI_PAT = 'abc123-not-a-real-key';\nconst CLARIFAI_API_KEY = process.env.X;", 'js');
  assert.deepEqual(f.keyLiterals.map((k) => [k.boundTo, k.value]), [['CLARIFAI_PAT', 'abc123-not-a-real-key']]);
});

test('imports: require, import from, side-effect and dynamic import, reduced to the package', () => {
  const f = extract(
    [
      "const { ClarifaiStub } = require('clarifai-nodejs-grpc');",
      "import * as grpc from '@grpc/grpc-js';",
      "import 'clarifai-nodejs-grpc/proto/clarifai/api/service_pb';",
      "const m = await import('clarifai-nodejs');",
      "import express from 'express';",
    ].join('\n'),
    'js',
  );
  assert.deepEqual(
    f.imports.map((i) => [i.line, i.module]),
    [
      [1, 'clarifai-nodejs-grpc'],
      [2, '@grpc/grpc-js'],
      [3, 'clarifai-nodejs-grpc'],
      [4, 'clarifai-nodejs'],
    ],
  );
});

test('headers get the Clarifai URL called next to them', () => {
  const f = extract(
    ["await fetch('https://api.clarifai.com/v2/users/me', {", "  headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}` },", '});'].join('\n'),
    'js',
  );
  assert.equal(f.authHeaders[0]!.url, 'https://api.clarifai.com/v2/users/me');
});

test('key literals: a variable name or a $reference where the value should be is not a key', () => {
  const f = extract("// clarifai\nconst CLARIFAI_PAT = 'CLARIFAI_API_KEY';\nconst clarifaiPat = '\\$CLARIFAI_PAT';\nconst PAT = 'YOUR_PAT_HERE';", 'js');
  assert.deepEqual(f.keyLiterals, []);
});

test('URLs in comments are prose; dotted names that end like no TLD are not hosts', () => {
  const f = extract(
    [
      '// see https://api.clarifia.com/v2/models for the typo',
      ' * JSDoc: `api.clarifai.com/v2/users/me`',
      "const pat = config.clarifai.pat; import('clarifai.grpc');",
      "fetch('https://api.clarifai.com/v2/users/me'); // and 'https://api.clarifia.com/v2' here",
    ].join('\n'),
    'js',
  );
  assert.deepEqual(f.urls.map((u) => [u.line, u.url]), [[4, 'https://api.clarifai.com/v2/users/me']]);
});
