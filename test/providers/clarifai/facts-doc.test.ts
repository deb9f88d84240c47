// The Clarifai facts the product relies on are documented inside the repository (docs/clarifai-facts.md), and
// nothing in src/ or docs/ points at notes outside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

test('no file in src/, docs/ or the README refers to a file outside the repository', () => {
  const outside = /\.\.\/shared|shared\/reference|\/work\//u;
  const all = [...files('src'), ...files('docs'), 'README.md'].filter((f) => /\.(ts|md|json|mjs)$/u.test(f));
  assert.ok(all.length > 50, `only ${all.length} files read`);
  assert.deepEqual(all.filter((f) => outside.test(readFileSync(f, 'utf8'))), []);
});

test('docs/clarifai-facts.md tags every fact and names modules that exist', () => {
  const text = readFileSync('docs/clarifai-facts.md', 'utf8');
  const rows = text.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Fact') && !l.startsWith('| Short') && !l.startsWith('|---'));
  const factRows = rows.filter((l) => l.split('|').length === 6);
  assert.ok(factRows.length >= 30, `only ${factRows.length} facts`);
  for (const row of factRows) assert.match(row.split('|')[2]!, /verified|inferred|unknown/u, row);
  const modules = [...text.matchAll(/`((?:providers|live|probes|transport|explain|emulator|checks|core|scan)\/[\w./-]+\.(?:ts|json))`/gu)].map((m) => m[1]!);
  assert.ok(modules.length >= 10);
  for (const m of modules) assert.ok(existsSync(join('src', m)), `docs/clarifai-facts.md names src/${m}, which does not exist`);
});
