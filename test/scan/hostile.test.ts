import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './helpers.js';
import { gatherCodeEvidence } from '../../src/scan/index.js';
import { tree } from './helpers.js';

// Inputs built to make a careless regex or tokenizer quadratic; each must finish and give sane facts.

test('one very long line full of env reads and Clarifai paths', () => {
  const line = `// clarifai\nconst a = ${'process.env.CLARIFAI_PAT + '.repeat(20_000)}'x'; ${"fetch('/v2/models'); ".repeat(5_000)}`;
  const f = extract(line, 'js');
  assert.equal(f.envReads.length, 20_000);
  assert.equal(f.urls.length, 5_000);
});

test('shell with thousands of unclosed ${ and $( and quotes', () => {
  const f = extract(`${'echo ${A '.repeat(20_000)}\n${'$( '.repeat(20_000)}\n${"'".repeat(10_001)}`, 'shell');
  assert.ok(Array.isArray(f.envReads));
});

test('garbage, deep nesting and odd bytes in every kind of file', async () => {
  const deep = `{"cells": ${'['.repeat(5000)}${']'.repeat(5000)}, "clarifai": 1}`;
  const root = tree({
    'deep.ipynb': deep,
    'garbage.py': Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 255 + 1)),
    'unterminated.js': "const s = 'clarifai\n`${process.env.X\n/* keydoctor-ignore:",
    'fences.md': '```bash\n'.repeat(3000),
    'weird.yml': ':\n  - : :\n\tenv:\n    - =\n'.repeat(2000),
    'Dockerfile': 'ENV\nRUN \\\n'.repeat(2000),
  });
  const evidence = await gatherCodeEvidence(root);
  assert.deepEqual(evidence.skipped.map((x) => x.file), ['deep.ipynb']);
  assert.match(evidence.skipped[0]!.reason, /^not a valid notebook \(nesting too deep/u);
  assert.equal(evidence.filesScanned, 5);
});
