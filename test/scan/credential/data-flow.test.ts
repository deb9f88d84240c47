// Issue #11 data-flow shapes: a key in a variable of any name, attributes, parameters (defaults, one call up), env
// aliases, destructuring, string building and config modules, each followed from the credential position to its origin.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { gatherCodeEvidence } from '../../../src/scan/index.js';
import type { CodeEvidence, CredentialUse } from '../../../src/types/code-evidence.js';
import { FAKE_KEY, FAKE_KEY_2, tree } from '../helpers.js';

async function scan(files: Record<string, string>): Promise<CodeEvidence> {
  const root = tree(files);
  try {
    return await gatherCodeEvidence(root, { workers: 0 });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** `file:line sink origin`, origin as `env:A|B`, `literal:<value>` (the test's own fake keys only), `unknown`. */
function summary(uses: readonly CredentialUse[] | undefined): string[] {
  return (uses ?? []).map((u) => {
    const o = u.origin;
    const origin = o.kind === 'env' ? `env:${o.names.join('|')}` : o.kind === 'literal' ? `literal:${o.value.reveal()}` : o.kind;
    return `${u.file}:${u.line} ${u.sink} ${origin}`;
  });
}

const traced = async (files: Record<string, string>) => summary((await scan(files)).credentials);

const PY_MODEL = 'from clarifai.client.model import Model\n';
const MODEL_URL = '"https://clarifai.com/clarifai/main/models/general-image-recognition"';
const JS_GRPC = "const { ClarifaiStub, grpc } = require('clarifai-nodejs-grpc');\nconst metadata = new grpc.Metadata();\n";

describe('a literal key in a variable of any name', () => {
  test('Python: `myApi = …` passed on as pat=', async () => {
    assert.deepEqual(await traced({ 'tag.py': `${PY_MODEL}myApi = '${FAKE_KEY}'\nm = Model(${MODEL_URL}, pat=myApi)\n` }), [`tag.py:3 sdk-argument literal:${FAKE_KEY}`]);
  });

  test("JS: `'Key ' + apiThing` in gRPC metadata", async () => {
    assert.deepEqual(
      await traced({ 'tag.js': `${JS_GRPC}const apiThing = '${FAKE_KEY}';\nmetadata.set('authorization', 'Key ' + apiThing);\n` }),
      [`tag.js:4 grpc-metadata literal:${FAKE_KEY}`],
    );
  });

  test('the hard-coded-key check reports it although the name is not key-like', async () => {
    const { check } = await import('../../../src/checks/exposure/hardcoded-key.js');
    const code = await scan({ 'tag.py': `${PY_MODEL}myApi = '${FAKE_KEY}'\nm = Model(${MODEL_URL}, pat=myApi)\n` });
    const found = check.run({ evidence: { code } } as never) as { message: string }[];
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /^A Clarifai key \(3f9a…00 \(32 chars\)\) is written into tag\.py:2 and sent as the credential at tag\.py:3/u);
  });
});

describe('attributes set in a constructor and read in a method', () => {
  test('Python: self.x from __init__, with the value the class is built with', async () => {
    const file =
      `${PY_MODEL}import os\n\nclass Tagger:\n    def __init__(self, token):\n        self.token = token\n\n    def tags(self, url):\n` +
      `        return Model(${MODEL_URL}, pat=self.token).predict_by_url(url)\n\ntagger = Tagger(os.environ["CLARIFAI_PAT"])\n`;
    assert.deepEqual(await traced({ 'tagger.py': file }), ['tagger.py:9 sdk-argument env:CLARIFAI_PAT']);
  });

  test('JS: this.x from the constructor, with a literal passed to new', async () => {
    const file =
      `${JS_GRPC}class Client {\n  constructor(secret) {\n    this.secret = secret;\n  }\n  predict() {\n` +
      `    metadata.set('authorization', \`Key \${this.secret}\`);\n  }\n}\nconst client = new Client('${FAKE_KEY_2}');\n`;
    assert.deepEqual(await traced({ 'client.js': file }), [`client.js:8 grpc-metadata literal:${FAKE_KEY_2}`]);
  });
});

describe('parameters', () => {
  test('a default parameter reading the environment', async () => {
    const file = `${PY_MODEL}import os\n\ndef predict(url, pat=os.environ['CLARIFAI_PAT']):\n    return Model(${MODEL_URL}, pat=pat).predict_by_url(url)\n`;
    assert.deepEqual(await traced({ 'p.py': file }), ['p.py:5 sdk-argument env:CLARIFAI_PAT']);
  });

  test('one call up: the argument a caller passes (keyword or positional)', async () => {
    const py =
      `import requests\nURL = "https://api.clarifai.com/v2/users/clarifai/apps/main/models/x/outputs"\n\ndef call(key, url=URL):\n` +
      `    return requests.post(url, headers={"Authorization": "Key %s" % key})\n\ncall(key='${FAKE_KEY}')\n`;
    assert.deepEqual(await traced({ 'c.py': py }), [`c.py:5 http-header literal:${FAKE_KEY}`]);
    const js = `${JS_GRPC}function send(secret) {\n  metadata.set('authorization', 'Key ' + secret);\n}\nsend(process.env.CLARIFAI_PAT);\n`;
    assert.deepEqual(await traced({ 's.js': js }), ['s.js:4 grpc-metadata env:CLARIFAI_PAT']);
  });

  test('a parameter with no caller and no default stays unknown (no guess)', async () => {
    const js = `${JS_GRPC}export function send(secret) {\n  metadata.set('authorization', 'Key ' + secret);\n}\nconst secret = '${FAKE_KEY}';\n`;
    assert.deepEqual(await traced({ 's.js': js }), ['s.js:4 grpc-metadata unknown']);
  });
});

describe('env aliases, destructuring and string building', () => {
  test('`const env = process.env; env.X` and `const { X: alias } = process.env`', async () => {
    const js = `${JS_GRPC}const env = process.env;\nconst { CLARIFAI_PAT: pat } = process.env;\nmetadata.set('authorization', 'Key ' + env.CLARIFAI_PAT);\nmetadata.set('authorization', \`Key \${pat}\`);\n`;
    assert.deepEqual(await traced({ 'e.js': js }), ['e.js:5 grpc-metadata env:CLARIFAI_PAT', 'e.js:6 grpc-metadata env:CLARIFAI_PAT']);
  });

  test("f-strings, '%', .format and concatenation", async () => {
    const py =
      'import os, requests\nURL = "https://api.clarifai.com/v2/users/clarifai/apps/main/models/x/outputs"\ntok = os.environ["CLARIFAI_PAT"]\n' +
      'requests.post(URL, headers={"Authorization": "Key {}".format(tok)})\nrequests.post(URL, headers={"Authorization": "Key %s" % tok})\n' +
      'auth = f"Key {tok}"\nrequests.post(URL, headers={"Authorization": auth})\nrequests.post(URL, headers={"Authorization": "Key " + tok})\n';
    assert.deepEqual(await traced({ 'f.py': py }), ['f.py:4 http-header env:CLARIFAI_PAT', 'f.py:5 http-header env:CLARIFAI_PAT', 'f.py:7 http-header env:CLARIFAI_PAT', 'f.py:8 http-header env:CLARIFAI_PAT']);
  });

  test('a key read through a config module whose constant has no key-like name', async () => {
    assert.deepEqual(
      await traced({
        // Neither a Clarifai file nor one that reads the environment: only the key's shape makes its constant worth keeping.
        'app/conf.py': `# Keys for the image service (rotated every quarter).\nIMAGE_SERVICE = '${FAKE_KEY}'\nTIMEOUT = 30\n`,
        'app/tag.py': `${PY_MODEL}from app.conf import IMAGE_SERVICE\nm = Model(${MODEL_URL}, pat=IMAGE_SERVICE)\n`,
      }),
      [`app/tag.py:3 sdk-argument literal:${FAKE_KEY}`],
    );
  });
});

describe('empty and placeholder keys reaching a sink', () => {
  test('an empty key assigned once is empty; one re-assigned later is not known', async () => {
    const once = `${JS_GRPC}const PAT = '';\nmetadata.set('authorization', 'Key ' + PAT);\n`;
    assert.deepEqual(await traced({ 'o.js': once }), ['o.js:4 grpc-metadata literal:']);
    const later = "import sys\nPAT = ''\nif len(sys.argv) > 1:\n    PAT = sys.argv[1]\nmetadata = (('authorization', 'Key ' + PAT),)\n";
    assert.deepEqual(await traced({ 'clarifai_l.py': later }), ['clarifai_l.py:5 grpc-metadata unknown']);
  });
});
