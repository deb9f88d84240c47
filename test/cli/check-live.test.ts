// `keydoctor check` live, end to end in-process: flags, --verbose curl lines, the network policy, and a planted-key audit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';
import { STATE, T, project, world } from '../live/helpers.js';

const w = await world({ state: { ...STATE, keys: [...STATE.keys!, { id: 'e0e0e0e0e0e0e0e0e0e0e0e0e0e00000', type: 'app_specific_key', user_id: 'alice', app_id: 'photos', scopes: ['All'], active_after_s: 1 }] } });

test('a healthy PAT and a real call: exit 0 and a live note with the verdict', async () => {
  const r = await runCli(['check', project(), '--call', 'GET /v2/users/alice/apps/photos/models'], {
    env: { CLARIFAI_API_BASE: w.restUrl, CLARIFAI_PAT: T.pat, CLARIFAI_USER_ID: 'alice', CLARIFAI_APP_ID: 'photos' },
  });
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /Live: http:\/\/127\.0\.0\.1:\d+, 4 requests in 1 round trip\./u);
  assert.match(r.stdout, /CLARIFAI_PAT \(shell\): valid — Clarifai accepted it as a personal access token of user alice/u);
});

test('planted-key audit: text, --verbose and --json never print a probed key in full', async () => {
  const dir = project({ '.env': `CLARIFAI_PAT="${T.pat}\\n"\nCLARIFAI_API_KEY=${T.predictOnly}\n` });
  const env = { CLARIFAI_API_BASE: w.restUrl, CLARIFAI_PAT: T.unknown };
  for (const extra of [['--verbose'], ['--json', '--verbose'], ['--verbose', '--transport', 'grpc', '--grpc-base', w.grpcTarget]]) {
    const r = await runCli(['check', dir, '--call', 'POST /v2/models/x/outputs', ...extra], { env });
    assert.equal(r.code, 1);
    const all = r.stdout + r.stderr;
    for (const k of [T.pat, T.unknown, T.predictOnly]) assert.ok(!all.includes(k), `${extra.join(' ')} leaked ${k.slice(0, 4)}…`);
    assert.match(r.stderr, /^> (curl|grpcurl) .*"(A|a)uthorization: Key \$CLARIFAI_PAT"/mu, 'verbose shows each request with the variable, not the key');
  }
});

test('--verbose lists every request as a curl command with its answer', async () => {
  const r = await runCli(['check', project(), '--verbose'], { env: { CLARIFAI_API_BASE: w.restUrl, CLARIFAI_API_KEY: T.appKey } });
  const sent = r.stderr.split('\n').filter((l) => l.startsWith('> curl'));
  assert.deepEqual(
    sent.map((l) => l.replace(/http:\/\/127\.0\.0\.1:\d+/u, 'BASE')),
    [
      `> curl -sS -X GET 'BASE/v2/myscopes' -H "Authorization: Key $CLARIFAI_API_KEY"`,
      `> curl -sS -X GET 'BASE/v2/users/me' -H "Authorization: Key $CLARIFAI_API_KEY"`,
    ],
  );
  assert.match(r.stderr, /< HTTP 200 · 10000 Ok \[myscopes, \d+ ms, round trip 1\]/u);
});

test('--json keeps the documented shape', async () => {
  const r = await runCli(['check', project(), '--json', '--rpc', 'ListApps'], { env: { CLARIFAI_API_BASE: w.restUrl, CLARIFAI_API_KEY: T.appKey } });
  const json = JSON.parse(r.stdout) as { version: string; findings: { id: string }[] };
  assert.deepEqual(Object.keys(json).slice(0, 7), ['version', 'command', 'findings', 'checks', 'categories', 'credentials', 'summary']);
  assert.ok(json.findings.some((f) => f.id === 'permissions/app-key-on-pat-route'));
});

test('plain http:// to a non-loopback host is refused: KD_ERR_NETWORK_POLICY, exit 2, nothing sent', async () => {
  const r = await runCli(['check', project(), '--base', 'http://api.clarifai.example'], { env: { CLARIFAI_PAT: T.pat } });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /refusing to send the key in clear text to http:\/\/api\.clarifai\.example.*--allow-insecure.*\(KD_ERR_NETWORK_POLICY\)/u);
  assert.ok(!r.stderr.includes(T.pat));
});

test('--wait on a terminal: progress on one line redrawn in place, cleared at the end; the report says when the key became valid', async () => {
  const fresh = await world({ state: { users: [{ id: 'alice', apps: ['photos'] }], keys: [{ id: T.pending, type: 'app_specific_key', user_id: 'alice', app_id: 'photos', scopes: ['All'], active_after_s: 1 }] } });
  const r = await runCli(['check', project(), '--wait', '10'], { env: { CLARIFAI_API_BASE: fresh.restUrl, CLARIFAI_API_KEY: T.pending }, tty: true });
  assert.match(r.stderr, /^\r\u001b\[Kkeydoctor: retry 1 in \d\.\d s \(waited \d\.\d s of 10 s\): CLARIFAI_API_KEY \(shell\) i/u);
  assert.ok(!r.stderr.includes('\n'), `progress never starts a new line: ${JSON.stringify(r.stderr)}`);
  assert.ok(r.stderr.endsWith('\r\u001b[K'), 'the line is cleared once the wait ends');
  assert.match(r.stdout, /became valid after \d+\.\d s of retrying: it was still propagating/u);
  assert.equal(r.code, 0);
});

test('--wait when not a terminal: no progress at all, the same verdict in the report', async () => {
  const fresh = await world({ state: { users: [{ id: 'alice', apps: ['photos'] }], keys: [{ id: T.pending, type: 'app_specific_key', user_id: 'alice', app_id: 'photos', scopes: ['All'], active_after_s: 1 }] } });
  const r = await runCli(['check', project(), '--wait', '10'], { env: { CLARIFAI_API_BASE: fresh.restUrl, CLARIFAI_API_KEY: T.pending } });
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /became valid after \d+\.\d s of retrying: it was still propagating/u);
  assert.equal(r.code, 0);
});

test('--offline sends nothing and says so', async () => {
  const before = w.requests;
  const r = await runCli(['check', project(), '--offline'], { env: { CLARIFAI_API_BASE: w.restUrl, CLARIFAI_PAT: T.pat } });
  assert.equal(w.requests, before);
  assert.match(r.stdout, /Live: skipped \(--offline\); nothing was sent\./u);
});

test('usage errors are exit 2 with a clear message', async () => {
  const env = { CLARIFAI_PAT: T.pat };
  for (const [args, message] of [
    [['--transport', 'http2'], /--transport is rest or grpc/u],
    [['--call', 'GET /v2/models', '--rpc', 'ListModels'], /either --call or --rpc/u],
    [['--wait', 'soon'], /--wait takes a number/u],
    [['--timeout', '0'], /--timeout takes a number/u],
    [['--rpc', 'ListModel'], /--rpc ListModel is not a Clarifai RPC\. Did you mean .*ListModels/u],
    [['--call', '/v2/models'], /--call takes "METHOD \/path"/u],
  ] as const) {
    const r = await runCli(['check', project(), ...args], { env });
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at /u);
  }
});
