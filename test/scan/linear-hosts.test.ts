// The host resolution and the parameter tracing of issue #11 stay linear in input size: the same generator at n and 4n,
// the ratio bounded (linear ≈ 4, quadratic ≈ 16; bound 8, up to three tries), no wall clock asserted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { gatherCodeEvidence } from '../../src/scan/index.js';
import { tree } from './helpers.js';

const BOUND = 8;

async function timed(files: Record<string, string>): Promise<number> {
  const root = tree(files);
  try {
    let best = Infinity;
    for (let i = 0; i < 2; i++) {
      const t = performance.now();
      await gatherCodeEvidence(root, { workers: 0 });
      best = Math.min(best, performance.now() - t);
    }
    return best;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function assertLinear(label: string, generate: (n: number) => Record<string, string>, n: number): Promise<void> {
  await timed(generate(n)); // warm up
  const seen: number[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const r = (await timed(generate(4 * n))) / (await timed(generate(n)));
    seen.push(r);
    if (r < BOUND) return;
  }
  assert.fail(`${label}: 4× the input took ${seen.map((r) => r.toFixed(1)).join(', ')}× the time (linear ≈ 4, bound ${BOUND})`);
}

/** Headers variables each passed to a later call, half to Hugging Face and half to Clarifai. */
const mixedPython = (n: number) => ({
  'app.py':
    'import requests\nfrom clarifai.client.model import Model\nHF = "https://router.huggingface.co/hf-inference/models/blip"\nC = "https://api.clarifai.com/v2/users/clarifai/apps/main/models/x/outputs"\n' +
    Array.from({ length: n }, (_, i) => `h${i} = {"Authorization": f"Bearer {tok}"}\nrequests.post(${i % 2 ? 'HF' : 'C'}, headers=h${i})\n`).join(''),
});

/** Functions whose parameter is sent as the key, each called with a literal or an env read. */
const parameterJs = (n: number) => ({
  'send.js':
    "const { grpc } = require('clarifai-nodejs-grpc');\nconst metadata = new grpc.Metadata();\n" +
    Array.from({ length: n }, (_, i) => `function send${i}(secret) {\n  metadata.set('authorization', 'Key ' + secret);\n}\nsend${i}(process.env.CLARIFAI_PAT_${i});\n`).join(''),
});

test('headers in a file calling Clarifai and another service are placed in linear time', () => assertLinear('mixed python', mixedPython, 300));

test('parameters followed one call up are traced in linear time', () => assertLinear('parameters', parameterJs, 300));

test('the generated inputs exercise what is timed: half the headers go to Hugging Face, every parameter is traced', async () => {
  const root = tree({ ...mixedPython(20), ...parameterJs(20) });
  try {
    const code = await gatherCodeEvidence(root, { workers: 0 });
    assert.equal(code.otherServiceHeaders?.length, 10);
    assert.equal(code.authHeaders.filter((h) => h.file === 'app.py').length, 10);
    const traced = (code.credentials ?? []).filter((c) => c.file === 'send.js' && c.origin.kind === 'env');
    assert.equal(traced.length, 20);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
