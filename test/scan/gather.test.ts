import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Secret } from '../../src/core/secret.js';
import { KeydoctorError } from '../../src/core/errors.js';
import { gatherCodeEvidence, type ScanProgress } from '../../src/scan/index.js';
import { FAKE_KEY, tree } from './helpers.js';

function project(files: number): string {
  const content: Record<string, string> = {};
  for (let n = 0; n < files; n++) {
    content[`src/m${String(n).padStart(3, '0')}.js`] = [
      `const pat${n} = process.env.CLARIFAI_PAT; // clarifai`,
      `fetch('https://api.clarifai.com/v2/users/me', { headers: { Authorization: 'Key ' + pat${n} } });`,
    ].join('\n');
  }
  content['src/keys.py'] = `from clarifai.client import User\nPAT = "${FAKE_KEY}"  # keydoctor-ignore: exposure -- test fixture\n`;
  return tree(content);
}

test('worker threads and the main thread find exactly the same facts, sorted by file and line', async () => {
  const root = project(60);
  const here = await gatherCodeEvidence(root, { workers: 0 });
  const pooled = await gatherCodeEvidence(root, { workers: 2, workerThreshold: 5 });
  assert.equal(JSON.stringify(pooled), JSON.stringify(here));
  assert.equal(here.filesScanned, 61);
  assert.equal(here.envReads.length, 60);
  assert.equal(here.authHeaders.length, 60);
  assert.deepEqual(here.envReads.slice(0, 2).map((r) => r.file), ['src/m000.js', 'src/m001.js']);
  assert.deepEqual(here.suppressions, [{ file: 'src/keys.py', line: 2, reason: 'test fixture', ids: ['exposure'] }]);
});

test('key literals are Secrets: evidence serialised to JSON never carries the key', async () => {
  const evidence = await gatherCodeEvidence(project(1));
  assert.equal(evidence.keyLiterals.length, 1);
  assert.ok(evidence.keyLiterals[0]!.value instanceof Secret);
  assert.equal(evidence.keyLiterals[0]!.value.reveal(), FAKE_KEY);
  assert.ok(!JSON.stringify(evidence).includes(FAKE_KEY));
});

test('progress is reported, the last call with done: true and the final counts', async () => {
  const calls: ScanProgress[] = [];
  const evidence = await gatherCodeEvidence(project(3), { onProgress: (p) => calls.push(p) });
  const last = calls.at(-1)!;
  assert.equal(last.done, true);
  assert.equal(last.files, evidence.filesScanned);
  assert.equal(last.bytes, evidence.bytesScanned);
});

test('a path that is not a folder is a usage error; an aborted scan stops', async () => {
  await assert.rejects(gatherCodeEvidence('/definitely/not/here'), (e: unknown) => e instanceof KeydoctorError && e.code === 'KD_ERR_NOT_A_DIRECTORY');
  const controller = new AbortController();
  controller.abort(new Error('stop'));
  await assert.rejects(gatherCodeEvidence(project(2), { signal: controller.signal }), /stop/u);
});

test('a worker that runs out of memory hands its batch back: nothing is lost', async () => {
  // 1.5 million one-line strings in one cell: more parsed objects than a worker's heap cap allows.
  const big = { cell_type: 'code', metadata: {}, outputs: [], source: Array.from({ length: 1_500_000 }, () => 'x\n') };
  const small = { cell_type: 'code', metadata: {}, outputs: [], source: ['import clarifai\n', "k = os.getenv('CLARIFAI_PAT')\n"] };
  const root = tree({ 'big.ipynb': JSON.stringify({ cells: [small, big], metadata: {} }), 'a.py': "import os\nos.getenv('CLARIFAI_PAT')\n" });
  const pooled = await gatherCodeEvidence(root, { workers: 1, workerThreshold: 1 });
  const here = await gatherCodeEvidence(root, { workers: 0 });
  assert.equal(JSON.stringify(pooled), JSON.stringify(here));
  assert.deepEqual(pooled.envReads.map((r) => r.file), ['a.py', 'big.ipynb']);
});
