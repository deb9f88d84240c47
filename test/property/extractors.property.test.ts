// Properties of every source extractor (src/scan/extractors/* through extractText): on any text they never throw,
// and every position they report lies inside the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractText } from '../../src/scan/scan-file.js';
import { ALL_GRAMMARS, loadGrammars } from '../../src/scan/grammar.js';

await loadGrammars(ALL_GRAMMARS);
import type { FileKind } from '../../src/scan/languages.js';
import { budget, KEY, soup } from './helpers.js';

type Kind = Exclude<FileKind, 'shebang'>;

/** Every `{ line, column }` anywhere in the facts, with the path that leads to it. */
function positions(value: unknown, path = 'facts', out: { path: string; line: number; column?: number }[] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => positions(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.line === 'number') out.push({ path, line: o.line, ...(typeof o.column === 'number' ? { column: o.column } : {}) });
    for (const [k, v] of Object.entries(o)) positions(v, `${path}.${k}`, out);
  }
  return out;
}

/** Positions checked so far, so a property whose generator never reaches a fact fails instead of passing empty. */
let checked = 0;

function assertInside(text: string, kind: Kind): void {
  const out = extractText('f', text, kind);
  if (typeof out === 'string') return; // a reason the text cannot be read as its kind (a broken notebook): fine
  const lines = text.split('\n');
  for (const p of positions(out)) {
    checked++;
    assert.ok(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines.length, `${kind}: ${p.path} line ${p.line} of ${lines.length}`);
    if (p.column !== undefined) {
      const length = lines[p.line - 1]!.length;
      assert.ok(Number.isInteger(p.column) && p.column >= 1 && p.column <= length + 1, `${kind}: ${p.path} column ${p.column} on a line of ${length}`);
    }
  }
}

const FRAGMENTS: Record<string, string[]> = {
  js: ['process.env.', 'process.env["', 'CLARIFAI_PAT', 'fetch(', 'axios.post(', "'https://api.clarifai.com/v2/models/x/outputs'", '{ headers: { Authorization: ', '`Key ${', '}`', "'Key ' + ", 'const pat = ', 'import { ClarifaiStub, grpc } from "clarifai-nodejs-grpc";', 'require("clarifai")', 'metadata.set("authorization", ', 'new grpc.Metadata()', 'export default ', 'module.exports = ', '/*', '*/', '//', '"', "'", '`', '${', '}', '(', ')', '[', ']', ';', '=', '\n', ' ', '\\', KEY, '// keydoctor-ignore: exposure/hardcoded-key -- test'],
  python: ['import os\n', 'from clarifai.client.model import Model\n', 'os.environ["', "os.getenv('", 'CLARIFAI_PAT', "')", '"]', 'requests.post(', '"https://api.clarifai.com/v2/users/me/apps/a/models/m/outputs"', 'headers={"Authorization": f"Key {', '}"}', 'metadata = (("authorization", "Key " + ', '))', 'PAT = ', 'class C:\n    pat = ', 'def f(', '):\n    ', '"""', "'''", '#', '"', "'", '\n', '    ', '\\', KEY, 'f"', '{', '}'],
  shell: ['curl ', '-X POST ', '-H "Authorization: Key $CLARIFAI_PAT" ', "-H 'Authorization: Key ", 'https://api.clarifai.com/v2/models', ' \\\n', 'export CLARIFAI_PAT=', '${CLARIFAI_PAT}', '$(', ')', '`', '"', "'", '<<EOF\n', 'EOF\n', '#', '\n', ';', '|', '&&', KEY, ' '],
  markdown: ['```sh\n', '```python\n', '```js\n', '```\n', '~~~\n', '    ', '$ ', '>>> ', 'curl https://api.clarifai.com/v2/models -H "Authorization: Key ', '"\n', 'CLARIFAI_PAT', '`', '# Title\n', '<!-- keydoctor-ignore -->', '\n', KEY, ' '],
  dockerfile: ['FROM node:20\n', 'ENV CLARIFAI_PAT=', 'ARG CLARIFAI_PAT\n', 'RUN curl -H "Authorization: Key $CLARIFAI_PAT" https://api.clarifai.com/v2/models\n', '\\\n', '"', "'", '$', '{', '}', '#', '\n', KEY, ' '],
  yaml: ['services:\n', '  app:\n', '    environment:\n', '      - CLARIFAI_PAT=', '      CLARIFAI_PAT: ', 'run: |\n', '  curl -H "Authorization: Key ${{ secrets.CLARIFAI_PAT }}" https://api.clarifai.com/v2/models\n', '- ', ': ', '"', "'", '|', '>', '#', '\n', '  ', KEY],
  other: ['https://api.clarifai.com/v2/models', 'api_key = "', '"', KEY, '\n', ' ', '=', ':', '{', '}'],
};

