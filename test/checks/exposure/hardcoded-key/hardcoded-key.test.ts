import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, isDocumentedFake } from '../../../../src/checks/exposure/hardcoded-key.js';
import { code, FAKE_KEY, keyLiteral, run } from '../../endpoint/helpers.js';

test('documented fakes never fire', () => {
  for (const fake of [
    'abcdef01234567890000test00000000'.slice(0, 24) + '0000test',
    'a'.repeat(32),
    '0'.repeat(32),
    '0123456789abcdef0123456789abcdef',
    '12345678901234567890123456789012',
    'deadbeefdeadbeefdeadbeefdeadbeef',
    'a123457612345678a123457612345678',
    'YOURCLARIFAIPAT0000000000000000X',
  ])
    assert.ok(isDocumentedFake(fake), fake);
  assert.ok(!isDocumentedFake(FAKE_KEY));
  assert.ok(!isDocumentedFake('9c1e5b7a3d2f4e6a8b0c1d2e3f4a0000'));
});

test('a 32-hex literal with Clarifai context or a key-like name fires; the key is masked', () => {
  const found = run(check, code({
    keyLiterals: [
      keyLiteral('src/app.js', 3, FAKE_KEY, { boundTo: 'PAT', clarifaiContext: true }),
      keyLiteral('notebook.ipynb', 40, FAKE_KEY, { clarifaiContext: true }),
      keyLiteral('src/pay.js', 9, FAKE_KEY, { boundTo: 'stripeKey', clarifaiContext: false }),
      keyLiteral('src/hash.js', 9, FAKE_KEY, { boundTo: 'checksum', clarifaiContext: false }),
      keyLiteral('src/fake.js', 9, '0123456789abcdef0123456789abcdef', { boundTo: 'PAT', clarifaiContext: true }),
      keyLiteral('src/short.js', 9, 'abc123', { boundTo: 'PAT', clarifaiContext: true }),
    ],
  }));
  assert.deepEqual(found.map((f) => [f.location && 'file' in f.location ? f.location.file : '', f.severity]), [
    ['src/app.js', 'error'],
    ['notebook.ipynb', 'error'],
    ['src/pay.js', 'warning'],
  ]);
  assert.match(found[0]!.message, /3f9a…00 \(32 chars\).*src\/app\.js:3, assigned to `PAT`/u);
  assert.match(found[0]!.fix, /process\.env\.CLARIFAI_PAT/u);
  assert.match(found[1]!.fix, /os\.environ\["CLARIFAI_PAT"\].*clear the notebook outputs/u);
});

test('does nothing without code evidence', () => {
  assert.deepEqual(run(check, undefined), []);
});

test('Clarifai ids of the same shape are not keys', () => {
  const found = run(check, code({
    keyLiterals: [
      // The General model's v2-era id, from Clarifai's own README.
      keyLiteral('src/predict.js', 3, 'aaa03c23b3724a16a56b629203edc62c', { clarifaiContext: true }),
      keyLiteral('src/predict.js', 4, FAKE_KEY.replace('3f9a', '1b2c'), { boundTo: 'MODEL_VERSION_ID', clarifaiContext: true }),
      { ...keyLiteral('src/predict.js', 5, FAKE_KEY.replace('3f9a', '5d6e'), { clarifaiContext: true }), snippet: 'url = f"{BASE}/models/5d6e…00 (32 chars)/outputs"' },
      { ...keyLiteral('src/predict.js', 6, FAKE_KEY.replace('3f9a', '7a8b'), { clarifaiContext: true }), snippet: 'model_id="7a8b…00 (32 chars)",' },
      keyLiteral('src/predict.js', 7, FAKE_KEY, { boundTo: 'MODEL_KEY', clarifaiContext: true }),
    ],
  }));
  assert.deepEqual(found.map((f) => (f.location && 'line' in f.location ? f.location.line : 0)), [7]);
});
