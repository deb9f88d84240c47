// The request extractor on real grammars: one record per call, owners and models resolved through constants, comments ignored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractText, grammarsFor } from '../../../src/scan/scan-file.js';
import { loadGrammars } from '../../../src/scan/grammar.js';
import type { RequestSite } from '../../../src/types/code-evidence.js';

async function requests(file: string, text: string, kind: 'python' | 'js' | 'notebook'): Promise<RequestSite[]> {
  await loadGrammars(grammarsFor(kind, file));
  const facts = extractText(file, text, kind);
  assert.equal(typeof facts, 'object');
  return (facts as Exclude<typeof facts, string>).requests ?? [];
}

test('Python gRPC: the stub call is the record, the message built above it is followed, the metadata names the credential', async () => {
  const text = [
    'import os',
    'from clarifai_grpc.grpc.api import resources_pb2, service_pb2, service_pb2_grpc',
    "USER_ID = 'clarifai'",
    "APP_ID = 'main'",
    "MODEL_ID = 'general-image-recognition'",
    "metadata = (('authorization', 'Key ' + os.environ['CLARIFAI_PAT']),)",
    'owner = resources_pb2.UserAppIDSet(user_id=USER_ID, app_id=APP_ID)',
    'def run(stub, url):',
    '    # stub.PostModelOutputs(service_pb2.PostModelOutputsRequest(model_id="x"), metadata=metadata)',
    '    req = service_pb2.PostModelOutputsRequest(user_app_id=owner, model_id=MODEL_ID, inputs=[])',
    '    return stub.PostModelOutputs(req, metadata=metadata)',
  ].join('\n');
  const [r, ...rest] = await requests('p.py', text, 'python');
  assert.equal(rest.length, 0, 'one record for the message and its stub call; none from the comment');
  assert.equal(r!.client, 'grpc-python');
  assert.equal(r!.rpc, 'PostModelOutputs');
  assert.equal(r!.line, 11);
  assert.deepEqual(r!.userAppId, { user: { literal: 'clarifai' }, app: { literal: 'main' } });
  assert.deepEqual(r!.modelId, { literal: 'general-image-recognition' });
  assert.equal(r!.credential.from, 'env');
  assert.ok(r!.credential.names.includes('CLARIFAI_PAT'));
});

test('function scope wins over module scope; a name assigned later in the module is still seen from a function', async () => {
  const text = [
    "const MODEL_ID = 'face-detection';",
    'const { ClarifaiStub, grpc } = require("clarifai-nodejs-grpc");',
    'function a(stub, md) {',
    "  const MODEL_ID = 'my-own-model';",
    '  stub.PostModelOutputs({ model_id: MODEL_ID, user_app_id: { user_id: USER_ID, app_id: "x" } }, md, () => {});',
    '}',
    'function b(stub, md) { stub.PostModelOutputs({ model_id: MODEL_ID, inputs }, md, () => {}); }',
    "const USER_ID = process.env.CLARIFAI_USER_ID;",
  ].join('\n');
  const [a, b] = await requests('s.js', text, 'js');
  assert.deepEqual(a!.modelId, { literal: 'my-own-model' });
  assert.deepEqual(a!.userAppId?.user, { env: 'CLARIFAI_USER_ID' });
  assert.deepEqual(b!.modelId, { literal: 'face-detection' });
  assert.equal(b!.userAppId, undefined);
  assert.deepEqual(b!.bodyFields, ['model_id', 'inputs']);
});

