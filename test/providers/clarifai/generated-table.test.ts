import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

test('the committed api-table.json matches what the installed clarifai-nodejs-grpc generates', () => {
  const r = spawnSync(process.execPath, ['scripts/gen-clarifai.mjs', '--stdout'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr);
  const committed = readFileSync('src/providers/clarifai/generated/api-table.json', 'utf8');
  assert.ok(r.stdout === committed, 'src/providers/clarifai/generated/api-table.json is stale: run "npm run gen:clarifai" and commit it');
});
