// The problem registry: every id has a docs page, pasted-text examples on those pages are executed, old ids still work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { allChecks } from '../../src/checks/index.js';
import { PROBLEMS, canonicalId, problemFor } from '../../src/checks/registry.js';
import { explain } from '../../src/explain/index.js';
import { STATUS_DESCRIPTIONS } from '../../src/providers/clarifai/status-descriptions.js';
import { CATEGORIES } from '../../src/types/diagnostic.js';

test('every registered problem has its docs page under docs/checks/<category>/<name>.md', () => {
  for (const p of PROBLEMS) {
    if (p.id.startsWith('internal/')) continue;
    assert.ok(CATEGORIES.includes(p.category), `${p.id}: unknown category`);
    assert.equal(p.id.split('/')[0], p.category, `${p.id} is not under its category`);
    assert.ok(existsSync(`docs/checks/${p.id}.md`), `docs/checks/${p.id}.md is missing`);
  }
});

test('one problem, one id: checks that report a shared problem name it, and their own ids are aliases', () => {
  const shared = allChecks.filter((c) => c.meta.problem);
  assert.ok(shared.length >= 8);
  for (const c of shared) {
    assert.equal(problemFor(c.meta.id)?.id, c.meta.problem, c.meta.id);
    assert.equal(canonicalId(c.meta.id), c.meta.problem);
  }
  assert.equal(canonicalId('permissions/pat-only-endpoint'), 'permissions/app-key-on-pat-route');
  assert.equal(canonicalId('permissions/code-app-key-pat-route'), 'permissions/app-key-on-pat-route');
  assert.equal(canonicalId('permissions/live-app-key-on-pat-route'), 'permissions/app-key-on-pat-route');
  const ids = PROBLEMS.map((p) => p.id);
  assert.equal(new Set(ids).size, ids.length, 'duplicate problem ids');
});

test('explain emits only registered ids, for every status code and name Clarifai defines', () => {
  for (const d of STATUS_DESCRIPTIONS) {
    for (const text of [String(d.code), `{"status":{"code":${d.code},"description":"x","details":"invalid key(None)"}}`]) {
      for (const f of explain(text).findings) assert.equal(problemFor(f.id)?.id, f.id, `${text} → unregistered ${f.id}`);
    }
  }
});

test('the pasted-text examples on the docs pages do what the page says', () => {
  let executed = 0;
  for (const p of PROBLEMS) {
    const path = `docs/checks/${p.id}.md`;
    if (!existsSync(path)) continue;
    const page = readFileSync(path, 'utf8');
    for (const section of ['Invalid', 'Valid'] as const) {
      const body = page.split(new RegExp(`^## ${section}$`, 'mu'))[1]?.split(/^## /mu)[0] ?? '';
      for (const m of body.matchAll(/```explain\n([\s\S]*?)\n```/gu)) {
        const ids = explain(m[1]!).findings.map((f) => f.id);
        if (section === 'Invalid') assert.ok(ids.includes(p.id), `${path}: the Invalid example does not report ${p.id} (got ${ids.join(', ')})`);
        else assert.ok(!ids.includes(p.id), `${path}: the Valid example reports ${p.id}`);
        executed++;
      }
    }
  }
  assert.ok(executed >= 50, `only ${executed} examples executed`);
});
