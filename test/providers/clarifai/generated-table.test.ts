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

test('request messages carry their fields: PostModels takes a model, GetModel a model_id', async () => {
  const { apiTable } = await import('../../../src/providers/clarifai/api-table.js');
  assert.deepEqual(apiTable.requestFields.PostModelsRequest, ['user_app_id', 'model', 'models']);
  assert.ok(apiTable.requestFields.GetModelRequest!.includes('model_id'));
  for (const rpc of apiTable.rpcs) assert.ok(apiTable.requestFields[rpc.requestType], `${rpc.requestType} has no fields entry`);
});
