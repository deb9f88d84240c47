import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explain } from '../../src/explain/index.js';
import { PUBLIC_PASTES } from './public-pastes.js';

// Causes that blame the credential, its environment, its header or its scopes.
const BLAMES_KEY = /^(?:key|env|headers|permissions)\//u;

for (const p of PUBLIC_PASTES) {
  test(`public paste (${p.url}): ${p.first || 'not the key'} comes first`, () => {
    const r = explain(p.text);
    assert.equal(r.recognised, true, r.summary);
    if (p.first) assert.equal(r.findings[0]?.id, p.first, r.findings.map((f) => f.id).join(', '));
    if (!p.credential) assert.ok(!r.findings.some((f) => f.severity === 'error' && BLAMES_KEY.test(f.id)), r.findings.map((f) => f.id).join(', '));
    // A Python paste never gets the Node-only cause.
    if (/Traceback|\.py\b|Python client|clarifai_grpc|stub\./u.test(p.text)) assert.ok(!r.findings.some((f) => f.id === 'headers/separate-grpc-js'));
  });
}

test('the true cause comes first for at least 85 % of the credential pastes', () => {
  const credential = PUBLIC_PASTES.filter((p) => p.credential);
  const right = credential.filter((p) => explain(p.text).findings[0]?.id === p.first).length;
  assert.ok(credential.length >= 10, `only ${credential.length} credential pastes`);
  assert.ok(right / credential.length >= 0.85, `${right}/${credential.length}`);
});
