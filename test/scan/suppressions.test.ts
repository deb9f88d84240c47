import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applySuppressions } from '../../src/scan/index.js';
import type { Finding } from '../../src/types/diagnostic.js';
import { extract } from './helpers.js';

test('suppression comments: every comment style, ids and reason parsed, on the comment line', () => {
  const f = extract(
    [
      '// keydoctor-ignore',
      'x = 1 # keydoctor-ignore: exposure/hardcoded-key -- fixture key',
      '/* keydoctor-ignore: headers, endpoint/host-typo -- legacy client */',
      '<!-- keydoctor-ignore -- docs example -->',
      'keydoctor-ignored is not a suppression',
    ].join('\n'),
    'js',
  );
  assert.deepEqual(
    f.suppressions.map((s) => [s.line, s.ids, s.reason]),
    [
      [1, [], ''],
      [2, ['exposure/hardcoded-key'], 'fixture key'],
      [3, ['headers', 'endpoint/host-typo'], 'legacy client'],
      [4, [], 'docs example'],
    ],
  );
});

const at = (id: string, file: string, line: number): Finding => ({
  id,
  category: id.split('/')[0] as Finding['category'],
  severity: 'error',
  message: 'm',
  fix: 'f',
  location: { file, line },
});

test('applySuppressions drops findings on the comment line and the next, for the listed ids or categories', () => {
  const findings = [
    at('exposure/hardcoded-key', 'a.js', 2),
    at('exposure/hardcoded-key', 'a.js', 3),
    at('headers/scheme-format', 'a.js', 3),
    at('endpoint/host-typo', 'a.js', 4),
    at('exposure/hardcoded-key', 'b.js', 2),
    { ...at('env/no-credential', 'x', 1), location: { env: 'CLARIFAI_PAT', source: 'shell' } },
  ];
  const kept = applySuppressions(findings, [
    { file: 'a.js', line: 2, reason: '', ids: ['exposure'] },
    { file: 'a.js', line: 4, reason: '', ids: [] },
  ]);
  assert.deepEqual(
    kept.map((f) => `${f.id}@${'file' in f.location! ? `${f.location.file}:${f.location.line}` : 'env'}`),
    ['headers/scheme-format@a.js:3', 'exposure/hardcoded-key@b.js:2', 'env/no-credential@env'],
  );
});
