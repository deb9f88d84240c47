// A live verdict outranks a guess about the same value: a key Clarifai accepts is not reported as wrong (issue #18).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnoseIn, project, world } from '../live/helpers.js';
import { settleByVerdict } from '../../src/checks/consequences.js';
import type { Finding } from '../../src/types/diagnostic.js';

// 40 hex characters: not the 32 of today's keys, so the format check suspects it; the emulator knows it.
const LONG = 'a1b2c3d4a1b2c3d4a1b2c3d4a1b2c3d4a1b2c3d4';

test('a value Clarifai accepted is not called wrong: the format guess becomes a note and nothing blocks', async () => {
  const w = await world({ state: { users: [{ id: 'alice', apps: ['photos'] }], keys: [{ id: LONG, type: 'personal_access_token', user_id: 'alice', scopes: ['All'] }] } });
  const dir = project({ '.env': `CLARIFAI_PAT=${LONG}\n` });
  const offline = await diagnoseIn(dir, {}, { offline: true });
  const guess = offline.findings.find((f) => f.id === 'key/wrong-format');
  assert.equal(guess?.severity, 'error', `offline, the format is suspected: ${JSON.stringify(offline.findings.map((f) => f.id))}`);
  const live = await diagnoseIn(dir, { CLARIFAI_API_BASE: w.restUrl });
  assert.equal(live.verdicts.find((c) => c.name === 'CLARIFAI_PAT')?.verdict, 'valid');
  const settled = live.findings.find((f) => f.id === 'key/wrong-format');
  assert.equal(settled?.severity, 'info');
  assert.match(settled!.message, /Clarifai accepted this value when asked/u);
  assert.equal(live.summary.blocking, 0, JSON.stringify(live.findings.map((f) => `${f.severity} ${f.id}`)));
});

test('settleByVerdict touches only key guesses about the very value accepted, as configured', () => {
  const at = (env: string, source: string, line?: number) => ({ env, source, ...(line !== undefined ? { line } : {}) });
  const f = (id: string, location: Finding['location']): Finding => ({ id, category: id.split('/')[0] as Finding['category'], severity: 'error', message: 'm.', fix: 'x', ...(location ? { location } : {}) });
  const findings = [f('key/wrong-format', at('CLARIFAI_PAT', '.env', 1)), f('key/wrong-format', at('CLARIFAI_PAT', 'shell')), f('key/live-rejected', at('CLARIFAI_PAT', '.env', 1)), f('env/near-miss-name', at('CLARIFAI_PAT', '.env', 1))];
  const out = settleByVerdict(findings, [
    { name: 'CLARIFAI_PAT', source: '.env', line: 1, verdict: 'valid' },
    { name: 'CLARIFAI_PAT', source: 'shell', verdict: 'valid', origin: 'cleaned' },
  ]);
  assert.deepEqual(out.map((x) => x.severity), ['info', 'error', 'error', 'error']);
  assert.deepEqual(settleByVerdict(findings, [{ name: 'CLARIFAI_PAT', source: '.env', line: 1, verdict: 'invalid' }]), findings);
});
