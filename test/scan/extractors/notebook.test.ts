import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractText } from '../../../src/scan/scan-file.js';
import { ALL_GRAMMARS, loadGrammars } from '../../../src/scan/grammar.js';

await loadGrammars(ALL_GRAMMARS);
import { parseJsonWithPositions, splitMagics } from '../../../src/scan/extractors/notebook.js';
import { extract, FAKE_KEY, FAKE_KEY_2 } from '../helpers.js';

/** A notebook written the way Jupyter writes it (indent 1, one JSON string per source line). */
function notebook(cells: object[], language = 'python'): string {
  return JSON.stringify({ cells, metadata: { kernelspec: { language, name: 'k' } }, nbformat: 4, nbformat_minor: 5 }, null, 1);
}
const code = (source: string[], outputs: object[] = []) => ({ cell_type: 'code', execution_count: 1, metadata: {}, outputs, source });

test('the position-aware JSON parser agrees with JSON.parse and remembers where strings start', () => {
  const text = '{"a": ["x\\n", "\\u00e9\\"q"], "b": {"c": [1, true, null, -2.5e3]}}';
  const parsed = parseJsonWithPositions(text) as { a: { s: string; at: number }[] };
  assert.deepEqual(parsed.a.map((s) => s.s), JSON.parse(text).a);
  assert.equal(text[parsed.a[1]!.at], '"');
  assert.throws(() => parseJsonWithPositions('{"cells": ['), /character/u);
});

test('magics: !cmd and %env lines are shell, %%bash cells are shell, other magics are dropped', () => {
  assert.deepEqual(splitMagics('import os\n!curl x\n%env A=1\n%env B 2\n%matplotlib inline'), {
    code: 'import os\n\n\n\n',
    shell: '\n curl x\n     A=1\n     B=2\n',
  });
  assert.deepEqual(splitMagics('%%bash\necho $X'), { code: '\n', shell: '\necho $X' });
});

test('code cells: positions are in the .ipynb file, snippets say which cell and line', () => {
  const nb = notebook([
    { cell_type: 'markdown', metadata: {}, source: ['# Clarifai demo\n'] },
    code(['import os\n', "PAT = os.environ['CLARIFAI_PAT']\n", "metadata = (('authorization', 'Key ' + PAT),)"]),
  ]);
  const f = extract(nb, 'notebook', 'demo.ipynb');
  const lines = nb.split('\n');
  const read = f.envReads[0]!;
  assert.equal(read.name, 'CLARIFAI_PAT');
  assert.equal(lines[read.line - 1]!.slice(read.column - 1, read.column + 9), 'os.environ');
  assert.equal(read.snippet, "[cell 2, line 2] PAT = os.environ['CLARIFAI_PAT']");
  assert.deepEqual(f.authHeaders.map((h) => [h.value, h.transport, h.envNames]), [['Key ${PAT}', 'grpc-metadata', ['CLARIFAI_PAT']]]);
  assert.match(lines[f.authHeaders[0]!.line - 1]!, /authorization/u);
});

test('keys in %env magics, in cell outputs and in tracebacks are found and masked', () => {
  const nb = notebook([
    code([`%env CLARIFAI_PAT=${FAKE_KEY}\n`, '!curl -H "Authorization: Key $CLARIFAI_PAT" https://api.clarifai.com/v2/users/me'], [
      { name: 'stdout', output_type: 'stream', text: [`PAT is ${FAKE_KEY_2}\n`] },
      { output_type: 'error', ename: 'E', evalue: '', traceback: ['Traceback', `----> 3 client = Client(api_key="${FAKE_KEY_2}")`] },
    ]),
  ]);
  const f = extract(nb, 'notebook', 'nb.ipynb');
  const found = f.keyLiterals.map((k) => [k.value, k.boundTo, k.snippet.slice(0, 24)]).sort((a, b) => String(a[2]).localeCompare(String(b[2])));
  assert.deepEqual(found, [
    [FAKE_KEY_2, undefined, '[cell 1 output, line 1] '],
    [FAKE_KEY_2, 'api_key', '[cell 1 output, line 2] '],
    [FAKE_KEY, 'CLARIFAI_PAT', '[cell 1, line 1] %env CL'],
  ]);
  assert.deepEqual(f.urls.map((u) => [u.url, u.method]), [['https://api.clarifai.com/v2/users/me', 'GET']]);
  for (const k of f.keyLiterals) assert.ok(!k.snippet.includes(k.value), 'snippets are masked');
});

test('compact notebooks (source as one string) and JavaScript kernels', () => {
  const nb = JSON.stringify({
    cells: [{ cell_type: 'code', metadata: {}, outputs: [], source: "const k = process.env.CLARIFAI_PAT;\nfetch('https://api.clarifai.com/v2/users/me');" }],
    metadata: { kernelspec: { language: 'javascript' } },
  });
  const f = extract(nb, 'notebook');
  assert.deepEqual(f.envReads.map((r) => [r.line, r.snippet]), [[1, '[cell 1, line 1] const k = process.env.CLARIFAI_PAT;']]);
  assert.deepEqual(f.urls.map((u) => u.snippet), ["[cell 1, line 2] fetch('https://api.clarifai.com/v2/users/me');"]);
});

test('a broken notebook gives a clear reason instead of a crash', () => {
  assert.match(String(extractText('nb.ipynb', '{"cells": [ {"source": "clarifai', 'notebook')), /^not a valid notebook \(unterminated string/u);
  assert.equal(extractText('nb.ipynb', '{"clarifai": 1}', 'notebook'), 'not a valid notebook (no cells)');
});
