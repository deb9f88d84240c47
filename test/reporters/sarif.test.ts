import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import AjvModule from 'ajv-draft-04';
import { PROBLEMS } from '../../src/checks/registry.js';
import { emptyReport } from '../../src/reporters/report.js';
import { sarifReporter, toSarif } from '../../src/reporters/sarif.js';
import type { Finding } from '../../src/types/diagnostic.js';

// The OASIS SARIF 2.1.0 schema as Microsoft's SARIF SDK ships it (rtm.5, JSON Schema draft-04).
const schema = createRequire(import.meta.url)('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;

// The package is CommonJS with a default export; under NodeNext it arrives wrapped.
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as unknown as new (options: object) => import('ajv').default;

function validator() {
  // unicodeRegExp off: one pattern in rtm.5 (language tags) has a stray `]` that only the u flag rejects.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:/iu.test(s) && URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}

const findings: Finding[] = [
  {
    id: 'exposure/hardcoded-key',
    category: 'exposure',
    severity: 'error',
    message: 'A Clarifai-shaped key (3f9a…00 (32 chars)) is written into src/app js.ts:4.',
    fix: 'Read it from process.env.CLARIFAI_PAT.',
    location: { file: 'src/app js.ts', line: 4, column: 13, snippet: "const PAT = '3f9a…00 (32 chars)';" },
  },
  {
    id: 'headers/scheme-format',
    category: 'headers',
    severity: 'warning',
    message: 'Lowercase key scheme.',
    fix: 'Write Key.',
    location: { file: 'nb.ipynb', line: 12 },
    related: [{ env: 'CLARIFAI_PAT', source: '.env', line: 2 }],
  },
  { id: 'env/no-credential', category: 'env', severity: 'info', message: 'No key.', fix: 'Set one.', location: { env: 'CLARIFAI_PAT', source: 'shell' } },
  { id: 'endpoint/live', category: 'endpoint', severity: 'error', message: 'HTTP.', fix: 'x', location: { method: 'GET', url: 'https://api.clarifai.com/v2/users/me', status: 401 } },
  { id: 'permissions/grpc', category: 'permissions', severity: 'error', message: 'gRPC.', fix: 'x', location: { rpc: 'ListModels', target: 'api.clarifai.com:443' } },
  { id: 'internal/check-crashed', category: 'key', severity: 'error', message: 'The check x failed.', fix: 'Report it.' },
];

test('the SARIF log validates against the SARIF 2.1.0 schema, with and without findings', () => {
  const validate = validator();
  for (const list of [findings, []]) {
    const log = toSarif(list, { problems: PROBLEMS, root: '/work/project', version: '0.1.0' });
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
  }
  // The validator is live: a wrong level or a line 0 is rejected.
  const broken = toSarif(findings, { problems: [], version: '0.1.0' }) as any;
  broken.runs[0].results[0].level = 'fatal';
  broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
  assert.equal(validate(broken), false);
});

test('rules come from every registered problem, with absolute help links, results point at files relative to the root', () => {
  const log = toSarif(findings, { problems: PROBLEMS, root: '/work/project', version: '0.1.0' }) as any;
  const run = log.runs[0];
  const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
  for (const p of PROBLEMS) assert.ok(ruleIds.includes(p.id), `rule for ${p.id}`);
  for (const r of run.tool.driver.rules) assert.match(r.helpUri, /^https:\/\/.+\/docs\/checks\/[a-z]+\/[a-z0-9-]+\.md$/u, `absolute helpUri for ${r.id}`);
  assert.ok(ruleIds.includes('internal/check-crashed'));
  const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === ruleIds[0]);
  assert.match(rule.help.text, new RegExp(`docs/checks/${ruleIds[0]}\\.md`, 'u'));
  assert.deepEqual(run.originalUriBaseIds, { SRCROOT: { uri: 'file:///work/project/' } });
  const [first, second, third, , , last] = run.results;
  assert.deepEqual(first.locations[0].physicalLocation, {
    artifactLocation: { uri: 'src/app%20js.ts', uriBaseId: 'SRCROOT' },
    region: { startLine: 4, startColumn: 13, snippet: { text: "const PAT = '3f9a…00 (32 chars)';" } },
  });
  assert.equal(first.level, 'error');
  assert.equal(second.level, 'warning');
  assert.equal(third.level, 'note');
  assert.equal(first.ruleId, ruleIds[first.ruleIndex]);
  assert.match(first.partialFingerprints['keydoctor/v1'], /^[0-9a-f]{32}$/u);
  assert.equal(second.relatedLocations[0].logicalLocations[0].name, 'CLARIFAI_PAT');
  assert.deepEqual(third.locations[0].logicalLocations, [{ name: 'CLARIFAI_PAT', fullyQualifiedName: 'shell/CLARIFAI_PAT', kind: 'variable' }]);
  assert.equal(last.locations, undefined);
  assert.match(first.message.text, /\nFix: Read it from process\.env\.CLARIFAI_PAT\.$/u);
});

test('the reporter renders the whole log as JSON text', () => {
  const text = sarifReporter({ problems: [], root: '/p' })(emptyReport('0.1.0', 'scan'), { color: false, unicode: true });
  assert.equal(JSON.parse(text).version, '2.1.0');
});
