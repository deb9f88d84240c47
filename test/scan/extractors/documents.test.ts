import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract, FAKE_KEY } from '../helpers.js';
import { dockerfileAsShell } from '../../../src/scan/extractors/dockerfile.js';
import { fencedBlocks, stripPrompts } from '../../../src/scan/extractors/markdown.js';

test('markdown: fenced blocks by language, positions in the .md file, prose ignored', () => {
  const md = [
    '# Using the API', // 1
    'Call curl -H "Authorization: Key $NOT_CODE" in prose: not read.', // 2
    '```bash', // 3
    'curl -X POST https://api.clarifai.com/v2/models/m/outputs \\', // 4
    '  -H "Authorization: Key $CLARIFAI_PAT"', // 5
    '```', // 6
    '~~~js', // 7
    "const PAT = process.env.CLARIFAI_PAT; // clarifai", // 8
    '~~~', // 9
    '```python', // 10
    "PAT = os.getenv('CLARIFAI_PAT')", // 11
    '```', // 12
  ].join('\n');
  const f = extract(md, 'markdown', 'README.md');
  assert.deepEqual(
    f.envReads.map((r) => [r.line, r.name]),
    [
      [5, 'CLARIFAI_PAT'],
      [8, 'CLARIFAI_PAT'],
      [11, 'CLARIFAI_PAT'],
    ],
  );
  assert.deepEqual(f.urls.map((u) => [u.line, u.column, u.method]), [[4, 14, 'POST']]);
  assert.deepEqual(f.authHeaders.map((h) => [h.line, h.column, h.value]), [[5, 6, 'Key ${CLARIFAI_PAT}']]);
  assert.ok(f.envReads.every((r) => r.file === 'README.md' && r.language === 'markdown'));
});