test('REST: fetch with options from a function, axios.post, requests with a JSON string body; other hosts are not records', async () => {
  const js = [
    'const opts = (url) => { const raw = JSON.stringify({ inputs: [url] }); return { method: "POST", headers: { Authorization: `Key ${process.env.CLARIFAI_API_KEY}` }, body: raw }; };',
    'fetch("https://api.clarifai.com/v2/models/" + "face-detection" + "/outputs", opts(u));',
    'axios.post(`https://api.clarifai.com/v2/users/clarifai/apps/main/models/${M}/outputs`, { inputs: [] });',
    'fetch("https://api.openai.com/v1/chat/completions", { method: "POST" });',
    'fetch("https://example.com/v2/models", { method: "POST" });',
  ].join('\n');
  const [f, a, ...others] = await requests('r.js', js, 'js');
  assert.equal(others.length, 0);
  assert.equal(f!.client, 'fetch');
  assert.equal(f!.method, 'POST');
  assert.equal(f!.host, 'api.clarifai.com');
  assert.equal(f!.path, '/v2/models/face-detection/outputs');
  assert.deepEqual(f!.bodyFields, ['inputs']);
  assert.deepEqual(f!.credential, { from: 'env', names: ['CLARIFAI_API_KEY'] });
  assert.equal(a!.client, 'axios');
  assert.equal(a!.path, '/v2/users/clarifai/apps/main/models/{…}/outputs');
  const [p] = await requests('r.py', `import requests\nrequests.post("https://api.clarifai.com/v2/models", data='{"model_id": "m", "version_id": "v"}', headers=h)\n`, 'python');
  assert.deepEqual(p!.bodyFields, ['model_id', 'version_id']);
  assert.equal(p!.credential.from, 'unknown');
});

test('ts-proto and the Python SDK', async () => {
  const ts = "const req = PostModelOutputsRequest.fromPartial({ modelId: 'face-detection', userAppId: { userId: 'clarifai', appId: 'main' } });\nawait client.PostModelOutputs(req, md);\n";
  const [t, ...more] = await requests('t.ts', ts, 'js');
  assert.equal(more.length, 0);
  assert.equal(t!.client, 'ts-proto');
  assert.equal(t!.rpc, 'PostModelOutputs');
  assert.deepEqual(t!.userAppId, { user: { literal: 'clarifai' }, app: { literal: 'main' } });
  const py = [
    'import os',
    'from clarifai.client.model import Model',
    'from clarifai.client.user import User',
    'm = Model("https://clarifai.com/clarifai/main/models/general-image-recognition")',
    'u = User(user_id="jane", pat=os.environ["CLARIFAI_API_KEY"])',
  ].join('\n');
  const [m, u] = await requests('sdk.py', py, 'python');
  assert.equal(m!.sdkClass, 'Model');
  assert.deepEqual(m!.userAppId, { user: { literal: 'clarifai' }, app: { literal: 'main' } });
  assert.deepEqual(m!.credential, { from: 'sdk-default', names: ['CLARIFAI_PAT'] });
  assert.equal(u!.sdkClass, 'User');
  assert.deepEqual(u!.credential, { from: 'env', names: ['CLARIFAI_API_KEY'] });
});

test('a literal key is recorded as literal, never as its text', async () => {
  const key = 'f'.repeat(8) + '0123456789abcdef0123456789ab'.slice(0, 24);
  const py = `from clarifai.client.model import Model\nPAT = '${key}'\nm = Model(url='https://clarifai.com/clarifai/main/models/x', pat=PAT)\n`;
  const [m] = await requests('k.py', py, 'python');
  assert.deepEqual(m!.credential, { from: 'literal', names: ['PAT'] });
  assert.ok(!JSON.stringify(m).includes(key));
});

test('notebook: constants from earlier cells reach the call in a later cell', async () => {
  const cell = (src: string) => ({ cell_type: 'code', metadata: {}, outputs: [], source: [src] });
  const nb = JSON.stringify({
    cells: [cell("MODEL_ID = 'general-image-recognition'\nimport clarifai_grpc"), cell('req = service_pb2.PostModelOutputsRequest(model_id=MODEL_ID)'), cell('stub.PostModelOutputs(req, metadata=md)')],
    metadata: { kernelspec: { language: 'python' } },
  });
  const rs = await requests('n.ipynb', nb, 'notebook');
  assert.equal(rs.length, 1);
  assert.deepEqual(rs[0]!.modelId, { literal: 'general-image-recognition' });
  assert.equal(rs[0]!.rpc, 'PostModelOutputs');
  assert.match(rs[0]!.snippet, /^\[cell 3, line 1\]/u);
});

test('files that name no Clarifai keyword are not walked', async () => {
  const rs = await requests('x.js', 'fetch("https://api.example.com/v1/things", { method: "POST" });\n', 'js');
  assert.deepEqual(rs, []);
});
