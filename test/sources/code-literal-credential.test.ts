// A key written into the code where the app sends it is the credential the app sends (issue #12): no "no credential"
// finding, the key checks judge its value at the line it is written, and a live run probes it (against the emulator).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STATE, T, diagnoseIn, ids, leaks, project, world } from '../live/helpers.js';

const w = await world({ state: STATE });

function notebook(pat: string): Record<string, string> {
  const cells = [
    ['from clarifai.client.model import Model\n', '\n', `PAT = '${pat}'\n`, "USER_ID = 'clarifai'\n"],
    ['model = Model("https://clarifai.com/clarifai/main/models/general-image-recognition", pat=PAT)\n', 'model.predict_by_url("https://samples.clarifai.com/metro-north.jpg", input_type="image")'],
  ];
  const nb = { cells: cells.map((source) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source })), metadata: {}, nbformat: 4, nbformat_minor: 5 };
  return { 'predict.ipynb': JSON.stringify(nb, null, 1) };
}

test('offline: the literal is judged by the key checks at its line, and there is no env/no-credential', async () => {
  const files = notebook(`${T.pat} `);
  const dir = project(files);
  // Notebook findings point at the line of the .ipynb file that holds the cell's source line.
  const line = files['predict.ipynb']!.split('\n').findIndex((l) => l.includes('PAT = ')) + 1;
  const d = await diagnoseIn(dir, {}, { offline: true });
  assert.ok(!ids(d).includes('env/no-credential'), ids(d).join(', '));
  assert.ok(ids(d).includes('exposure/hardcoded-key'), 'the exposure stays');
  const ws = d.findings.find((f) => f.id === 'key/whitespace');
  assert.ok(ws, `key/whitespace judges the literal: ${ids(d).join(', ')}`);
  assert.deepEqual({ file: (ws.location as { file: string }).file, line: (ws.location as { line: number }).line }, { file: 'predict.ipynb', line });
  assert.match(ws.fix, new RegExp(`In predict\\.ipynb:${line}, write`, 'u'));
  assert.match(ws.fix, /write the key as PAT = "3f9a…00"/u);
  assert.deepEqual(leaks(JSON.stringify(d.findings), T.pat), []);
});

test('offline: a clean literal gets no key finding', async () => {
  const d = await diagnoseIn(project(notebook(T.pat)), {}, { offline: true });
  assert.deepEqual(ids(d).filter((i) => i.startsWith('key/') || i === 'env/no-credential'), []);
});

test('live: the literal is probed against the configured base and gets its verdict', async () => {
  const good = await diagnoseIn(project(notebook(T.pat)), { CLARIFAI_API_BASE: w.restUrl });
  assert.deepEqual(good.verdicts.map((v) => [v.name, v.source, v.verdict]), [['PAT', 'predict.ipynb', 'valid']]);
  const bad = await diagnoseIn(project(notebook(T.unknown)), { CLARIFAI_API_BASE: w.restUrl });
  assert.deepEqual(bad.verdicts.map((v) => [v.name, v.verdict]), [['PAT', 'invalid']]);
  assert.ok(ids(bad).some((i) => i.startsWith('key/live-')), ids(bad).join(', '));
  assert.deepEqual(leaks(JSON.stringify(bad.findings) + JSON.stringify(bad.credentials), T.unknown, T.pat), []);
});
