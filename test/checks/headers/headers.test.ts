import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check as schemeFormat, schemeProblems } from '../../../src/checks/headers/scheme-format.js';
import { check as missingScheme } from '../../../src/checks/headers/missing-scheme.js';
import { check as bearer } from '../../../src/checks/headers/bearer-on-core-api.js';
import { check as wrongName, isWrongAuthHeaderName } from '../../../src/checks/headers/wrong-header-name.js';
import { check as grpcCase } from '../../../src/checks/headers/grpc-metadata-case.js';
import { check as undefinedValue } from '../../../src/checks/headers/undefined-value.js';
import { check as separateGrpcJs } from '../../../src/checks/headers/separate-grpc-js.js';
import { headersChecks } from '../../../src/checks/headers/index.js';
import { code, env, header, importSite, run, url } from '../endpoint/helpers.js';

const PAT = 'process.env.CLARIFAI_PAT';
const CORE = 'https://api.clarifai.com/v2/models/general-image-recognition/outputs';

test('every check does nothing without code evidence', () => {
  for (const c of headersChecks) assert.deepEqual(run(c, undefined), [], c.meta.id);
});

test('scheme-format: the value must be exactly "Key " and the key', () => {
  assert.deepEqual(schemeProblems(`Key \${${PAT}}`), []);
  assert.match(schemeProblems(`Key\${${PAT}}`).join(), /no space/u);
  assert.match(schemeProblems(`Key  \${${PAT}}`).join(), /2 spaces/u);
  assert.match(schemeProblems(`Key\t\${${PAT}}`).join(), /a tab/u);
  assert.match(schemeProblems(`key \${${PAT}}`).join(), /capital K/u);
  assert.match(schemeProblems(`KEY \${${PAT}}`).join(), /capital K/u);
  assert.match(schemeProblems(`Key \${${PAT}} `).join(), /ends with whitespace/u);
  assert.match(schemeProblems(`Key: \${${PAT}}`).join(), /followed by `:`/u);
  assert.match(schemeProblems(`Token \${${PAT}}`).join(), /expects `Key`/u);
  // A masked literal key counts as the key.
  assert.match(schemeProblems('key 3f9a…00 (32 chars)').join(), /capital K/u);
  assert.deepEqual(schemeProblems('Key 3f9a…00 (32 chars)'), []);
  // Bearer and a bare key are other checks' business.
  assert.deepEqual(schemeProblems(`Bearer \${${PAT}}`), []);
  assert.deepEqual(schemeProblems(`\${${PAT}}`), []);
});

test('scheme-format: finding names the file:line and gives the exact value', () => {
  const found = run(schemeFormat, code({ authHeaders: [header('src/app.js', 7, 'Authorization', `Key\${${PAT}}`, { envNames: ['CLARIFAI_PAT'] })] }));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.id, 'headers/scheme-format');
  assert.match(found[0]!.message, /src\/app\.js:7/u);
  assert.match(found[0]!.fix, /`Key \$\{process\.env\.CLARIFAI_PAT\}`/u);
  assert.deepEqual(found[0]!.location, { file: 'src/app.js', line: 7, column: 5, snippet: 'line 7 of src/app.js' });
});

test('scheme-format: headers for other services are left alone', () => {
  const other = header('src/other.js', 3, 'Authorization', 'key ${process.env.OTHER_TOKEN}', { envNames: ['OTHER_TOKEN'], url: 'https://api.example.com/v1/x' });
  assert.deepEqual(run(schemeFormat, code({ authHeaders: [other] })), []);
});

test('headers to another host count as Clarifai only with a /v2 path and a Clarifai signal', () => {
  const onPrem = header('a.js', 1, 'Authorization', 'key ${process.env.CLARIFAI_PAT}', { envNames: ['CLARIFAI_PAT'], url: 'https://clarifai.corp.example/v2/models' });
  assert.equal(run(schemeFormat, code({ authHeaders: [onPrem] })).length, 1);
  const other = header('b.js', 1, 'Authorization', 'key ${process.env.CLARIFAI_PAT}', { envNames: ['CLARIFAI_PAT'], url: 'https://api.example.com/items' });
  assert.deepEqual(run(schemeFormat, code({ authHeaders: [other] })), []);
});

