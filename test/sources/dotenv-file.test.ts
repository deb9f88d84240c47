import { test } from 'node:test';
import assert from 'node:assert/strict';
import dotenv from 'dotenv';
import { parseEnvText } from '../../src/sources/dotenv-file.js';

const parse = (text: string) => parseEnvText(Buffer.from(text));

test('locates each assignment by line, name column and value column', () => {
  const r = parse('# comment\n\n  export  CLARIFAI_PAT = abc  \nCLARIFAI_USER_ID: me\n');
  assert.deepEqual(
    r.entries.map(({ name, line, column, valueColumn, endLine }) => ({ name, line, column, valueColumn, endLine })),
    [
      { name: 'CLARIFAI_PAT', line: 3, column: 11, valueColumn: 26, endLine: 3 },
      { name: 'CLARIFAI_USER_ID', line: 4, column: 1, valueColumn: 19, endLine: 4 },
    ],
  );
});

test('duplicates are all listed, in file order; dotenv keeps the last', () => {
  const r = parse('A=1\nB=2\nA=3\n');
  assert.deepEqual(r.entries.filter((e) => e.name === 'A').map((e) => [e.line, e.value]), [[1, '1'], [3, '3']]);
  assert.equal(r.parsed.A, '3');
});

test('a multi-line quoted value spans lines, and the lines inside are not assignments', () => {
  const r = parse('A="x\nA=y"\nB=2\n');
  assert.deepEqual(r.entries.map((e) => [e.name, e.line, e.endLine]), [['A', 1, 2], ['B', 3, 3]]);
  assert.equal(r.entries[0]!.value, 'x\nA=y');
});

test('CRLF and lone CR count as line breaks, as dotenv counts them', () => {
  const r = parse('A=1\r\nB=2\rC=3');
  assert.deepEqual(r.entries.map((e) => [e.name, e.line]), [['A', 1], ['B', 2], ['C', 3]]);
  assert.equal(r.hasCrlf, true);
  assert.deepEqual(r.lines, ['A=1', 'B=2', 'C=3']);
});

// Facts about dotenv that decide which parse traps keydoctor reports. If one fails, dotenv changed:
// revisit env/unclosed-quote, env/inline-comment and the decision not to report BOM or CRLF.
test('dotenv facts: CRLF and a BOM change nothing; an unclosed quote stays; # cuts an unquoted value', () => {
  assert.deepEqual(dotenv.parse('CLARIFAI_PAT=abc\r\nB="q"\r\n'), { CLARIFAI_PAT: 'abc', B: 'q' });
  assert.deepEqual(dotenv.parse(Buffer.from('\uFEFFCLARIFAI_PAT=abc\n')), { CLARIFAI_PAT: 'abc' });
  assert.deepEqual(dotenv.parse('CLARIFAI_PAT="abc\n'), { CLARIFAI_PAT: '"abc' });
  assert.deepEqual(dotenv.parse('CLARIFAI_PAT=ab#cd\n'), { CLARIFAI_PAT: 'ab' });
  assert.deepEqual(dotenv.parse('CLARIFAI_PAT = abc\nCLARIFAI_USER_ID: me\n'), { CLARIFAI_PAT: 'abc', CLARIFAI_USER_ID: 'me' });
  assert.deepEqual(dotenv.parse('export "CLARIFAI_API_KEY"="abc"\nCLARIFAI_PAT:abc\n'), {});
});

test('a BOM is reported as a fact, and the first name is still located', () => {
  const r = parseEnvText(Buffer.from('\uFEFFCLARIFAI_PAT=abc\n'));
  assert.equal(r.hasBom, true);
  assert.deepEqual(r.entries.map((e) => [e.name, e.line, e.value]), [['CLARIFAI_PAT', 1, 'abc']]);
});

test('invalid UTF-8 decodes to U+FFFD, exactly as dotenv reads it', () => {
  const r = parseEnvText(Buffer.from([0x41, 0x3d, 0x63, 0xe9, 0x0a]));
  assert.equal(r.parsed.A, 'c\uFFFD');
  assert.equal(r.entries[0]!.value, 'c\uFFFD');
});
