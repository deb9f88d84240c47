// The rows the page receives: a key anywhere in a call (path, header, body, answer, error) reaches them masked, and findings go to their call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redactor, Secret } from '../../src/core/secret.js';
import { gatherRunEvidence, judgeRun } from '../../src/intercept/diagnose.js';
import type { InterceptedCall } from '../../src/intercept/proxy.js';
import { emulatorRow, runRows } from '../../src/inspector/model.js';

const SENT = 'cafe0000cafe0000cafe0000cafe0000';
/** Not sent as the credential, so only its shape can give it away. */
const OTHER = 'beef0000beef0000beef0000beef0000';
/** A second value sent, which Clarifai rejects. */
const STALE = 'dead0000dead0000dead0000dead0000';

function call(over: Partial<InterceptedCall>): InterceptedCall {
  return {
    transport: 'rest',
    protocol: 'HTTP/1.1',
    host: 'api.clarifai.com',
    method: 'GET',
    path: '/v2/users/me/apps',
    credentials: [{ name: 'Authorization', value: new Secret(`Key ${SENT}`) }],
    otherHeaders: [['User-Agent', 'test']],
    fields: {},
    httpStatus: 200,
    status: { code: 10000, description: 'Ok', details: '' },
    upstream: 'https://api.clarifai.com',
    startMs: 10,
    endMs: 25,
    ...over,
  };
}

