import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { FAKE_KEY, tree } from '../scan/helpers.js';

/** A small project with a planted key and a header built without a space after `Key`. */
function planted(extra: Record<string, string> = {}): string {
  return tree({
    'src/app.js': [
      "const { ClarifaiStub, grpc } = require('clarifai-nodejs-grpc');",
      `const PAT = '${FAKE_KEY}';`,
      "fetch('https://api.clarifai.com/v2/users/me', { headers: { Authorization: 'Key' + PAT } });",
    ].join('\n'),
    'notebooks/demo.ipynb': JSON.stringify({
      cells: [{ cell_type: 'code', metadata: {}, outputs: [{ output_type: 'stream', name: 'stdout', text: [`CLARIFAI_PAT=${FAKE_KEY}\n`] }], source: ['import clarifai\n'] }],
      metadata: {},
    }),
    'README.md': `\`\`\`bash\ncurl -H "Authorization: Key ${FAKE_KEY}" https://api.clarifai.com/v2/users/me\n\`\`\`\n`,
    ...extra,
  });
}

const env = { PATH: process.env.PATH };

test('scan of a healthy project exits 0 and says so', async () => {
  const root = tree({ 'src/app.js': "const pat = process.env.CLARIFAI_PAT;\nfetch('https://api.clarifai.com/v2/users/me', { headers: { Authorization: `Key ${pat}` } });\n" });
  const r = await runCli(['scan', root, '--no-color'], { env: { ...env, CLARIFAI_PAT: FAKE_KEY } });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /No problem found in what was checked \(not checked: usage limits, activation\)\./u);
  assert.match(r.stdout, /Scanned 1 files/u);
  assert.equal(r.stderr, '', 'no progress meter when not on a terminal');
});

test('the planted key never appears, in any format, and problems exit 1', async () => {
  const root = planted();
  for (const format of ['text', 'json', 'sarif']) {
    const r = await runCli(['scan', root, '--format', format, '--verbose'], { env });
    assert.equal(r.code, 1, `${format}: ${r.stdout}${r.stderr}`);
    assert.ok(!r.stdout.includes(FAKE_KEY) && !r.stderr.includes(FAKE_KEY), `${format} leaks the key`);
    if (format === 'json') {
      const report = JSON.parse(r.stdout) as { findings: { id: string }[] };
      assert.ok(report.findings.some((f) => f.id === 'exposure/hardcoded-key'));
    }
    if (format === 'sarif') {
      const log = JSON.parse(r.stdout) as { runs: { results: { locations?: { physicalLocation?: { artifactLocation: { uri: string } } }[] }[] }[] };
      const uris = log.runs[0]!.results.map((x) => x.locations?.[0]?.physicalLocation?.artifactLocation.uri);
      assert.ok(uris.includes('notebooks/demo.ipynb') && uris.includes('README.md') && uris.includes('src/app.js'), String(uris));
    }
  }
});

test('--output writes the report to a file (no key in it) and nothing to stdout', async () => {
  const root = planted();
  const out = join(root, 'report.sarif');
  const r = await runCli(['scan', root, '--format', 'sarif', '--output', out], { env });
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  const text = readFileSync(out, 'utf8');
  assert.equal(JSON.parse(text).version, '2.1.0');
  assert.ok(!text.includes(FAKE_KEY));
});

test('keydoctor-ignore comments drop the finding on their line and the next', async () => {
  const root = planted({
    'src/app.js': [
      "const { ClarifaiStub } = require('clarifai-nodejs-grpc');",
      `// keydoctor-ignore: exposure/hardcoded-key -- fixture`,
      `const PAT = '${FAKE_KEY}';`,
    ].join('\n'),
  });
  const r = await runCli(['scan', root, '--json'], { env });
  const ids = (JSON.parse(r.stdout) as { findings: { id: string; location?: { file?: string } }[] }).findings.map((f) => `${f.id} ${f.location?.file}`);
  assert.ok(!ids.includes('exposure/hardcoded-key src/app.js'), ids.join('\n'));
  assert.ok(ids.includes('exposure/hardcoded-key README.md'), ids.join('\n'));
});

test('baseline: --write-baseline records today\'s findings, --baseline hides exactly those', async () => {
  const root = planted();
  const baseline = join(root, 'kd-baseline.json');
  const first = await runCli(['scan', root, '--json', '--write-baseline', baseline], { env });
  // Writing a baseline accepts the findings it records: exit 0, and a line that says where they went.
  assert.equal(first.code, 0);
  assert.match(first.stderr, /Wrote \d+ finding\(s\) to the baseline .*kd-baseline\.json/u);
  assert.ok(!readFileSync(baseline, 'utf8').includes(FAKE_KEY));
  const second = await runCli(['scan', root, '--json', '--baseline', baseline], { env });
  assert.equal(second.code, 0, second.stdout);
  assert.deepEqual(JSON.parse(second.stdout).findings, []);
  const text = await runCli(['scan', root, '--baseline', baseline, '--no-color'], { env });
  assert.match(text.stdout, /known finding\(s\) hidden by the baseline/u);
});

test('usage errors exit 2 with a clear message', async () => {
  const root = tree({ 'a.js': '' });
  for (const [argv, message] of [
    [['scan', root, '--format', 'xml'], /--format takes text, json, sarif or compact/u],
    [['scan', '/definitely/not/here'], /is not a folder/u],
    [['scan', root, root], /scan takes one folder/u],
    [['scan', root, '--max-file-size', 'huge'], /--max-file-size takes a number/u],
    [['scan', root, '--baseline', join(root, 'missing.json')], /cannot read the baseline/u],
  ] as const) {
    const r = await runCli([...argv], { env });
    assert.equal(r.code, 2, `${argv.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at /u);
  }
});

test('--verbose lists skipped files on stderr; stdout stays clean for machines', async () => {
  const root = tree({ 'bin.js': Buffer.from([0, 1, 2]), 'ok.js': 'process.env.CLARIFAI_PAT' });
  const r = await runCli(['scan', root, '--json', '--verbose'], { env });
  assert.match(r.stderr, /^skipped bin\.js: binary content/mu);
  assert.deepEqual(JSON.parse(r.stdout).findings, []);
});

test('`node bin/keydoctor.js scan` works from the built package, piped: no progress, SARIF on stdout', { skip: !existsSync('dist/cli/commands/scan.js') && 'run npm run build first' }, () => {
  const root = planted();
  const r = spawnSync(process.execPath, ['bin/keydoctor.js', 'scan', root, '--format', 'sarif'], { encoding: 'utf8', env, timeout: 60_000 });
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stderr, '');
  assert.equal(JSON.parse(r.stdout).runs[0].tool.driver.name, 'keydoctor');
  assert.ok(!r.stdout.includes(FAKE_KEY));
});

test('on a terminal, machine formats still draw no progress meter', async () => {
  const root = planted();
  for (const format of ['json', 'sarif']) {
    const r = await runCli(['scan', root, '--format', format], { env, tty: true });
    assert.equal(r.stderr, '', format);
    assert.doesNotThrow(() => JSON.parse(r.stdout));
  }
});

test('a short non-key value assigned to CLARIFAI_PAT is masked in its finding but not scrubbed from all text', async () => {
  const root = tree({ 'config.yml': "# clarifai settings\nCLARIFAI_PAT: 'clarifai'\nbase: https://api.clarifai.com/v2\n" });
  const r = await runCli(['scan', root, '--json'], { env });
  assert.doesNotMatch(r.stdout, /…\(8 chars\)\.com/u, 'the host name is not masked');
});
