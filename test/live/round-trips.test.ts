// A full diagnosis needs at most two sequential round trips: the orchestrator's waves, cross-checked with the emulator's log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EmulatorLogEntry } from '../../src/emulator/index.js';
import { T, diagnoseIn, project, world } from './helpers.js';

/**
 * The longest chain of requests where each one arrived after the previous one's answer had left: a request
 * that could depend on another must come after it. Independent of how fast this machine is.
 */
function causalDepth(entries: EmulatorLogEntry[]): number {
  const depth = new Map<EmulatorLogEntry, number>();
  const sorted = [...entries].sort((a, b) => a.received_at - b.received_at);
  for (const e of sorted) {
    const before = sorted.filter((q) => q.responded_at <= e.received_at).map((q) => depth.get(q) ?? 1);
    depth.set(e, 1 + Math.max(0, ...before));
  }
  return Math.max(0, ...depth.values());
}

test('the worst case (a rejected shell value, a damaged .env value, a target call) takes two round trips', async () => {
  // Latency makes each round trip a window no request of the next wave can start inside.
  const w = await world({ latencyMs: 150 });
  const dir = project({ '.env': `CLARIFAI_PAT="${T.pat}\\n"\nCLARIFAI_API_KEY=${T.predictOnly}\n` });
  const d = await diagnoseIn(dir, { CLARIFAI_API_BASE: w.restUrl, CLARIFAI_PAT: T.unknown }, { call: 'POST /v2/models/x/outputs' });
  const live = d.evidence.live!;
  assert.equal(live.waves, 2);
  assert.ok(live.exchanges.every((e) => e.wave <= 2));
  // Wave 1 asked everything about the configured keys at once; wave 2 only tried the stand-ins.
  assert.ok(live.exchanges.filter((e) => e.wave === 2).every((e) => e.credential.includes('@') || e.credential.includes('~')));
  assert.equal(w.requests, live.exchanges.filter((e) => e.wave > 0).length, 'every request sent is accounted for');
  assert.equal(causalDepth(w.logs), 2);
});

test('a healthy key takes one round trip, however many probes', async () => {
  const w = await world({ latencyMs: 150 });
  const d = await diagnoseIn(project(), { CLARIFAI_API_BASE: w.restUrl, CLARIFAI_PAT: T.pat, CLARIFAI_API_KEY: T.appKey }, { call: 'GET /v2/users/alice/apps/photos/models' });
  assert.equal(d.evidence.live!.waves, 1);
  assert.ok(w.requests >= 6);
  assert.equal(causalDepth(w.logs), 1);
});
