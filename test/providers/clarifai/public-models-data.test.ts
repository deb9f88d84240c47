// The public-model research table is data (src/providers/clarifai/data/public-models.json): it must satisfy its JSON
// Schema, every named source must exist, and the built package must carry the file next to the module that reads it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { PUBLIC_MODELS, MODELS_OUTSIDE_MAIN } from '../../../src/providers/clarifai/public-models.js';

const DATA = new URL('../../../src/providers/clarifai/data/', import.meta.url);
const read = (name: string) => JSON.parse(readFileSync(new URL(name, DATA), 'utf8')) as Record<string, unknown>;

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  return ajv.compile(read('public-models.schema.json'));
}

test('public-models.json satisfies its schema', () => {
  const validate = validator();
  const ok = validate(read('public-models.json'));
  assert.ok(ok, JSON.stringify(validate.errors, null, 2));
});

test('the schema rejects what a careless edit would write', () => {
  const validate = validator();
  const data = read('public-models.json') as { models: Record<string, unknown>[]; sources: Record<string, unknown> };
  const broken = (edit: (d: typeof data) => void) => {
    const copy = structuredClone(data);
    edit(copy);
    return validate(copy);
  };
  assert.equal(broken((d) => (d.models[0]!.idTag = 'sure')), false, 'a tag outside verified/inferred/unknown');
  assert.equal(broken((d) => ((d.models[0]!.legacyIds as { id: string }[])[0]!.id = 'AAA03C23')), false, 'a legacy id that is not 32 lowercase hex');
  assert.equal(broken((d) => delete d.models[0]!.unverified), false, 'a missing field');
  assert.equal(broken((d) => (d.models[0]!.typo = true)), false, 'an unknown field');
  assert.equal(broken((d) => (d.sources.JS = { ref: 'x', kind: 'vendor', says: 'y' })), false, 'a source kind outside clarifai/third-party');
});

test('every source an entry names exists, and the loaded table resolves them', () => {
  type Ref = string | { from?: string };
  type Entry = { source: Ref };
  const data = read('public-models.json') as {
    sources: Record<string, unknown>;
    models: { sources: Ref[]; legacyIds: Entry[]; versionIds: Entry[]; retired?: Entry }[];
    modelsOutsideMain: Entry[];
  };
  const refs: Ref[] = [
    ...data.models.flatMap((m) => [...m.sources, ...m.legacyIds.map((l) => l.source), ...m.versionIds.map((v) => v.source), ...(m.retired ? [m.retired.source] : [])]),
    ...data.modelsOutsideMain.map((m) => m.source),
  ];
  const named = refs.map((r) => (typeof r === 'string' ? r : r.from)).filter((n): n is string => n !== undefined);
  assert.ok(named.length > 50, `only ${named.length} named references`);
  for (const name of named) assert.ok(name in data.sources, `unknown source ${name}`);
  const all = [...PUBLIC_MODELS.flatMap((m) => [...m.sources, ...m.legacyIds.map((l) => l.source), ...m.versionIds.map((v) => v.source)]), ...MODELS_OUTSIDE_MAIN.map((m) => m.source)];
  for (const s of all) assert.ok(typeof s.ref === 'string' && s.ref !== '' && (s.kind === 'clarifai' || s.kind === 'third-party') && s.says !== '', JSON.stringify(s));
  assert.ok(PUBLIC_MODELS.every((m) => m.userId === 'clarifai' && m.appId === 'main'));
});

test('the build puts the JSON next to the compiled module, and the package carries it', async () => {
  // Run after `npm run build`; the package test proves the packed tarball runs `check`, which reads this table.
  const built = new URL('../../../dist/providers/clarifai/data/public-models.json', import.meta.url);
  assert.deepEqual(JSON.parse(readFileSync(built, 'utf8')), read('public-models.json'));
  // The bundle (what the package ships) requires it from dist/data/.
  const bundled = new URL('../../../dist/data/public-models.json', import.meta.url);
  assert.deepEqual(JSON.parse(readFileSync(bundled, 'utf8')), read('public-models.json'));
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { files: string[] };
  assert.ok(pkg.files.includes('dist/data/'));
});
