// Live diagnosis over gRPC (Clarifai's own stub, plain on loopback) against the emulator: the key cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { T, diagnoseIn, ids, project, world } from './helpers.js';

const w = await world();
const grpc = { CLARIFAI_GRPC_BASE: w.grpcTarget };
const opts = { transport: 'grpc' as const };

test('over gRPC: a valid PAT is a PAT of its user, and every probe went over gRPC', async () => {
  const d = await diagnoseIn(project(), { ...grpc, CLARIFAI_PAT: T.pat, CLARIFAI_USER_ID: 'alice', CLARIFAI_APP_ID: 'photos' }, opts);
  assert.equal(d.verdicts[0]!.verdict, 'valid');
  assert.equal(d.verdicts[0]!.kind, 'pat');
  const live = d.evidence.live!;
  assert.equal(live.config.tls, false, 'plain gRPC only because the target is loopback');
  assert.ok(live.exchanges.every((e) => e.transport === 'grpc' && e.url.startsWith(w.grpcTarget)));
  assert.ok(w.logs.some((l) => l.transport === 'grpc' && l.rpc === 'GetUser'));
});

test('over gRPC: an app key is an app key of its app', async () => {
  const d = await diagnoseIn(project(), { ...grpc, CLARIFAI_API_KEY: T.appKey }, opts);
  assert.equal(d.verdicts[0]!.kind, 'app_key');
  assert.equal(d.verdicts[0]!.appId, 'photos');
});

test('over gRPC: an unknown key is invalid (11009), the status read from inside an OK response', async () => {
  const d = await diagnoseIn(project(), { ...grpc, CLARIFAI_PAT: T.unknown }, opts);
  assert.equal(d.verdicts[0]!.verdict, 'invalid');
  assert.match(d.findings.find((f) => f.id === 'key/live-rejected')!.message, /11009/u);
});

test('over gRPC: a trailing newline cannot even be put in metadata; the cleaned key works', async () => {
  const d = await diagnoseIn(project({ '.env': `CLARIFAI_PAT="${T.pat}\\n"\n` }), grpc, opts);
  assert.match(d.findings.find((f) => f.id === 'key/live-candidate-works')!.message, /works once the trailing newline is removed/u);
  assert.ok(d.evidence.live!.exchanges.some((e) => e.error?.kind === 'cannot-send' && e.wave === 0));
});

test('over gRPC: missing scopes for --rpc PostModelOutputs', async () => {
  const d = await diagnoseIn(project(), { ...grpc, CLARIFAI_API_KEY: T.predictOnly }, { ...opts, rpc: 'PostModelOutputs' });
  assert.match(d.findings.find((f) => f.id === 'permissions/missing-scopes')!.message, /Apps_Get, Concepts_Get, Models_Get/u);
});

test('over gRPC: a PAT without user_app_id gets 11008 Must provide app external ID', async () => {
  const d = await diagnoseIn(project(), { ...grpc, CLARIFAI_PAT: T.pat }, { ...opts, rpc: 'ListModels' });
  const f = d.findings.find((x) => x.id === 'permissions/pat-without-app')!;
  assert.match(f.message, /Must provide app external ID/u);
  assert.ok(ids(d).every((i) => i !== 'key/live-rejected'));
});

test('a gRPC base written with a scheme is reported, and the probes still go to host:port', async () => {
  const d = await diagnoseIn(project(), { CLARIFAI_PAT: T.pat }, { ...opts, grpcBase: `http://${w.grpcTarget}` });
  assert.match(d.findings.find((f) => f.id === 'endpoint/live-base-url')!.message, /--grpc-base .* takes no scheme/u);
  assert.equal(d.verdicts[0]!.verdict, 'valid');
});

test('over gRPC: nothing listening is "refused", and the key stays unknown', async () => {
  const d = await diagnoseIn(project(), { CLARIFAI_PAT: T.pat }, { ...opts, grpcBase: '127.0.0.1:1', timeoutMs: 3000 });
  assert.equal(d.verdicts[0]!.verdict, 'unknown');
  assert.ok(ids(d).includes('endpoint/unreachable'), ids(d).join());
});
