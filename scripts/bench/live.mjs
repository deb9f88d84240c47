// Bench: wall time of a full live diagnosis against the emulator with --latency 100, and its sequential round trips.
// Run with `npm run build && npm run bench -- live` (it uses dist/). Loopback only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../dist/emulator/index.js';
import { diagnose } from "../../dist/core/diagnose.js";

const LATENCY_MS = 100;
const RUNS = 15;
const PAT = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';
const KEY = '6e2c8a4b0f1d4c7299e5a3b7d9f20000';
const STALE = 'de9d5b1c7a8e43e900000000000a0000';

const state = {
  users: [{ id: 'alice', apps: ['photos'] }],
  keys: [
    { id: PAT, type: 'personal_access_token', user_id: 'alice', scopes: ['All'] },
    { id: KEY, type: 'app_specific_key', user_id: 'alice', app_id: 'photos', scopes: ['Predict'] },
  ],
  rate_limit_rps: null,
};

// The worst case: a stale shell PAT shadows a .env PAT with a trailing newline, plus an app key and a target call.
const dir = mkdtempSync(join(tmpdir(), 'kd-bench-live-'));
writeFileSync(join(dir, '.env'), `CLARIFAI_PAT="${PAT}\\n"\nCLARIFAI_API_KEY=${KEY}\n`);
const logs = [];
const emulator = await startEmulator({ state, latencyMs: LATENCY_MS, log: (l) => logs.push(l) });
const env = { CLARIFAI_API_BASE: emulator.restUrl, CLARIFAI_PAT: STALE };
const options = { projectDir: dir, env, cwd: dir, live: true, call: 'POST /v2/models/general-image-recognition/outputs' };

function depth(entries) {
  const d = new Map();
  const sorted = [...entries].sort((a, b) => a.received_at - b.received_at);
  for (const e of sorted) d.set(e, 1 + Math.max(0, ...sorted.filter((q) => q.responded_at <= e.received_at).map((q) => d.get(q) ?? 1)));
  return Math.max(0, ...d.values());
}

try {
  const cold = performance.now();
  await diagnose(options);
  const coldMs = performance.now() - cold;
  const times = [];
  let waves = 0;
  let requests = 0;
  let causal = 0;
  for (let i = 0; i < RUNS; i++) {
    logs.length = 0;
    const t = performance.now();
    const r = await diagnose(options);
    times.push(performance.now() - t);
    waves = Math.max(waves, r.evidence.live.waves);
    requests = logs.length;
    causal = Math.max(causal, depth(logs));
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const p90 = times[Math.floor(times.length * 0.9)];
  const budget = 2 * LATENCY_MS + 80;
  console.log(`latency ${LATENCY_MS} ms per response, ${RUNS} warm runs (after 1 cold run of ${coldMs.toFixed(0)} ms, which loads the HTTP client and route table)`);
  console.log(`wall time: median ${median.toFixed(0)} ms, p90 ${p90.toFixed(0)} ms (aim < ${budget} ms)`);
  console.log(`round trips: ${waves} (orchestrator waves), ${causal} (causal depth in the emulator log); ${requests} requests per diagnosis`);
  if (waves > 2 || causal > 2) process.exitCode = 1;
} finally {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
}