test('markdown: console transcripts drop prompts and output; unlabelled blocks with curl count', () => {
  assert.equal(stripPrompts('$ curl a \\\n  -H b\nHTTP/1.1 200\n$ ls', /^\s*[$%#]\s/u), '  curl a \\\n  -H b\n\n  ls');
  const blocks = fencedBlocks('```\ncurl https://api.clarifai.com/v2/users/me\n```\n```text\ncurl x\n```\n');
  assert.deepEqual(blocks.map((b) => [b.kind, b.firstLine]), [['console', 2]]);
  const f = extract('```console\nuser@host:~$ curl https://api.clarifai.com/v2/users/me -H "Authorization: Key $CLARIFAI_PAT"\n{"status": {}}\n```', 'markdown');
  assert.deepEqual(f.urls.map((u) => [u.line, u.url]), [[2, 'https://api.clarifai.com/v2/users/me']]);
});

test('markdown: a raw HTTP request block and a key pasted in prose', () => {
  const f = extract(`Your key is ${FAKE_KEY} (Clarifai).\n\n\`\`\`http\nPOST https://api.clarifai.com/v2/inputs HTTP/1.1\nAuthorization: Key $CLARIFAI_PAT\n\`\`\`\n`, 'markdown');
  assert.deepEqual(f.urls.map((u) => [u.line, u.method]), [[4, 'POST']]);
  assert.deepEqual(f.authHeaders.map((h) => [h.line, h.value, h.envNames]), [[5, 'Key $CLARIFAI_PAT', ['CLARIFAI_PAT']]]);
  assert.deepEqual(f.keyLiterals.map((k) => k.line), [1]);
});

test('Dockerfile: ARG names are inputs, ENV values and RUN curl read as shell, with Dockerfile snippets', () => {
  const text = [
    'FROM node:20',
    'ARG CLARIFAI_PAT',
    'ENV CLARIFAI_GRPC_BASE=https://api.clarifai.com \\',
    '    CLARIFAI_USER_ID=${USER_ID}',
    'ENV LEGACY value with spaces',
    'RUN curl -H "Authorization: Key $CLARIFAI_PAT" \\',
    '      https://api.clarifai.com/v2/users/me',
  ].join('\n');
  assert.equal(dockerfileAsShell(text).shell.split('\n')[4], '    LEGACY=value with spaces');
  const f = extract(text, 'dockerfile', 'Dockerfile');
  assert.deepEqual(
    f.envReads.map((r) => [r.line, r.name]),
    [
      [2, 'CLARIFAI_PAT'],
      [4, 'USER_ID'],
      [6, 'CLARIFAI_PAT'],
    ],
  );
  assert.deepEqual(
    f.urls.map((u) => [u.line, u.url, u.kind]),
    [
      [3, 'https://api.clarifai.com', 'grpc-base'],
      [7, 'https://api.clarifai.com/v2/users/me', 'rest'],
    ],
  );
  assert.equal(f.authHeaders[0]!.snippet, 'RUN curl -H "Authorization: Key $CLARIFAI_PAT" \\');
});

test('docker-compose: environment pass-through names and ${VAR} interpolation are reads; values are not', () => {
  const text = [
    'services:',
    '  app:',
    '    image: app:${TAG:-latest}',
    '    environment:',
    '      - CLARIFAI_PAT',
    '      - CLARIFAI_USER_ID=me',
    '      - CLARIFAI_APP_ID=${APP}',
    '    command: curl -H "Authorization: Key $$CLARIFAI_PAT" https://api.clarifai.com/v2/users/me',
    '  other:',
    '    environment:',
    '      CLARIFAI_API_BASE:',
    '      PRICE: $$5',
  ].join('\n');
  const f = extract(text, 'compose', 'docker-compose.yml');
  assert.deepEqual(
    f.envReads.filter((r) => r.language === 'yaml').map((r) => [r.line, r.name]),
    [
      [3, 'TAG'],
      [5, 'CLARIFAI_PAT'],
      [7, 'APP'],
      [11, 'CLARIFAI_API_BASE'],
    ],
  );
  assert.deepEqual(f.urls.map((u) => [u.line, u.url]), [[8, 'https://api.clarifai.com/v2/users/me']]);
});

test('GitHub Actions: run blocks are shell; secrets in env blocks are not keys', () => {
  const text = [
    'on: push',
    'jobs:',
    '  check:',
    '    runs-on: ubuntu-latest',
    '    env:',
    '      CLARIFAI_PAT: ${{ secrets.CLARIFAI_PAT }}',
    '      CLARIFAI_GRPC_BASE: api.clarifai.com',
    '    steps:',
    '      - run: |',
    '          curl -H "Authorization: Key $CLARIFAI_PAT" \\',
    '            https://api.clarifai.com/v2/users/me',
    '      - run: echo "$CLARIFAI_USER_ID"',
    '      - uses: some/action@v1',
    '        with: { token: "${{ env.CLARIFAI_APP_ID }}" }',
  ].join('\n');
  const f = extract(text, 'actions', '.github/workflows/ci.yml');
  assert.deepEqual(f.envReads.map((r) => [r.line, r.name]), [
    [10, 'CLARIFAI_PAT'],
    [12, 'CLARIFAI_USER_ID'],
    [14, 'CLARIFAI_APP_ID'],
  ]);
  assert.deepEqual(f.authHeaders.map((h) => [h.line, h.column]), [[10, 19]]);
  assert.deepEqual(f.urls.map((u) => [u.line, u.kind]), [
    [7, 'grpc-base'],
    [11, 'rest'],
  ]);
  assert.deepEqual(f.keyLiterals, []);
});

test('generic YAML and config files: keys bound to credential names, Kubernetes name/value pairs', () => {
  const f = extract(`env:\n  - name: CLARIFAI_PAT\n    value: "${FAKE_KEY}"\n  - name: MODEL_VERSION\n    value: "aa7f35c01e0642fda5cf400f543e7c40"\n`, 'yaml', 'k8s.yaml');
  assert.deepEqual(f.keyLiterals.map((k) => [k.line, k.boundTo]), [[3, 'CLARIFAI_PAT']]);
  const json = extract(`{ "clarifai": { "apiKey": "${FAKE_KEY}", "base": "https://api.clarifai.com/v2" } }`, 'other', 'config.json');
  assert.deepEqual(json.keyLiterals.map((k) => k.boundTo), ['apiKey']);
  assert.deepEqual(json.urls.map((u) => u.url), ['https://api.clarifai.com/v2']);
});
