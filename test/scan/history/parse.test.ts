// The git log parser on its own: added lines and their numbers, headers, quoted paths, lines split across reads, huge lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMIT_MARK, DiffParser, LineSplitter, MAX_CHUNK_BYTES, MAX_LINE, parseNewPath, type AddedChunk } from '../../../src/scan/history/parse.js';

function parse(lines: string[]): { chunks: AddedChunk[]; commits: number } {
  const chunks: AddedChunk[] = [];
  let commits = 0;
  const p = new DiffParser((c) => chunks.push(c), () => commits++);
  for (const l of lines) p.line(l);
  p.end();
  return { chunks, commits };
}

test('added lines come out per commit and file, numbered in the new file; removed lines and headers do not', () => {
  const { chunks, commits } = parse([
    `${COMMIT_MARK}abc1234 2024-03-01`,
    '',
    'diff --git a/src/a.js b/src/a.js',
    'index 1111111..2222222 100644',
    '--- a/src/a.js',
    '+++ b/src/a.js',
    '@@ -3,0 +4,2 @@ function f() {',
    "+const PAT = 'x';",
    '+++not a header, an added line starting with ++',
    '@@ -10 +12 @@',
    '-old',
    '+new',
    '\\ No newline at end of file',
    'diff --git a/gone.txt b/gone.txt',
    'deleted file mode 100644',
    '--- a/gone.txt',
    '+++ /dev/null',
    '@@ -1 +0,0 @@',
    '-bye',
    `${COMMIT_MARK}def5678 2024-03-02`,
    'diff --git a/img.png b/img.png',
    'Binary files a/img.png and b/img.png differ',
  ]);
  assert.equal(commits, 2);
  assert.deepEqual(chunks, [
    { commit: 'abc1234', date: '2024-03-01', path: 'src/a.js', lines: ["const PAT = 'x';", '++not a header, an added line starting with ++', 'new'], numbers: [4, 5, 12] },
  ]);
});

test('a file with more added lines than one chunk holds is handed on in pieces', () => {
  const line = `+${'a'.repeat(1000)}`;
  const count = Math.ceil(MAX_CHUNK_BYTES / line.length) + 10;
  const { chunks } = parse([`${COMMIT_MARK}abc1234 2024-03-01`, 'diff --git a/big.txt b/big.txt', '+++ b/big.txt', `@@ -0,0 +1,${count} @@`, ...Array(count).fill(line)]);
  assert.ok(chunks.length >= 2);
  assert.equal(chunks.reduce((n, c) => n + c.lines.length, 0), count);
  assert.equal(chunks.at(-1)!.numbers.at(-1), count);
});

test('paths: plain, quoted with escapes and octal UTF-8, /dev/null', () => {
  assert.equal(parseNewPath('+++ b/src/app.js'), 'src/app.js');
  assert.equal(parseNewPath('+++ "b/dir with \\"quotes\\"/tab\\there.js"'), 'dir with "quotes"/tab\there.js');
  assert.equal(parseNewPath('+++ "b/caf\\303\\251.py"'), 'café.py');
  assert.equal(parseNewPath('+++ /dev/null'), undefined);
});

test('the line splitter joins lines split across reads (even inside a UTF-8 character) and cuts huge lines', () => {
  const out: string[] = [];
  const s = new LineSplitter((l) => out.push(l));
  const text = Buffer.from('first line\r\nsecond é line\nthird');
  for (let i = 0; i < text.length; i += 3) s.push(text.subarray(i, i + 3));
  s.push(Buffer.from(`\n${'y'.repeat(MAX_LINE * 10)}\nafter\n`));
  s.end();
  assert.deepEqual(out.slice(0, 3), ['first line', 'second é line', 'third']);
  assert.ok(out[3]!.length > MAX_LINE && out[3]!.length <= MAX_LINE * 4 + 8, 'a huge line is cut, and still too long to be read');
  assert.equal(out[4], 'after');
});
