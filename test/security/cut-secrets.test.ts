// Issue #16 item 4: a server that echoes the Authorization header never gets a cut key printed. The body is redacted
// before any cut, and the Redactor masks runs that are the start or end of a known key (what a cut leaves behind).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Redactor } from '../../src/core/secret.js';
import { runCli } from '../helpers/cli.js';
import { T, httpServer, project } from '../live/helpers.js';

const KEY = T.pat;

/** Every 7-character window of the key: the mask shows 4 + 2, so any of these in an output is a leak. */
function leakedWindows(text: string, key = KEY): string[] {
  const out: string[] = [];
  for (let i = 0; i + 7 <= key.length; i++) if (text.includes(key.slice(i, i + 7))) out.push(key.slice(i, i + 7));
  return out;
}

/** An echo server (not Clarifai): the body is `pad` characters of filler, then the Authorization header, then more. */
async function echoServer(kind: 'html' | 'json'): Promise<{ url: string; setPad(n: number): void }> {
  let pad = 0;
  const { url } = await httpServer((req, res) => {
    const filler = 'x'.repeat(pad);
    const auth = String(req.headers.authorization ?? '');
    if (kind === 'html') res.writeHead(403, { 'content-type': 'text/html' }).end(`${filler}${auth} blocked by the gateway ${'y'.repeat(500)}`);
    else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ f: filler, echo: { authorization: auth }, tail: 'z'.repeat(500) }));
  });
  return { url, setPad: (n) => (pad = n) };
}

for (const kind of ['html', 'json'] as const) {
  test(`an ${kind} echo server: with the key at every offset across the 80/160/400-character cuts, no part of it is printed`, async () => {
    const server = await echoServer(kind);
    const dir = project();
    // Every 7th offset from 0 to 420: the key is 32 characters, so each cut position falls inside it for several runs.
    const offsets = Array.from({ length: 61 }, (_, i) => i * 7);
    const leaks: string[] = [];
    let reported = 0;
    for (const pad of offsets) {
      server.setPad(pad);
      for (const format of [['--verbose'], ['--json']]) {
        const r = await runCli(['check', dir, ...format], { env: { PATH: process.env.PATH, CLARIFAI_PAT: KEY, CLARIFAI_API_BASE: server.url } });
        if (/live-not-clarifai/u.test(r.stdout)) reported++;
        const found = leakedWindows(r.stdout + r.stderr);
        if (found.length) leaks.push(`pad ${pad} ${format.join(' ') || 'text'}: ${found[0]}`);
      }
    }
    assert.ok(reported > offsets.length, 'the echo server was not reported as not Clarifai');
    assert.deepEqual(leaks, []);
  });
}

test('Redactor: a prefix (5+) or suffix (3+) run of a known key is masked, wherever the cut fell', () => {
  const r = new Redactor();
  r.add(KEY);
  for (let cut = 5; cut < KEY.length; cut++) {
    const head = r.redact(`Authorization: "Key ${KEY.slice(0, cut)}`);
    assert.deepEqual(leakedWindows(head), [], `prefix of ${cut}`);
    assert.ok(!head.includes(KEY.slice(0, 5)), `prefix of ${cut}: ${head}`);
  }
  for (let cut = 3; cut < KEY.length; cut++) {
    const tail = r.redact(`${KEY.slice(-cut)}" was rejected`);
    assert.ok(!tail.includes(KEY.slice(-cut)), `suffix of ${cut}: ${tail}`);
  }
  // The whole key still renders as its usual mask, and ordinary text is left alone.
  assert.equal(r.redact(`k=${KEY}`), 'k=3f9a…00 (32 chars)');
  assert.equal(r.redact('status 10000, port 3000, key 3f9a (4 chars)'), 'status 10000, port 3000, key 3f9a (4 chars)');
});

test('Redactor: fragments of a short or non-key-shaped secret are not hunted (ordinary words stay readable)', () => {
  const r = new Redactor();
  r.add('password123');
  assert.equal(r.redact('the proxy password is not shown'), 'the proxy password is not shown');
  assert.equal(r.redact('x password123 y'), 'x …(11 chars) y');
});