test('missing-scheme: the key alone, but not a prebuilt header variable', () => {
  const bare = header('app.py', 4, 'Authorization', '${PAT}', { envNames: ['CLARIFAI_PAT'] });
  const prebuilt = header('app.py', 5, 'Authorization', '${auth_header}', {});
  const found = run(missingScheme, code({ authHeaders: [bare, prebuilt], urls: [url('app.py', 9, CORE)] }));
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /app\.py:4/u);
  // A Python file gets the fix in Python (issue #12): an f-string, not a JavaScript template.
  assert.equal(found[0]!.fix, 'Send `f"Key {PAT}"` — the word Key and one space before the key.');
});

test('bearer-on-core-api: error to core /v2, nothing for /v2/ext/openai and /v2/ext/mcp', () => {
  const toCore = header('a.js', 1, 'Authorization', `Bearer \${${PAT}}`, { envNames: ['CLARIFAI_PAT'], url: CORE });
  const toOpenAi = header('b.js', 1, 'Authorization', `Bearer \${${PAT}}`, { envNames: ['CLARIFAI_PAT'], url: 'https://api.clarifai.com/v2/ext/openai/v1/chat/completions' });
  const toMcp = header('c.js', 1, 'Authorization', `Bearer \${${PAT}}`, { envNames: ['CLARIFAI_PAT'], url: 'https://api.clarifai.com/v2/ext/mcp/v1/users/u/apps/a/models/m' });
  const found = run(bearer, code({ authHeaders: [toCore, toOpenAi, toMcp] }));
  assert.deepEqual(found.map((f) => [f.location && 'file' in f.location ? f.location.file : '', f.severity]), [['a.js', 'error']]);
  assert.match(found[0]!.fix, /Key \$\{process\.env\.CLARIFAI_PAT\}/u);
});

test('bearer-on-core-api: without a URL on the header, the file decides (warning for core only)', () => {
  const h = header('d.js', 2, 'Authorization', `Bearer \${${PAT}}`, { envNames: ['CLARIFAI_PAT'] });
  const core = run(bearer, code({ authHeaders: [h], urls: [url('d.js', 9, CORE, { method: 'POST' })] }));
  assert.equal(core.length, 1);
  assert.equal(core[0]!.severity, 'warning');
  const ext = run(bearer, code({ authHeaders: [h], urls: [url('d.js', 9, CORE), url('d.js', 10, 'https://api.clarifai.com/v2/ext/openai/v1')] }));
  assert.deepEqual(ext, []);
});

test('wrong-header-name: misspellings and other APIs\' names, not the real ones', () => {
  for (const n of ['Authorisation', 'authorizaton', 'X-Api-Key', 'x-clarifai-rest-api-key', 'API-Key']) assert.ok(isWrongAuthHeaderName(n), n);
  for (const n of ['Authorization', 'authorization', 'X-Clarifai-Session-Token', 'x-clarifai-request-id-prefix', 'Content-Type', 'Proxy-Authorization'])
    assert.ok(!isWrongAuthHeaderName(n), n);
  const found = run(wrongName, code({ authHeaders: [header('a.js', 3, 'X-Clarifai-REST-API-Key', `\${${PAT}}`, { envNames: ['CLARIFAI_PAT'] })] }));
  assert.equal(found.length, 1);
  assert.match(found[0]!.fix, /`Authorization: Key \$\{process\.env\.CLARIFAI_PAT\}`/u);
  // X-Api-Key to some other API, in a file with no Clarifai in sight.
  assert.deepEqual(run(wrongName, code({ authHeaders: [header('weather.js', 3, 'X-Api-Key', '${process.env.WEATHER_KEY}', { envNames: ['WEATHER_KEY'] })] })), []);
});

