import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_STATE, DEMO_TOKENS, loadStateFile, validateState, startEmulator } from '../../src/emulator/index.js';
import { KeydoctorError } from '../../src/core/errors.js';

const TOKEN = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';
const base = () => ({
  users: [{ id: 'u1', apps: ['a1'] }],
  keys: [{ id: TOKEN, type: 'app_specific_key', user_id: 'u1', app_id: 'a1', scopes: ['Predict'] }],
});

function rejects(json: unknown, message: RegExp): void {
  assert.throws(
    () => validateState(json),
    (err: unknown) => {
      assert.ok(err instanceof KeydoctorError, 'not a KeydoctorError');
      assert.equal(err.code, 'KD_ERR_STATE');
      assert.match(err.message, message);
      assert.ok(!err.message.includes(TOKEN), 'the token leaked into the error');
      return true;
    },
  );
}

test('defaults: unlimited plan, zero usage, no account issue, active at once, never expires, 15 rps', () => {
  const s = validateState(base());
  assert.deepEqual(s.users[0], { id: 'u1', apps: ['a1'], plan: { hourly_ops: null, monthly_ops: null }, usage: { hourly_ops: 0, monthly_ops: 0 }, account_issue: false });
  assert.deepEqual(s.keys[0], { id: TOKEN, type: 'app_specific_key', user_id: 'u1', app_id: 'a1', scopes: ['Predict'], active_after_s: 0, expires_at: null });
  assert.equal(s.rate_limit_rps, 15);
  assert.equal(validateState({ ...base(), rate_limit_rps: null }).rate_limit_rps, null);
});

test('the demo state is valid and every demo token is in it', () => {
  const s = validateState(DEMO_STATE);
  for (const token of Object.values(DEMO_TOKENS)) assert.ok(s.keys.some((k) => k.id === token));
});

test('scopes may use the UI spelling Models:Get and come back as Models_Get', () => {
  const s = validateState({ ...base(), keys: [{ ...base().keys[0], scopes: ['Models:Get', 'All'] }] });
  assert.deepEqual(s.keys[0]!.scopes, ['Models_Get', 'All']);
});

const cases: [string, (s: ReturnType<typeof base> & Record<string, unknown>) => unknown, RegExp][] = [
  ['not an object', () => [], /^state must be an object, not an array/u],
  ['users missing', (s) => ({ keys: s.keys }), /^users is missing/u],
  ['keys not an array', (s) => ({ ...s, keys: {} }), /^keys must be an array, not an object/u],
  ['an unknown field', (s) => ({ ...s, keys: [{ ...s.keys[0], tyep: 'x' }] }), /^keys\[0\]\.tyep is not a known field/u],
  ['a bad key type', (s) => ({ ...s, keys: [s.keys[0], { ...s.keys[0], id: 'abc123', type: 'api_key' }] }), /^keys\[1\]\.type must be "app_specific_key" or "personal_access_token", not string "api_key"/u],
  ['an unknown user', (s) => ({ ...s, keys: [{ ...s.keys[0], user_id: 'nobody' }] }), /^keys\[0\]\.user_id "nobody" is not one of users\[\]\.id/u],
  ['an app key without app', (s) => ({ ...s, keys: [{ ...s.keys[0], app_id: undefined }] }), /^keys\[0\]\.app_id is missing/u],
  ['an app the user does not have', (s) => ({ ...s, keys: [{ ...s.keys[0], app_id: 'a2' }] }), /^keys\[0\]\.app_id "a2" is not one of the apps of user "u1"/u],
  ['a PAT with an app', (s) => ({ ...s, keys: [{ ...s.keys[0], type: 'personal_access_token' }] }), /^keys\[0\]\.app_id must not be set for a personal_access_token/u],
  ['an unknown scope', (s) => ({ ...s, keys: [{ ...s.keys[0], scopes: ['Predict', 'Predikt'] }] }), /^keys\[0\]\.scopes\[1\] "Predikt" is not a Clarifai scope/u],
  ['a token with a dash', (s) => ({ ...s, keys: [{ ...s.keys[0], id: 'abc-def' }] }), /^keys\[0\]\.id must be letters and digits only/u],
  ['a repeated token', (s) => ({ ...s, keys: [s.keys[0], s.keys[0]] }), /^keys\[1\]\.id repeats the token of an earlier key/u],
  ['a repeated user', (s) => ({ ...s, users: [s.users[0], s.users[0]] }), /^users\[1\]\.id "u1" is listed twice/u],
  ['a negative plan', (s) => ({ ...s, users: [{ ...s.users[0], plan: { monthly_ops: -1 } }] }), /^users\[0\]\.plan\.monthly_ops must be a whole number ≥ 0 or null/u],
  ['a string account_issue', (s) => ({ ...s, users: [{ ...s.users[0], account_issue: 'yes' }] }), /^users\[0\]\.account_issue must be true or false/u],
  ['a non-RFC 3339 expiry', (s) => ({ ...s, keys: [{ ...s.keys[0], expires_at: 'tomorrow' }] }), /^keys\[0\]\.expires_at must be an RFC 3339 time/u],
  ['a negative activation delay', (s) => ({ ...s, keys: [{ ...s.keys[0], active_after_s: -5 }] }), /^keys\[0\]\.active_after_s must be a number of seconds ≥ 0/u],
  ['a zero rate limit', (s) => ({ ...s, rate_limit_rps: 0 }), /^rate_limit_rps must be a whole number ≥ 1, or null for no limit/u],
];
for (const [what, mutate, message] of cases) {
  test(`state error names the JSON path: ${what}`, () => rejects(mutate(base()), message));
}

test('state files: unreadable, not JSON, not UTF-8, a FIFO and a symlink loop are clear KD_ERR_STATE errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kd-state-'));
  const write = (name: string, content: string | Buffer) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };
  const expect = (path: string, message: RegExp) =>
    assert.throws(() => loadStateFile(path), (err: unknown) => err instanceof KeydoctorError && err.code === 'KD_ERR_STATE' && message.test(err.message));
  expect(join(dir, 'missing.json'), /could not be read \(ENOENT\)/u);
  expect(write('bad.json', '{"users": ['), /is not valid JSON/u);
  expect(write('latin1.json', Buffer.from([0x7b, 0xe9, 0x7d])), /is not valid UTF-8/u);
  expect(dir, /is not a regular file/u);
  execFileSync('mkfifo', [join(dir, 'fifo')]);
  expect(join(dir, 'fifo'), /is not a regular file/u);
  symlinkSync(join(dir, 'loop-a'), join(dir, 'loop-b'));
  symlinkSync(join(dir, 'loop-b'), join(dir, 'loop-a'));
  expect(join(dir, 'loop-a'), /could not be read \(ELOOP\)/u);
  expect(write('wrong.json', JSON.stringify({ users: [], keys: [{}] })), /^keys\[0\] must be|^keys\[0\]\.id must be/u);
  // A byte-order mark is fine.
  assert.equal(loadStateFile(write('bom.json', `\uFEFF${JSON.stringify(base())}`)).keys.length, 1);
});

test('startEmulator takes a state file path', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kd-state-'));
  const path = join(dir, 'state.json');
  writeFileSync(path, JSON.stringify(base()));
  const e = await startEmulator({ state: path });
  try {
    const r = await fetch(`${e.restUrl}/v2/myscopes`, { headers: { authorization: `Key ${TOKEN}` } });
    assert.deepEqual(((await r.json()) as { scopes: string[] }).scopes, ['Predict']);
  } finally {
    await e.close();
  }
});
