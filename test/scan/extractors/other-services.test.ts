// Issue #11 item 5: requests to other API services are told apart from Clarifai's by their host (the same call, object
// literal, the variable the headers pass through, a client's base URL) or by the key's name, and key literals are named
// by the service the evidence points to.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { extract, FAKE_KEY } from '../helpers.js';
import { serviceOfEnvName, serviceOfHost, serviceOfIdentifier, serviceOfKey } from '../../../src/providers/others.js';

const CLARIFAI = 'https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs';

/** `line name → service|clarifai` for every auth header the file builds. */
function headers(text: string, kind: 'js' | 'python' | 'shell', file: string): string[] {
  const f = extract(text, kind, file);
  const all = [...f.authHeaders.map((h) => ({ ...h, service: 'clarifai' })), ...(f.otherServiceHeaders ?? [])];
  return all.sort((a, b) => a.line - b.line).map((h) => `${h.line} ${h.name} → ${h.service}${h.host ? ` @${h.host}` : ''}`);
}

describe('the table', () => {
  test('hosts, key shapes, env names and identifiers', () => {
    assert.equal(serviceOfHost('api.anthropic.com')?.name, 'Anthropic');
    assert.equal(serviceOfHost('my-resource.openai.azure.com')?.name, 'Azure');
    assert.equal(serviceOfHost('router.huggingface.co')?.name, 'Hugging Face');
    assert.equal(serviceOfHost('api.clarifai.com'), undefined);
    assert.equal(serviceOfKey('sk-ant-api03-0000test0000test0000test')?.name, 'Anthropic');
    assert.equal(serviceOfKey('sk-proj-0000test0000test0000test')?.name, 'OpenAI');
    assert.equal(serviceOfKey('hf_0000test0000test0000test0000test00')?.name, 'Hugging Face');
    assert.equal(serviceOfKey(`AC${FAKE_KEY}`)?.name, 'Twilio');
    assert.equal(serviceOfKey(FAKE_KEY), undefined, 'a bare 32-hex value is no service by shape');
    assert.equal(serviceOfEnvName('TWILIO_AUTH_TOKEN')?.name, 'Twilio');
    assert.equal(serviceOfEnvName('AZURE_OPENAI_API_KEY')?.name, 'Azure');
    assert.equal(serviceOfEnvName('REACT_APP_GIPHY_API_KEY')?.name, 'Giphy');
    assert.equal(serviceOfEnvName('CLARIFAI_PAT'), undefined);
    assert.equal(serviceOfIdentifier('giphyKey')?.name, 'Giphy');
    assert.equal(serviceOfIdentifier('self.hf_token'.split('.')[1]!)?.name, 'Hugging Face');
    assert.equal(serviceOfIdentifier('clarifai_openai_key'), undefined, 'a name with clarifai in it stays Clarifai’s');
  });
});

describe('which host each header goes to', () => {
  test('JS: the same fetch call, the options object, and an axios client’s baseURL', () => {
    const js =
      `const C = '${CLARIFAI}';\n` +
      "const anthropic = axios.create({ baseURL: 'https://api.anthropic.com', headers: { 'x-api-key': process.env.KEY_A } });\n" +
      "await fetch(C, { headers: { Authorization: 'Key ' + process.env.CLARIFAI_PAT } });\n" +
      "await fetch('https://api.openai.com/v1/embeddings', { method: 'POST', headers: { Authorization: `Bearer ${token}` } });\n" +
      "await anthropic.post('/v1/messages', body, { headers: { 'x-api-key': secret } });\n";
    assert.deepEqual(headers(js, 'js', 'src/mixed.js'), [
      '2 x-api-key → Anthropic @api.anthropic.com',
      '3 Authorization → clarifai @api.clarifai.com',
      '4 Authorization → OpenAI @api.openai.com',
      '5 x-api-key → Anthropic @api.anthropic.com',
    ]);
  });

  test('Python: a headers dict passed to requests.post with another service’s URL variable', () => {
    const py =
      'import requests\ntoken = load()\n' +
      'def caption(b):\n    API_URL = "https://router.huggingface.co/hf-inference/models/blip"\n    h = {"Authorization": f"Bearer {token}"}\n    return requests.post(API_URL, headers=h, data=b)\n' +
      `def tags(b):\n    hdrs = {"Authorization": f"Bearer {token}"}\n    return requests.post("${CLARIFAI}", headers=hdrs, data=b)\n`;
    assert.deepEqual(headers(py, 'python', 'app.py'), ['5 Authorization → Hugging Face @router.huggingface.co', '8 Authorization → clarifai @api.clarifai.com']);
  });

  test('the key’s name when the tree does not tell the host; a Clarifai name always stays Clarifai’s', () => {
    const py =
      `import os\nCLARIFAI_URL = "${CLARIFAI}"\n` +
      'def h1():\n    return {"Authorization": "Bearer " + os.environ["OPENAI_API_KEY"]}\n' +
      'def h2():\n    return {"Authorization": f"Bearer {HF_TOKEN}"}\n' +
      'def h3():\n    return {"Authorization": f"Key {os.environ[\'CLARIFAI_PAT\']}"}\n';
    assert.deepEqual(headers(py, 'python', 'h.py'), ['4 Authorization → OpenAI', '6 Authorization → Hugging Face', '8 Authorization → clarifai']);
  });

  test('the OpenAI-compatible endpoint with Clarifai’s base URL is a Clarifai request', () => {
    const js = "await fetch('https://api.clarifai.com/v2/ext/openai/v1/chat/completions', { headers: { Authorization: `Bearer ${process.env.CLARIFAI_PAT}` } });\n";
    const f = extract(js, 'js', 'chat.js');
    assert.equal(f.authHeaders.length, 1);
    assert.equal(f.authHeaders[0]!.url, 'https://api.clarifai.com/v2/ext/openai/v1/chat/completions');
    assert.equal(f.otherServiceHeaders, undefined);
  });

  test('shell: curl to another service', () => {
    const sh = `curl -s "${CLARIFAI}" -H "Authorization: Key $CLARIFAI_PAT"\ncurl https://api.openai.com/v1/models -H "Authorization: Bearer $OPENAI_API_KEY"\n`;
    assert.deepEqual(headers(sh, 'shell', 'run.sh'), ['1 Authorization → clarifai', '2 Authorization → OpenAI @api.openai.com']);
  });

  test('other services’ headers send no Clarifai credential', () => {
    const js = "await fetch('https://api.anthropic.com/v1/messages', { headers: { 'x-api-key': process.env.ANTHROPIC_API_KEY } });\nconst clarifai = 1;\n";
    const f = extract(js, 'js', 'a.js');
    assert.deepEqual(f.credential?.sinks ?? [], []);
  });
});

