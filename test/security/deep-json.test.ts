// Issue #16 item 8: a deeply nested JSON answer (well under the 1 MiB cap) is a finding, not a stack overflow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonTooDeep } from '../../src/transport/json-depth.js';
import { runCli } from '../helpers/cli.js';
import { T, httpServer, project } from '../live/helpers.js';

for (const [name, body] of [
  ['objects', `${'{"a":'.repeat(40_000)}1${'}'.repeat(40_000)}`],
  ['arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
  ['a Clarifai status wrapped deep', `{"status":{"code":10000},"user":{"id":"alice","x":${'['.repeat(60_000)}${']'.repeat(60_000)}}}`],
] as const) {
  test(`a ${Math.round(body.length / 1024)} KB answer of nested ${name}: check reports it and exits normally`, async () => {
    const { url } = await httpServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    for (const flags of [[], ['--json']]) {
      const r = await runCli(['check', project(), ...flags], { env: { PATH: process.env.PATH, CLARIFAI_PAT: T.pat, CLARIFAI_API_BASE: url } });
      assert.equal(r.code, 1, r.stderr);
      assert.doesNotMatch(r.stdout + r.stderr, /call stack|RangeError/u);
      assert.match(r.stdout, /live-not-clarifai/u);
      assert.match(r.stdout, /nested more than 128 levels/u);
    }
  });
}

test('jsonTooDeep: counts brackets outside strings only, in one pass', () => {
  assert.equal(jsonTooDeep('[[[]]]', 3), false);
  assert.equal(jsonTooDeep('[[[[]]]]', 3), true);
  assert.equal(jsonTooDeep(`{"s":"${'['.repeat(1000)}\\"${'{'.repeat(1000)}"}`, 3), false);
  assert.equal(jsonTooDeep('{"status":{"code":10000,"description":"Ok"},"user":{"id":"a"}}'), false);
});
