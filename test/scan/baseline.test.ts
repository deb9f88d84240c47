import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyBaseline, fingerprint, parseBaseline, readBaseline, writeBaseline } from '../../src/core/baseline.js';
import { KeydoctorError } from '../../src/core/errors.js';
import type { Finding } from '../../src/types/diagnostic.js';
import { FAKE_KEY, tree } from './helpers.js';

const finding = (line: number, snippet: string, file = 'src/a.js'): Finding => ({
  id: 'exposure/hardcoded-key',
  category: 'exposure',
  severity: 'error',
  message: `A key is written into ${file}:${line}.`,
  fix: 'Read it from the environment.',
  location: { file, line, column: 7, snippet },
});

test('fingerprints ignore line numbers and whitespace, and differ by check, file and snippet', () => {
  const a = fingerprint(finding(3, "const PAT = '3f9a…00 (32 chars)';"));
  assert.deepEqual(fingerprint(finding(40, "const  PAT = '3f9a…00 (32 chars)'; ")), a);
  assert.notEqual(fingerprint(finding(3, "const PAT = '3f9a…00 (32 chars)';", 'src/b.js')).hash, a.hash);
  assert.notEqual(fingerprint({ ...finding(3, "const PAT = '3f9a…00 (32 chars)';"), id: 'headers/x' }).hash, a.hash);
  assert.notEqual(fingerprint(finding(3, "const KEY = '3f9a…00 (32 chars)';")).hash, a.hash);
  assert.deepEqual(fingerprint(finding(3, '[cell 2, line 1] PAT = 1')), fingerprint(finding(3, '[cell 5, line 1] PAT = 1')));
});

test('baseline round trip: write, read back, and only new findings remain; the file holds no key', () => {
  const dir = tree({});
  const path = join(dir, 'baseline.json');
  const old = [finding(3, "const PAT = '3f9a…00 (32 chars)';"), { ...finding(1, ''), location: { env: 'CLARIFAI_PAT', source: '.env', line: 1 } }];
  writeBaseline(path, old);
  const text = readFileSync(path, 'utf8');
  assert.ok(!text.includes(FAKE_KEY) && !text.includes('3f9a'), 'only hashes are stored');
  const baseline = readBaseline(path);
  assert.equal(baseline.fingerprints.length, 2);
  const fresh = finding(9, "const KEY2 = '0b1c…00 (32 chars)';");
  assert.deepEqual(applyBaseline([finding(30, "const PAT = '3f9a…00 (32 chars)';"), fresh, old[1]!], baseline), [fresh]);
});

test('a broken baseline file is a clear error', () => {
  const dir = tree({ 'bad.json': '{"fingerprints": [{"id": 1}]}', 'notjson.json': 'nope' });
  assert.throws(() => readBaseline(join(dir, 'missing.json')), (e: unknown) => e instanceof KeydoctorError && e.code === 'KD_ERR_FILE');
  assert.throws(() => readBaseline(join(dir, 'bad.json')), /has no "fingerprints" list/u);
  assert.throws(() => readBaseline(join(dir, 'notjson.json')), /is not JSON/u);
  assert.deepEqual(parseBaseline('{"fingerprints": []}', 'x').fingerprints, []);
});
