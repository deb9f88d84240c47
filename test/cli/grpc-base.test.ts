// --transport grpc never falls back to the real API when the REST base points elsewhere (issue #18 item 7).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';
import { T, project, world } from '../live/helpers.js';

test('a REST base on the emulator with --transport grpc and no gRPC base is refused, naming --grpc-base', async () => {
  const w = await world();
  const dir = project({});
  const r = await runCli(['check', dir, '--no-scan', '--transport', 'grpc', '--base', w.restUrl], { env: { CLARIFAI_PAT: T.pat }, cwd: dir });
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /--transport grpc would probe api\.clarifai\.com:443: pass --grpc-base/u);
  assert.equal(w.requests, 0);
  const ok = await runCli(['check', dir, '--no-scan', '--transport', 'grpc', '--base', w.restUrl, '--grpc-base', w.grpcTarget], { env: { CLARIFAI_PAT: T.pat }, cwd: dir });
  assert.notEqual(ok.code, 2, ok.stderr);
  assert.ok(w.requests > 0, 'the emulator answered over gRPC');
});
