import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STATUS_DESCRIPTIONS, statusDescription } from '../../../src/providers/clarifai/status-descriptions.js';
import { statusCode } from '../../../src/providers/clarifai/api-table.js';

test('every curated code exists in the generated proto table under the same name', () => {
  for (const d of STATUS_DESCRIPTIONS) assert.equal(statusCode(d.code)?.name, d.name, `${d.code}`);
});

test('covers 11000-11200 from the proto, plus SUCCESS and MIXED_STATUS', () => {
  const fromProto = [11000, 11001, 11002, 11003, 11004, 11005, 11006, 11007, 11008, 11009, 11100, 11101, 11102, 11103, 11104, 11105, 11200];
  for (const code of [10000, 10010, ...fromProto]) assert.ok(statusDescription(code), `missing ${code}`);
  assert.equal(statusDescription(12345), undefined);
});

test('verified facts name their source; unknown descriptions carry no text', () => {
  for (const d of STATUS_DESCRIPTIONS) {
    for (const fact of [d.description, d.httpStatus, ...d.details]) {
      if (fact.tag === 'verified') assert.ok(fact.source, `${d.code}: a verified fact needs a source`);
    }
    if (d.description.tag === 'unknown') assert.equal(d.description.value, null, `${d.code}`);
    else assert.equal(typeof d.description.value, 'string', `${d.code}`);
    if (d.httpStatus.tag === 'unknown') assert.deepEqual(d.httpStatus.value, [], `${d.code}`);
  }
});

test('the exact wire strings of the key errors', () => {
  const invalid = statusDescription(11008)!;
  assert.equal(invalid.description.value, 'Invalid API key or Invalid API key/application pair');
  assert.deepEqual(invalid.httpStatus, { value: [401], tag: 'verified', source: invalid.httpStatus.source });
  assert.deepEqual(invalid.details.map((x) => x.value), ['Invalid format of key.', 'Must provide app external ID in API authorizer']);
  assert.equal(statusDescription(11009)!.description.value, 'API key not found');
  assert.equal(statusDescription(11102)!.details[0]!.value, 'Empty or malformed authorization header. Please provide an API key or session token.');
  assert.equal(statusDescription(10010)!.httpStatus.value[0], 207);
  assert.equal(statusDescription(11200)!.description.tag, 'unknown');
  assert.equal(statusDescription(11007)!.httpStatus.tag, 'inferred');
});
