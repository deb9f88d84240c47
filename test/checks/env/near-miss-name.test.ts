import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, editDistance, nearMiss } from '../../../src/checks/env/near-miss-name.js';
import { CLARIFAI_VARIABLE_NAMES } from '../../../src/providers/clarifai/variables.js';
import { gatherEnvEvidence } from '../../../src/sources/gather.js';
import { describeFixtures, runFixtureDir } from '../fixture-runner.js';

const dir = new URL('./near-miss-name/', import.meta.url).pathname;
const only = (name: string) => runFixtureDir(dir + name, [check]);

describeFixtures(dir, check);

test('names both the expected and the defined name, with the file and line', () => {
  const [f] = only('bad.clarifiai-typo');
  assert.equal(f?.severity, 'error');
  assert.equal(f!.message, 'CLARIFAI_API_KEY is not set, but CLARIFIAI_API_KEY is (in .env:1); the name is one typo away, and the app reads CLARIFAI_API_KEY exactly.');
  assert.equal(f!.fix, 'Rename CLARIFIAI_API_KEY to CLARIFAI_API_KEY in .env line 1.');
});

test('a case difference mentions case-sensitive systems', () => {
  assert.match(only('bad.lowercase')[0]!.message, /differs only in case/u);
});

test('a slip in the shell suggests exporting the exact name', () => {
  const [f] = only('bad.typo-in-shell');
  assert.match(f!.message, /CLARIFAI_PAT is not set, but CLARIFAY_PAT is \(in the shell environment\)/u);
  assert.match(f!.fix, /export CLARIFAI_PAT="\$CLARIFAY_PAT"/u);
});

test('the closest expected name comes first when several fit', () => {
  const [f] = only('bad.missing-underscore');
  assert.match(f!.message, /^None of CLARIFAI_API_KEY, CLARIFAI_PAT is set/u);
  assert.match(f!.fix, /^Rename CLARIFAI_APIKEY to CLARIFAI_API_KEY/u);
});

test('nearMiss: the slips from the field, and unrelated names', () => {
  const hits: [string, string][] = [
    ['CLARIFIAI_API_KEY', 'CLARIFAI_API_KEY'],
    ['CLARIFAI_PAT_KEY', 'CLARIFAI_PAT'],
    ['clarifai_pat', 'CLARIFAI_PAT'],
    ['CLARIFAI-PAT', 'CLARIFAI_PAT'],
    ['CLARIFAI_APIKEY', 'CLARIFAI_API_KEY'],
    ['CLARIFAY_PAT', 'CLARIFAI_PAT'],
    ['CLARFIAI_PAT', 'CLARIFAI_PAT'],
    ['CLARIFAI_PA', 'CLARIFAI_PAT'],
    ['CLARIFAI_KEY', 'CLARIFAI_PAT'],
  ];
  for (const [defined, expected] of hits) assert.ok(nearMiss(defined, expected), `${defined} should be a near miss of ${expected}`);
  const misses: [string, string][] = [
    ['CLARIFAI_PAT', 'CLARIFAI_PAT'],
    ['OPENAI_API_KEY', 'CLARIFAI_API_KEY'],
    ['VITE_CLARIFAI_PAT', 'CLARIFAI_PAT'],
    ['APP_ID', 'CLARIFAI_APP_ID'],
    ['CLARIFAI_MODEL_ID', 'CLARIFAI_APP_ID'],
    ['PATH', 'PAT'],
    ['GITHUB_TOKEN', 'CLARIFAI_SESSION_TOKEN'],
  ];
  for (const [defined, expected] of misses) assert.equal(nearMiss(defined, expected), undefined, `${defined} is not a near miss of ${expected}`);
});

test('editDistance counts a transposition as one edit', () => {
  assert.equal(editDistance('CLARIFAI', 'CLARFIAI'), 1);
  assert.equal(editDistance('abc', 'abc'), 0);
  assert.equal(editDistance('', 'abc'), 3);
});

test('names read by the code are expected too, and the reading line is named', () => {
  const dir = new URL('./near-miss-name/good.exact-names/', import.meta.url).pathname;
  const env = gatherEnvEvidence({ projectDir: dir, cwd: dir, env: { MY_CLARIFAI_TOKN: '3f9a6d0c8b7e4a2190f1c3d5e7b90000' } });
  const read = { file: 'src/app.ts', line: 4, column: 13, snippet: 'process.env.MY_CLARIFAI_TOKEN', name: 'MY_CLARIFAI_TOKEN', language: 'js' as const };
  const code = { root: dir, filesScanned: 1, bytesScanned: 100, skipped: [], envReads: [read], authHeaders: [], urls: [], keyLiterals: [], imports: [], suppressions: [] };
  const findings = check.run({ evidence: { env, code }, options: { expected: [...CLARIFAI_VARIABLE_NAMES] } });
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /^MY_CLARIFAI_TOKEN is not set, but MY_CLARIFAI_TOKN is \(in the shell environment\)/u);
  assert.deepEqual(findings[0]!.related, [{ file: 'src/app.ts', line: 4, column: 13, snippet: 'process.env.MY_CLARIFAI_TOKEN' }]);
});

test('editDistance agrees with the textbook optimal-string-alignment table on random names', () => {
  const reference = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) {
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    return d[a.length]![b.length]!;
  };
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const word = () => Array.from({ length: next() % 12 }, () => 'AB_CI'[next() % 5]).join('');
  for (let n = 0; n < 2000; n++) {
    const a = word();
    const b = word();
    assert.equal(editDistance(a, b), reference(a, b), `${a} / ${b}`);
  }
});