test('grpc-metadata-case: Python metadata keys must be lowercase; grpc-js lowercases itself', () => {
  const py = header('predict.py', 12, 'Authorization', 'Key ${PAT}', { transport: 'grpc-metadata', envNames: ['CLARIFAI_PAT'] });
  const js = header('predict.js', 12, 'Authorization', 'Key ${PAT}', { transport: 'grpc-metadata', envNames: ['CLARIFAI_PAT'] });
  const ok = header('ok.py', 3, 'authorization', 'Key ${PAT}', { transport: 'grpc-metadata', envNames: ['CLARIFAI_PAT'] });
  const found = run(grpcCase, code({ authHeaders: [py, js, ok] }));
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /predict\.py:12/u);
  assert.match(found[0]!.fix, /\("authorization", f"Key \{PAT\}"\)/u);
});

test('undefined-value: built from a variable nothing defines; silent when defined or a near miss explains it', () => {
  const h = header('src/app.js', 5, 'Authorization', `Key \${${PAT}}`, { envNames: ['CLARIFAI_PAT'] });
  const found = run(undefinedValue, code({ authHeaders: [h] }), env({}));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.severity, 'warning');
  assert.match(found[0]!.message, /CLARIFAI_PAT.*`Key undefined`/u);
  assert.deepEqual(run(undefinedValue, code({ authHeaders: [h] }), env({ CLARIFAI_PAT: 'x' })), []);
  assert.deepEqual(run(undefinedValue, code({ authHeaders: [h] }), env({}, 'CLARIFAI_PAT=abc\n')), []);
  // CLARIFAI_PATT is defined: the near-miss checks tell the real story.
  assert.deepEqual(run(undefinedValue, code({ authHeaders: [h] }), env({}, 'CLARIFAI_PATT=abc\n')), []);
  // A curl line in a README is for the reader's shell.
  assert.deepEqual(run(undefinedValue, code({ authHeaders: [header('README.md', 5, 'Authorization', 'Key ${CLARIFAI_PAT}', { envNames: ['CLARIFAI_PAT'] })] })), []);
  const py = header('app.py', 5, 'Authorization', 'Key ${pat}', { envNames: ['CLARIFAI_PAT'] });
  assert.match(run(undefinedValue, code({ authHeaders: [py] }))[0]!.message, /Key None/u);
  const bearer = header('src/gh.js', 5, 'Authorization', 'Bearer ${process.env.CLARIFAI_PAT}', { envNames: ['CLARIFAI_PAT'] });
  assert.match(run(undefinedValue, code({ authHeaders: [bearer] }))[0]!.message, /would send `Bearer undefined`/u);
});

test('separate-grpc-js: grpc-js where the authorization metadata is built, in a project using clarifai-nodejs-grpc', () => {
  const imports = [importSite('src/a.js', 1, '@grpc/grpc-js'), importSite('src/a.js', 2, 'clarifai-nodejs-grpc'), importSite('src/server.js', 1, '@grpc/grpc-js')];
  const metadata = (file: string) => header(file, 9, 'authorization', 'Key ${k}', { transport: 'grpc-metadata' });
  const found = run(separateGrpcJs, code({ imports, authHeaders: [metadata('src/a.js')] }));
  assert.deepEqual(found.map((f) => f.message.slice(0, 10)), ['src/a.js:1']);
  assert.deepEqual(found[0]!.related, [{ file: 'src/a.js', line: 2, column: 5, snippet: 'line 2 of src/a.js' }]);
  // A gRPC server requiring grpc-js (no metadata built there) is not the README's case.
  assert.deepEqual(run(separateGrpcJs, code({ imports })), []);
  // Metadata built in another file than the stub's import still counts.
  const elsewhere = run(separateGrpcJs, code({ imports: [importSite('src/meta.js', 1, '@grpc/grpc-js'), importSite('src/stub.js', 1, 'clarifai-nodejs-grpc')], authHeaders: [metadata('src/meta.js')] }));
  assert.equal(elsewhere.length, 1);
  assert.deepEqual(run(separateGrpcJs, code({ imports: [importSite('src/a.js', 1, '@grpc/grpc-js')], authHeaders: [metadata('src/a.js')] })), []);
});