/** Whole statements that yield facts, so the soup reaches the extractors' deep paths, not only their early exits. */
const STATEMENTS: Record<string, string[]> = {
  js: [
    'const pat = process.env.CLARIFAI_PAT;\n',
    'fetch("https://api.clarifai.com/v2/users/me/apps/a/models/m/outputs", { method: "POST", headers: { Authorization: `Key ${pat}` } });\n',
    `const key = "${KEY}";\n`,
    'metadata.set("authorization", "Key " + process.env.CLARIFAI_PAT);\n',
    'axios.get(`${base}/v2/models`, { headers: { "Authorization": "Key " + key } });\n',
  ],
  python: [
    'pat = os.environ["CLARIFAI_PAT"]\n',
    'requests.post("https://api.clarifai.com/v2/models/m/outputs", headers={"Authorization": f"Key {pat}"})\n',
    `CLARIFAI_PAT = "${KEY}"\n`,
    'metadata = (("authorization", "Key " + pat),)\n',
  ],
  shell: [
    `curl -X POST https://api.clarifai.com/v2/models/m/outputs -H "Authorization: Key ${KEY}"\n`,
    'curl -H "Authorization: Key $CLARIFAI_PAT" https://api.clarifai.com/v2/users/me\n',
    'export CLARIFAI_PAT=${CLARIFAI_PAT:-x}\n',
  ],
};

const KIND_FRAGMENTS: [Kind, string[]][] = [
  ['js', [...FRAGMENTS.js!, ...STATEMENTS.js!]],
  ['python', [...FRAGMENTS.python!, ...STATEMENTS.python!]],
  ['shell', [...FRAGMENTS.shell!, ...STATEMENTS.shell!]],
  ['markdown', [...FRAGMENTS.markdown!, ...STATEMENTS.js!, ...STATEMENTS.python!, ...STATEMENTS.shell!]],
  ['dockerfile', [...FRAGMENTS.dockerfile!, ...STATEMENTS.shell!.map((c) => `RUN ${c}`)]],
  ['compose', FRAGMENTS.yaml!],
  ['actions', FRAGMENTS.yaml!],
  ['yaml', FRAGMENTS.yaml!],
  ['other', FRAGMENTS.other!],
];

for (const [kind, fragments] of KIND_FRAGMENTS) {
  test(`property: the ${kind} extractor never throws and reports positions inside the file`, () => {
    const before = checked;
    fc.assert(
      fc.property(soup(fragments), (text) => assertInside(text, kind)),
      budget(1500),
    );
    assert.ok(checked - before > 100, `only ${checked - before} positions were produced for ${kind}`);
  });
}

const PY_SOURCE = soup([...FRAGMENTS.python!, ...STATEMENTS.python!, '!curl -H "Authorization: Key $CLARIFAI_PAT" https://api.clarifai.com/v2/models\n', '%env CLARIFAI_PAT=x\n', '%%bash\n']);

/** A notebook cell as Jupyter writes it, with a source made of code fragments, and outputs with text. */
const cell = fc.record({
  cell_type: fc.constantFrom('code', 'markdown', 'raw', 'unknown'),
  source: fc.oneof(PY_SOURCE.map((s) => s.split(/(?<=\n)/u)), PY_SOURCE),
  outputs: fc.array(fc.record({ output_type: fc.constantFrom('stream', 'execute_result', 'error'), text: fc.array(soup([...FRAGMENTS.shell!, ...STATEMENTS.shell!]), { maxLength: 3 }) }), { maxLength: 2 }),
  metadata: fc.constant({}),
});
const notebook = fc
  .tuple(fc.array(cell, { maxLength: 5 }), fc.constantFrom('python', 'javascript', 'bash', ''), fc.constantFrom(0, 1, 2))
  .map(([cells, language, indent]) => JSON.stringify({ cells, metadata: { kernelspec: { language } }, nbformat: 4, nbformat_minor: 5 }, null, indent));

test('property: the notebook extractor never throws and reports positions inside the .ipynb file', () => {
  const before = checked;
  fc.assert(fc.property(notebook, (text) => assertInside(text, 'notebook')), budget(1500));
  assert.ok(checked - before > 100, `only ${checked - before} positions were produced for notebooks`);
});

test('property: a notebook cut short or with bytes flipped is a reason, never a throw', () => {
  const damaged = fc.tuple(notebook, fc.nat(), fc.string({ maxLength: 3 })).map(([text, at, junk]) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + junk + text.slice(i + (at % 3));
  });
  fc.assert(fc.property(damaged, (text) => assertInside(text, 'notebook')), budget(1500));
});

test('property: any string at all, in every kind', () => {
  const kinds = fc.constantFrom<Kind>('js', 'python', 'notebook', 'shell', 'markdown', 'dockerfile', 'compose', 'actions', 'yaml', 'other');
  fc.assert(
    fc.property(kinds, fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.json()), (kind, text) =>
      assertInside(text, kind),
    ),
    budget(3000),
  );
});