describe('key literals: named by evidence, hashes left out', () => {
  const keys = (text: string, kind: 'js' | 'python', file: string) =>
    extract(text, kind, file).keyLiterals.map((k) => `${k.line} ${k.boundTo ?? '-'} ${k.service ?? '-'}`);

  test('Giphy, Twilio and Azure keys are their services’, by name or by the URL on the line', () => {
    const js =
      `// clarifai + giphy demo\nconst GIPHY_API_KEY = '${FAKE_KEY}';\nconst twilioAuthToken = '${FAKE_KEY.replace('3f', '4e')}';\n` +
      `const AZURE_OPENAI_KEY = '${FAKE_KEY.replace('3f', '5d')}';\nfetch('https://api.giphy.com/v1/gifs/search?q=cat&api_key=' + k, { key: '${FAKE_KEY.replace('3f', '6c')}' });\n` +
      `const CLARIFAI_PAT = '${FAKE_KEY.replace('3f', '7b')}';\n`;
    assert.deepEqual(keys(js, 'js', 'src/app.js'), ['2 GIPHY_API_KEY Giphy', '3 twilioAuthToken Twilio', '4 AZURE_OPENAI_KEY Azure', '5 key Giphy', '6 CLARIFAI_PAT -']);
  });

  test('an expected MD5 in a test, a hexdigest comparison and expect(hash).toBe are not keys', () => {
    const py =
      'import hashlib\nfrom clarifai.client.model import Model\n' +
      `def test_digest():\n    assert hashlib.md5(b"x").hexdigest() == '${FAKE_KEY}'\n    assert out == '${FAKE_KEY.replace('3f', '4e')}'\n` +
      `CLARIFAI_PAT = '${FAKE_KEY.replace('3f', '5d')}'\n`;
    assert.deepEqual(keys(py, 'python', 'tests/test_upload.py'), ['6 CLARIFAI_PAT -']);
    const js = `import { Model } from 'clarifai-nodejs';\ntest('hash', () => {\n  expect(sha(buf)).toBe('${FAKE_KEY}');\n  expect(fileHash).toEqual('${FAKE_KEY}');\n});\n`;
    assert.deepEqual(keys(js, 'js', 'src/upload.test.ts'), []);
  });
});

describe('key literals: the service the lines around them name', () => {
  test('a token next to the Twilio client and a key next to the Giphy client', () => {
    const js =
      "const express = require('express');\nconst sid = 'AC" + FAKE_KEY + "';\nconst authToken = '" + FAKE_KEY.replace('3f', '4e') + "';\n" +
      "const client = require('twilio')(sid, authToken);\n\n\n\nconst GIF_KEY = '" + FAKE_KEY.replace('3f', '5d') + "';\nexport const gf = new GiphyFetch(GIF_KEY);\n";
    const f = extract(js, 'js', 'src/sms.js');
    assert.deepEqual(f.keyLiterals.map((k) => `${k.line} ${k.boundTo} ${k.service ?? '-'}`), ['3 authToken Twilio', '8 GIF_KEY Giphy']);
  });

  test('no service is guessed when Clarifai is named nearby', () => {
    const js = "const twilio = require('twilio');\nconst clarifaiKey = '" + FAKE_KEY + "';\n";
    assert.deepEqual(extract(js, 'js', 'src/a.js').keyLiterals.map((k) => k.service ?? '-'), ['-']);
  });
});
