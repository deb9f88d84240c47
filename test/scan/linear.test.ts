import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract, tree } from './helpers.js';
import { gatherCodeEvidence } from '../../src/scan/index.js';
import type { FileKind } from '../../src/scan/languages.js';

// The scan must stay linear in input size (issue #16 item 9, issue #10 item 8). No wall clock is asserted: each case
// times the same generator at n and 4n and bounds the ratio. Linear work gives about 4, quadratic about 16; the bound
// of 8 leaves room for a busy machine, and a case is measured up to three times before it counts as failed.

const BOUND = 8;

function fastest(run: () => void, times = 3): number {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    run();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

async function fastestAsync(run: () => Promise<unknown>, times = 2): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

function assertLinear(label: string, ratios: () => number): void {
  const seen: number[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const r = ratios();
    seen.push(r);
    if (r < BOUND) return;
  }
  assert.fail(`${label}: 4× the input took ${seen.map((r) => r.toFixed(1)).join(', ')}× the time (linear ≈ 4, bound ${BOUND})`);
}

function linearIn(label: string, kind: Exclude<FileKind, 'shebang'>, generate: (n: number) => string, n: number): void {
  const small = generate(n);
  const big = generate(4 * n);
  extract(small, kind); // warm the JIT before timing
  assertLinear(label, () => fastest(() => extract(big, kind), 2) / fastest(() => extract(small, kind)));
}

const jsCalls = (n: number) =>
  "import { ClarifaiStub } from 'clarifai-nodejs-grpc';\nconst USER_ID = 'clarifai';\n" +
  Array.from(
    { length: n },
    (_, i) =>
      `await fetch(\`https://api.clarifai.com/v2/models/m${i}/outputs\`, { method: 'POST', headers: { Authorization: 'Key ' + process.env.CLARIFAI_PAT }, body: JSON.stringify({ user_app_id: { user_id: USER_ID } }) });\n`,
  ).join('');

const curlLines = (n: number) =>
  Array.from({ length: n }, (_, i) => `curl -X POST -H "Authorization: Key $CLARIFAI_PAT" https://api.clarifai.com/v2/models/m${i}/outputs -d '{"inputs": []}'\n`).join('');

const notebook = (n: number) =>
  JSON.stringify({
    cells: Array.from({ length: n }, (_, i) => ({
      cell_type: i % 3 === 2 ? 'markdown' : 'code',
      metadata: {},
      source: ['import os\n', "PAT = os.environ['CLARIFAI_PAT']\n", `r = requests.post('https://api.clarifai.com/v2/models/m${i}/outputs', headers={'Authorization': f'Key {PAT}'})\n`, 'print(r.json())\n'],
      outputs: [{ output_type: 'stream', name: 'stdout', text: ['{"status": {"code": 10000}}\n'] }],
    })),
    metadata: { kernelspec: { language: 'python' } },
    nbformat: 4,
    nbformat_minor: 5,
  });

const ciYaml = (n: number) =>
  'name: ci\non: push\njobs:\n' +
  Array.from(
    { length: n },
    (_, i) => `  job${i}:\n    runs-on: ubuntu-latest\n    env:\n      CLARIFAI_PAT: \${{ secrets.CLARIFAI_PAT }}\n    steps:\n      - run: curl -H "Authorization: Key $CLARIFAI_PAT" https://api.clarifai.com/v2/users/me\n`,
  ).join('');

test('a JS file with thousands of fetch calls is scanned in linear time', () => linearIn('js calls', 'js', jsCalls, 400));

const stubCalls = (n: number) =>
  "const { ClarifaiStub, grpc } = require('clarifai-nodejs-grpc');\nconst metadata = new grpc.Metadata();\nmetadata.set('authorization', 'Key ' + process.env.CLARIFAI_PAT);\n" +
  Array.from({ length: n }, (_, i) => `function f${i}(stub) { const MODEL_ID = 'm${i}'; stub.PostModelOutputs({ model_id: MODEL_ID, inputs: [] }, metadata, () => {}); }\n`).join('');

test('a JS file with thousands of gRPC stub calls (request records) is scanned in linear time', () => linearIn('stub calls', 'js', stubCalls, 200));

test('a shell script with thousands of curl lines is scanned in linear time', () => linearIn('curl lines', 'shell', curlLines, 400));

test('a notebook with thousands of cells is scanned in linear time', () => linearIn('notebook cells', 'notebook', notebook, 300));

test('a CI workflow with thousands of jobs is scanned in linear time', () => linearIn('CI YAML', 'actions', ciYaml, 300));

test('Python with thousands of id constants and legacy clients is scanned in linear time', () =>
  linearIn('python ids', 'python', (n) => `# clarifai\n${"USER_ID = 'x'\n".repeat(n)}${'ClarifaiApp()\n'.repeat(n)}`, 2000));

test('one giant line of assignments (clarifai-usage pathological input) is scanned in linear time', () =>
  // inProse read the whole line for every site on it: 20,000 repeats took minutes.
  linearIn('giant line', 'js', (n) => `// clarifai\n${'USER_ID = USER_ID = '.repeat(n)}\n${'a.'.repeat(5 * n)}setUserId(x)\n`, 2000));

test('the whole gather (extraction, then credentials linked across files) is linear in a notebook’s cells', async () => {
  const root = tree({});
  const time = async (n: number) => {
    writeFileSync(join(root, 'n.ipynb'), notebook(n));
    return fastestAsync(() => gatherCodeEvidence(root, { workers: 0 }));
  };
  await time(100);
  const seen: number[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const r = (await time(1200)) / (await time(300));
    seen.push(r);
    if (r < BOUND) return;
  }
  assert.fail(`gather: 4× the cells took ${seen.map((r) => r.toFixed(1)).join(', ')}× the time`);
});
