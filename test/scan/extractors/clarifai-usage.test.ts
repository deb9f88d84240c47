// The Clarifai usage extractor: legacy client uses and user/app/model ids, with what they are set to and whether they name a request's owner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../helpers.js';

const ids = (text: string, kind: 'js' | 'python' | 'shell', file?: string) =>
  [...(extract(text, kind, file).idSites ?? [])].sort((a, b) => a.line - b.line || a.column - b.column).map((s) => `${s.role} ${s.name}=${s.literal !== undefined ? `'${s.literal}'` : s.env !== undefined ? `env:${s.env}` : s.expr}${s.owner ? ' owner' : ''} @${s.line}`);
const clients = (text: string, kind: 'js' | 'python', file?: string) =>
  [...(extract(text, kind, file).clientSites ?? [])].sort((a, b) => a.line - b.line).map((s) => `${s.client} ${s.form}${s.model ? ` ${s.model}` : ''} @${s.line}`);

test('Python: docs-snippet constants, UserAppIDSet kwargs, env reads, and what is not an id', () => {
  const text = [
    'import os  # clarifai',
    "USER_ID = 'clarifai'",
    'APP_ID = os.environ["CLARIFAI_APP_ID"]',
    "MODEL_ID = 'general-image-recognition'",
    'MODEL_VERSION_ID = "aa7f35c01e0642fda5cf400f543e7c40"',
    'req = service_pb2.PostModelOutputsRequest(',
    '    user_app_id=resources_pb2.UserAppIDSet(user_id=USER_ID, app_id=APP_ID),',
    '    model_id=MODEL_ID,',
    ')',
    'if user_id == "x": pass',
    'def f(user_id: str, app_id=get_app()): pass',
  ].join('\n');
  assert.deepEqual(ids(text, 'python'), [
    "user USER_ID='clarifai' @2",
    'app APP_ID=env:CLARIFAI_APP_ID @3',
    "model MODEL_ID='general-image-recognition' @4",
    'user user_id=USER_ID owner @7',
    'app app_id=APP_ID owner @7',
    'model model_id=MODEL_ID @8',
  ]);
});

test('JS: JSON bodies, clarifai-nodejs authConfig, gRPC setters, template literals with holes are not literals', () => {
  const text = [
    "import { Model } from 'clarifai-nodejs';",
    "const USER_ID = process.env.CLARIFAI_USER_ID ?? 'me';",
    'const raw = JSON.stringify({ "user_app_id": { "user_id": USER_ID, "app_id": "main" } });',
    "const model = new Model({ authConfig: { pat, userId: 'clarifai', appId: `${x}` }, modelId: 'nsfw-recognition' });",
    'userAppIdSet.setUserId(USER_ID);',
    "request.setModelId('face-detection');",
    'type T = { userId: string };',
  ].join('\n');
  assert.deepEqual(ids(text, 'js'), [
    'user USER_ID=env:CLARIFAI_USER_ID @2',
    'user user_id=USER_ID owner @3',
    "app app_id='main' owner @3",
    "user userId='clarifai' owner @4",
    'app appId=x owner @4',
    "model modelId='nsfw-recognition' owner @4",
    'user setUserId=USER_ID owner @5',
    "model setModelId='face-detection' @6",
  ]);
});

test('shell: assignments, exports and env references', () => {
  const text = '# clarifai\nUSER_ID=clarifai\nexport APP_ID="main"\nMODEL_ID=${CLARIFAI_MODEL:-general-image-recognition}\n';
  assert.deepEqual(ids(text, 'shell', 'run.sh'), ["user USER_ID='clarifai' @2", "app APP_ID='main' @3", 'model MODEL_ID=env:CLARIFAI_MODEL @4']);
});

test('files that never mention Clarifai record nothing', () => {
  assert.deepEqual(ids("USER_ID = 'me'\nMODEL_ID = 'general-v1.3'\n", 'python'), []);
  assert.deepEqual(clients('const app = new Clarifai.App({ apiKey })', 'js'), ['js-clarifai-2 constructor @1']);
});