test('a key in the path, a header, the body, the answer or an error reaches the rows masked', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kd-inspector-model-'));
  const redactor = new Redactor();
  const options = { projectDir: dir, cwd: dir, env: { CLARIFAI_PAT: SENT }, scan: false, bases: { rest: 'https://api.clarifai.com', grpc: 'api.clarifai.com:443' } };
  const local = await gatherRunEvidence(options, redactor);
  const calls = [
    call({}),
    call({
      method: 'POST',
      credentials: [{ name: 'Authorization', value: new Secret(`Key ${STALE}`) }],
      path: `/v2/users/me/keys/${OTHER}?echo=${SENT}`,
      otherHeaders: [['X-Debug', `token=${OTHER}`], ['Cookie', `s=${SENT}`]],
      requestBody: JSON.stringify({ key: SENT, other: OTHER }),
      answerSnippet: JSON.stringify({ status: { code: 11009, details: `invalid key(${SENT})` } }),
      httpStatus: 401,
      status: { code: 11009, description: 'API key not found', details: `invalid key(${SENT})` },
      startMs: 40,
      endMs: 52,
    }),
    call({ path: '/v2/models', httpStatus: undefined, status: undefined, error: `ECONNRESET while sending ${OTHER}`, startMs: 60, endMs: 61 }),
  ];
  const { rows, otherFindings } = runRows(calls, judgeRun(calls, local, options, redactor), Date.UTC(2026, 0, 1), redactor);
  const json = JSON.stringify({ rows, otherFindings });
  assert.ok(!json.includes(SENT), 'the sent key');
  assert.ok(!json.includes(STALE), 'the rejected key');
  assert.ok(!json.includes(OTHER), `a key-shaped value the run never registered: ${json.slice(Math.max(0, json.indexOf(OTHER) - 200), json.indexOf(OTHER) + 40)}`);
  assert.deepEqual(rows.map((r) => r.outcome), ['ok', 'rejected', 'error']);
  assert.equal(rows[0]!.credential.shown, 'Authorization: Key cafe…00 (32 chars)');
  assert.match(rows[0]!.credential.source, /the shell's CLARIFAI_PAT/u);
  assert.equal(rows[1]!.time, '2026-01-01T00:00:00.040Z');
  assert.equal(rows[1]!.durationMs, 12);
  // The rejection is about the second call (its exchange), not the first (another credential).
  assert.equal(rows[0]!.findings.length, 0);
  assert.ok(rows[1]!.findings.some((f) => f.id === 'key/live-rejected' && f.rootCause), JSON.stringify({ mine: rows[1]!.findings.map((f) => f.id), other: otherFindings.map((f) => [f.id, f.where]), r0: rows[0]!.findings.map((f) => f.id) }));
  // The rejected value matched no variable: the curl says so and uses a placeholder variable, never the value.
  assert.match(rows[1]!.curl, /matched no variable/u);
  assert.match(rows[1]!.curl, /-H "Authorization: Key \$CLARIFAI_PAT"/u);
  assert.match(rows[0]!.curl, /-H "Authorization: Key \$CLARIFAI_PAT"/u);
  assert.match(rows[1]!.curl, /^curl -X POST 'https:\/\/api\.clarifai\.com\/v2\/users\/me\/keys\//mu);
});

test('an emulator log entry becomes a row with its reason, an explained status and a curl with the variable', () => {
  const redactor = new Redactor();
  const explained: number[] = [];
  const row = emulatorRow(
    3,
    { time: '2026-01-01T00:00:01.000Z', transport: 'rest', req_id: 'r1', method: 'GET', path: `/v2/users/me/keys/${OTHER}`, key: 'dead…00 (32 chars)', decision: 'deny', code: 11009, http_status: 401, reason: `no key ${OTHER}`, received_at: 1000, responded_at: 1004 },
    0,
    'http://127.0.0.1:9',
    '127.0.0.1:10',
    (code) => {
      explained.push(code);
      return [{ id: 'key/unknown-key', category: 'key', severity: 'error', message: 'unknown', fix: 'replace it' }];
    },
    redactor,
  );
  assert.deepEqual(explained, [11009]);
  assert.equal(row.outcome, 'rejected');
  assert.equal(row.durationMs, 4);
  assert.equal(row.findings[0]!.rootCause, true);
  assert.match(row.note ?? '', /^The emulator denied it: no key /u);
  assert.match(row.curl, /Authorization: Key \$CLARIFAI_PAT/u);
  assert.ok(!JSON.stringify(row).includes(OTHER));
});

test('a gRPC call: the RPC, the status from the message, and a grpcurl line with the variable', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kd-inspector-model-'));
  const redactor = new Redactor();
  const options = { projectDir: dir, cwd: dir, env: { CLARIFAI_PAT: SENT }, scan: false, bases: { rest: 'https://api.clarifai.com', grpc: 'api.clarifai.com:443' } };
  const local = await gatherRunEvidence(options, redactor);
  const calls = [
    call({
      transport: 'grpc',
      protocol: 'HTTP/2',
      method: 'gRPC',
      path: '/clarifai.api.V2/PostModelOutputs',
      rpc: 'PostModelOutputs',
      credentials: [{ name: 'authorization', value: new Secret(`Key ${SENT}`) }],
      fields: { modelId: 'general-image-recognition' },
      status: { code: 11008, description: 'Must provide app external ID', details: '' },
      grpcStatus: 0,
    }),
  ];
  const [row] = runRows(calls, judgeRun(calls, local, options, redactor), 0, redactor).rows;
  assert.equal(row!.rpc, 'PostModelOutputs');
  assert.equal(row!.route, 'api.clarifai.com/clarifai.api.V2/PostModelOutputs');
  assert.equal(row!.outcome, 'rejected');
  assert.deepEqual(row!.request.fields[0], ['model id', 'general-image-recognition']);
  assert.equal(row!.curl, 'grpcurl -H "authorization: Key $CLARIFAI_PAT" api.clarifai.com:443 clarifai.api.V2/PostModelOutputs');
  assert.ok(!JSON.stringify(row).includes(SENT));
});

test('`Key undefined` (an unset variable) is not treated as a secret: the word and the finding ids stay readable', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kd-inspector-model-'));
  const redactor = new Redactor();
  const options = { projectDir: dir, cwd: dir, env: {}, scan: false, bases: { rest: 'https://api.clarifai.com', grpc: 'api.clarifai.com:443' } };
  const local = await gatherRunEvidence(options, redactor);
  const calls = [call({ credentials: [{ name: 'Authorization', value: new Secret('Key undefined') }], httpStatus: 401, status: { code: 11009, description: 'API key not found', details: 'invalid key(undefined)' } })];
  const diagnosis = judgeRun(calls, local, options, redactor);
  const { rows, otherFindings } = runRows(calls, diagnosis, 0, redactor);
  assert.equal(redactor.redact('headers/undefined-value'), 'headers/undefined-value');
  const ids = [...rows[0]!.findings, ...otherFindings].map((f) => f.id);
  assert.ok(ids.includes('env/live-never-set'), ids.join(', '));
  assert.ok(ids.every((id) => !id.includes('…')), ids.join(', '));
  assert.match(rows[0]!.credential.shown, /^Authorization: Key /u);
  assert.match(JSON.stringify(rows[0]!.findings), /undefined/u);
});
