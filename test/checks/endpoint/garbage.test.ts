// Property test: whatever strings the scan hands over, the code checks neither throw nor echo a raw key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { runChecks } from '../../../src/core/engine.js';
import { endpointChecks } from '../../../src/checks/endpoint/index.js';
import { headersChecks } from '../../../src/checks/headers/index.js';
import { check as patWithoutApp } from '../../../src/checks/permissions/code-pat-without-app.js';
import { check as appKeyPatRoute } from '../../../src/checks/permissions/code-app-key-pat-route.js';
import { check as appKeyPublicModel } from '../../../src/checks/permissions/code-app-key-public-model.js';
import { check as hardcodedKey } from '../../../src/checks/exposure/hardcoded-key.js';
import { check as codeNearMiss } from '../../../src/checks/env/code-near-miss.js';
import { code, env, envRead, header, importSite, keyLiteral, url } from './helpers.js';

const checks = [...headersChecks, ...endpointChecks, patWithoutApp, appKeyPatRoute, appKeyPublicModel, hardcodedKey, codeNearMiss];
const KEY = '7b2e4c6a8d0f1e3c5a7b9d1f3e5c0000';

/** Strings built from the pieces that matter to the parsers: holes, masks, schemes, slashes, odd characters. */
const piece = fc.constantFrom('${', '}', '${process.env.CLARIFAI_PAT}', '…', ' (32 chars)', 'Key', 'key', 'Bearer', ' ', '  ', '\t', 'https://', 'http://',
  'api.clarifai.com', 'clarifia.com', '/v2', '/v1', '/', '//', '?', '#', ':443', '{model_id}', 'users', 'clarifai', 'apps', 'main', 'models', 'outputs',
  '\u200b', '\u0000', '%', 'é', '💥', KEY);
const messy = fc.oneof(fc.string({ maxLength: 40 }), fc.array(piece, { maxLength: 24 }).map((a) => a.join('')));

test('the code checks survive arbitrary evidence strings and never print the raw key', () => {
  fc.assert(
    fc.property(messy, messy, messy, fc.constantFrom('a.js', 'b.py', 'c.sh', 'd.md', 'e.ipynb', 'Dockerfile'), fc.option(fc.constantFrom('GET', 'POST', 'PATCH', 'bogus')), (a, b, c, file, method) => {
      const evidence = code({
        authHeaders: [header(file, 1, a, `${b} ${KEY}`, { envNames: [c.slice(0, 20)], url: c }), header(file, 2, 'Authorization', b, { transport: 'grpc-metadata' })],
        urls: [url(file, 3, a, method ? { method } : {}), url(file, 4, `${b}${c}`, { kind: 'grpc-base' }), url(file, 5, `https://api.clarifai.com${c}`, { method: method ?? 'GET' })],
        keyLiterals: [keyLiteral(file, 6, KEY, { boundTo: a.slice(0, 30), clarifaiContext: true }), keyLiteral(file, 7, b, { boundTo: 'PAT', clarifaiContext: true })],
        envReads: [envRead(file, 8, a.slice(0, 30)), envRead(file, 9, 'CLARIFAI_PTA')],
        imports: [importSite(file, 10, '@grpc/grpc-js'), importSite(file, 11, 'clarifai-nodejs-grpc')],
      });
      for (const check of checks) {
        const { findings, checks: records } = runChecks([check], { env: env({ CLARIFAI_PAT: KEY, CLARIFAI_GRPC_BASE: c }), code: evidence }, { expected: ['CLARIFAI_PAT'] }, { live: 'offline' });
        assert.notEqual(records[0]!.status, 'crashed', `${check.meta.id} crashed: ${JSON.stringify(findings)}`);
        for (const f of findings) {
          assert.equal(typeof f.message, 'string');
          assert.ok(!JSON.stringify(f).includes(KEY), `${check.meta.id} printed the key: ${JSON.stringify(f)}`);
        }
      }
    }),
    { numRuns: 300 },
  );
});