test('JS legacy client: import, options constructor, id/secret pair, model constants (not other constants)', () => {
  const text = [
    "const Clarifai = require('clarifai');",
    'const a = new Clarifai.App({ apiKey: process.env.KEY });',
    "const b = new Clarifai.App('id-from-2016', process.env.CLARIFAI_CLIENT_SECRET);",
    'a.models.predict(Clarifai.GENERAL_MODEL, url);',
    'const x = Clarifai.VERSION;',
  ].join('\n');
  assert.deepEqual(clients(text, 'js'), [
    'js-clarifai-2 import @1',
    'js-clarifai-2 constructor @2',
    'js-clarifai-2 app-secret @3',
    'js-clarifai-2 public-model Clarifai.GENERAL_MODEL @4',
  ]);
});

test('Python legacy client: clarifai.rest, ClarifaiApp forms, public_models, the v1 ClarifaiApi; the current SDK is not legacy', () => {
  const text = [
    'from clarifai.rest import ClarifaiApp, Image as ClImage',
    'app = ClarifaiApp(api_key=os.environ["CLARIFAI_API_KEY"])',
    'old = ClarifaiApp("app-id", "app-secret")',
    'kw = ClarifaiApp(app_id=APP_ID, app_secret=APP_SECRET)',
    'm = app.public_models.general_model',
    'from clarifai.client import ClarifaiApi',
    'from clarifai.client.model import Model',
    'class ClarifaiApp(object): pass',
  ].join('\n');
  assert.deepEqual(clients(text, 'python'), [
    'py-clarifai-2 import @1',
    'py-clarifai-2 constructor @2',
    'py-clarifai-2 app-secret @3',
    'py-clarifai-2 app-secret @4',
    'py-clarifai-2 public-model public_models.general_model @5',
    'py-clarifai-1 import @6',
  ]);
});

test('docs describe old clients without being judged for them', () => {
  const md = '# History\n\n```js\nconst app = new Clarifai.App({ apiKey });\n```\n';
  assert.deepEqual(extract(md, 'markdown', 'README.md').clientSites ?? [], []);
});

test('pathological input: giant lines and thousands of sites end quickly, with a bounded number of facts', () => {
  const giant = `// clarifai\n${'USER_ID = USER_ID = '.repeat(40_000)}\n${'a.'.repeat(200_000)}setUserId(x)\n`;
  assert.deepEqual(extract(giant, 'js').idSites ?? [], []);
  const many = `# clarifai\n${"USER_ID = 'x'\n".repeat(20_000)}${'ClarifaiApp()\n'.repeat(20_000)}`;
  const facts = extract(many, 'python');
  assert.equal(facts.idSites?.length, 500);
  assert.equal(facts.clientSites?.length, 500);
});

test('files that name an owner anywhere are listed for code-pat-without-app', () => {
  assert.deepEqual(extract('// clarifai\nconst body = { user_app_id: owner };\n', 'js', 'a.js').userAppIdFiles, ['a.js']);
  assert.equal(extract('// clarifai\nfetch(url);\n', 'js', 'b.js').userAppIdFiles, undefined);
});

test('a legacy client or a model name mentioned in a comment or a message string is not a use', () => {
  const js = [
    "const Clarifai = require('clarifai'); // real use on this line",
    '// the old client: new Clarifai.App({ apiKey }) and Clarifai.GENERAL_MODEL',
    ' * new Clarifai.App(id, secret) in a JSDoc block',
    "const hint = 'migrate from Clarifai.FACE_DETECT_MODEL';",
    "const msg = `call new Clarifai.App(key)`;",
    'app.models.predict(Clarifai.FOOD_MODEL, url);',
  ].join('\n');
  assert.deepEqual(clients(js, 'js'), ['js-clarifai-2 import @1', 'js-clarifai-2 public-model Clarifai.FOOD_MODEL @6']);
  const py = ["# ClarifaiApp(api_key=...) was the 2.x client", 'from clarifai.rest import ClarifaiApp', 'app = ClarifaiApp(api_key=KEY)'].join('\n');
  assert.deepEqual(clients(py, 'python'), ['py-clarifai-2 import @2', 'py-clarifai-2 constructor @3']);
  assert.deepEqual(ids("// MODEL_ID = 'General' is the bug\nconst x = 1; // clarifai", 'js'), []);
});
