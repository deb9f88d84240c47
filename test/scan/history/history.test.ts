// `scan --history` on real temporary git repositories: keys committed then removed, keys still present, ignores, odd paths, bad input.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gatherHistory } from '../../../src/scan/history/index.js';
import { runCli } from '../../helpers/cli.js';

/** Obviously fake keys: 32 lowercase hex ending in 0000. */
const KEY_A = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';
const KEY_B = '0b1c2d3e4f5a6b7c8d9e0f1a2b3c0000';
const KEY_C = '7c1e5a9b3d2f4e6a8b0c1d2e3f4a0000';

const roots: string[] = [];
after(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** A fresh repository; `commit` writes (or, with null, deletes) files and commits them at a fixed date. */
function repo() {
  const root = mkdtempSync(join(tmpdir(), 'kd-history-'));
  roots.push(root);
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_DATE: '2024-03-01T10:00:00Z', GIT_COMMITTER_DATE: '2024-03-01T10:00:00Z', GIT_CONFIG_NOSYSTEM: '1', HOME: root },
    });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Test');
  git('config', 'user.email', 'test@example.com');
  git('config', 'commit.gpgsign', 'false');
  const commit = (files: Record<string, string | Buffer | null>, message = 'change'): string => {
    for (const [path, content] of Object.entries(files)) {
      const abs = join(root, path);
      if (content === null) rmSync(abs, { force: true });
      else {
        mkdirSync(dirname(abs), { recursive: true });
        writeFileSync(abs, content);
      }
    }
    git('add', '-A');
    git('commit', '-q', '--allow-empty', '-m', message);
    return git('rev-parse', '--short', 'HEAD').trim();
  };
  return { root, git, commit };
}

const CLIENT = "import { Model } from 'clarifai-nodejs';\nexport const model = new Model({ url: 'https://clarifai.com/clarifai/main/models/general-image-recognition', authConfig: { pat: process.env.CLARIFAI_PAT } });\n";

async function scanHistory(root: string, extra: string[] = []) {
  const r = await runCli(['scan', root, '--history', '--json', ...extra], { env: { PATH: process.env.PATH } });
  return { ...r, findings: r.stdout ? (JSON.parse(r.stdout) as { findings: { id: string; severity: string; message: string; fix: string; location?: Record<string, unknown> }[] }).findings : [] };
}

describe('scan --history', () => {
  test('a key committed and later removed is reported once, with commit, date and path, masked', async () => {
    const r = repo();
    r.commit({ 'src/model.js': CLIENT }, 'start');
    const added = r.commit({ 'src/config.js': `// Clarifai credentials\nexport const CLARIFAI_PAT = '${KEY_A}';\n` }, 'add config');
    r.commit({ 'src/config.js': `// Clarifai credentials\nexport const CLARIFAI_PAT = '${KEY_A}'; // moved below\n` }, 'touch');
    r.commit({ 'src/config.js': 'export const CLARIFAI_PAT = process.env.CLARIFAI_PAT;\n' }, 'read from env');
    const { code, stdout, findings } = await scanHistory(r.root);
    assert.equal(code, 1);
    const history = findings.filter((f) => f.id === 'exposure/key-in-history');
    assert.equal(history.length, 1, stdout);
    const f = history[0]!;
    assert.equal(f.severity, 'error');
    assert.match(f.message, new RegExp(`src/config\\.js:2 in commit ${added} \\(2024-03-01\\)`, 'u'));
    assert.match(f.message, /3f9a…00 \(32 chars\)/u);
    assert.match(f.fix, /https:\/\/clarifai\.com\/me\/settings\/secrets/u);
    assert.deepEqual(f.location, { file: 'src/config.js', line: 2, column: 30, snippet: `[commit ${added}, 2024-03-01] export const CLARIFAI_PAT = '3f9a…00 (32 chars)';` });
    assert.ok(!stdout.includes(KEY_A), 'the planted key must not appear in the report');
    const text = await runCli(['scan', r.root, '--history', '--no-color']);
    assert.match(text.stdout, /Read 4 commits of git history\./u);
    assert.ok(!text.stdout.includes(KEY_A));
  });

  test("a test's expected MD5 is not a key; another service's key is named by its service, with that service's fix", async () => {
    const r = repo();
    r.commit({ 'src/model.js': CLIENT }, 'start');
    r.commit(
      {
        'tests/test_upload.py': `import hashlib\nfrom clarifai.client.input import Inputs\n\ndef test_digest():\n    assert hashlib.md5(b"img").hexdigest() == '${KEY_B}'\n    assert upload_etag == '${KEY_C}'\n`,
        'src/gifs.js': `// clarifai tags, giphy reactions\nexport const GIPHY_API_KEY = '${KEY_A}';\n`,
      },
      'tests and gifs',
    );
    r.commit({ 'tests/test_upload.py': null, 'src/gifs.js': 'export const GIPHY_API_KEY = process.env.GIPHY_API_KEY;\n' }, 'clean up');
    const { stdout, findings } = await scanHistory(r.root);
    const history = findings.filter((f) => f.id === 'exposure/key-in-history');
    assert.equal(history.length, 1, stdout);
    assert.equal(history[0]!.severity, 'warning');
    assert.match(history[0]!.message, /^A Giphy key \(3f9a…00 \(32 chars\)\) was committed to src\/gifs\.js:2/u);
    assert.match(history[0]!.fix, /developers\.giphy\.com/u);
    assert.doesNotMatch(history[0]!.fix, /clarifai\.com/u);
    assert.ok(!stdout.includes(KEY_B) && !stdout.includes(KEY_C) && !stdout.includes(KEY_A));
  });

  test('a key still in the working tree is exposure/hardcoded-key only, not reported twice', async () => {
    const r = repo();
    r.commit({ 'app.py': `import clarifai\nCLARIFAI_PAT = "${KEY_A}"\n` });
    r.commit({ 'app.py': `import clarifai\nCLARIFAI_PAT = "${KEY_A}"\nprint("hi")\n` });
    const { findings } = await scanHistory(r.root);
    assert.deepEqual(findings.filter((f) => f.id === 'exposure/key-in-history'), []);
    assert.equal(findings.filter((f) => f.id === 'exposure/hardcoded-key').length, 1);
  });

  test('a committed .env later removed and ignored is found, and the note says the same key is still set', async () => {
    const r = repo();
    r.commit({ '.env': `CLARIFAI_PAT=${KEY_B}\n` }, 'oops');
    r.commit({ '.env': null, '.gitignore': '.env\n' }, 'stop tracking .env');
    writeFileSync(join(r.root, '.env'), `CLARIFAI_PAT=${KEY_B}\n`);
    const { stdout, findings } = await scanHistory(r.root);
    const f = findings.find((x) => x.id === 'exposure/key-in-history');
    assert.ok(f, stdout);
    assert.match(f.message, /committed to \.env:1 .*the same key is still set in \.env line 1/u);
    assert.ok(!stdout.includes(KEY_B));
  });

  test('every branch is read, not only the current one', async () => {
    const r = repo();
    r.commit({ 'README.md': 'Uses Clarifai.\n' });
    r.git('checkout', '-q', '-b', 'experiment');
    r.commit({ 'try.sh': `curl -H "Authorization: Key ${KEY_C}" https://api.clarifai.com/v2/models\n` });
    r.git('checkout', '-q', 'main');
    const { findings } = await scanHistory(r.root);
    assert.equal(findings.filter((f) => f.id === 'exposure/key-in-history').length, 1);
  });

  test('.keydoctorignore, keydoctor-ignore comments and documented fakes are respected', async () => {
    const r = repo();
    r.commit({
      '.keydoctorignore': 'fixtures/\n',
      'fixtures/app.js': `const CLARIFAI_PAT = '${KEY_A}';\n`,
      'src/a.js': `// keydoctor-ignore: exposure -- fake key for a test\nconst CLARIFAI_PAT = '${KEY_B}';\n`,
      'src/b.js': "const CLARIFAI_PAT = 'abcdabcdabcdabcdabcdabcdabcdabcd';\n",
    });
    r.commit({ 'fixtures/app.js': null, 'src/a.js': null, 'src/b.js': null });
    const { findings } = await scanHistory(r.root);
    assert.deepEqual(findings.filter((f) => f.id === 'exposure/key-in-history'), []);
  });

  test('odd paths, binary files, huge lines and non-UTF-8 bytes do not break the read', async () => {
    const r = repo();
    const huge = `const data = "${'x'.repeat(200_000)}"; const CLARIFAI_PAT = '${KEY_C}';\n`;
    r.commit({
      'dir with spaces/ünïcödé "quoted".js': `// clarifai\nconst CLARIFAI_PAT = '${KEY_A}';\n`,
      'bin/blob.bin': Buffer.concat([Buffer.from([0, 1, 2, 0xff, 0xfe]), Buffer.from(`CLARIFAI_PAT=${KEY_B}`), Buffer.alloc(100, 0)]),
      'gen/bundle.js': huge,
      'latin1.py': Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(`\nimport clarifai\nCLARIFAI_PAT = "${KEY_B}"\n`)]),
    });
    r.commit({ 'dir with spaces/ünïcödé "quoted".js': null, 'bin/blob.bin': null, 'gen/bundle.js': null, 'latin1.py': null });
    const { code, stdout, stderr, findings } = await scanHistory(r.root);
    assert.equal(code, 1, stderr);
    const files = findings.filter((f) => f.id === 'exposure/key-in-history').map((f) => f.location?.file).sort();
    assert.deepEqual(files, ['dir with spaces/ünïcödé "quoted".js', 'latin1.py']);
    for (const k of [KEY_A, KEY_B, KEY_C]) assert.ok(!stdout.includes(k));
  });

  test('outside a git repository --history is a usage error with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kd-history-none-'));
    roots.push(dir);
    writeFileSync(join(dir, 'a.js'), 'console.log(1);\n');
    const { code, stderr } = await runCli(['scan', dir, '--history']);
    assert.equal(code, 2);
    assert.match(stderr, /--history reads git history, but .* is not in a git repository/u);
    assert.doesNotMatch(stderr, /\n\s+at /u, 'no stack trace');
  });

  test('a repository without commits reads zero commits and reports nothing', async () => {
    const r = repo();
    const h = await gatherHistory(r.root);
    assert.deepEqual({ commits: h.commitsRead, keys: h.keys.length, shallow: h.shallow }, { commits: 0, keys: 0, shallow: false });
  });

  test('only the scanned folder of a bigger repository is read, with paths relative to it', async () => {
    const r = repo();
    r.commit({ 'other/x.js': `// clarifai\nconst CLARIFAI_PAT = '${KEY_A}';\n`, 'app/y.js': `// clarifai\nconst CLARIFAI_PAT = '${KEY_B}';\n` });
    r.commit({ 'other/x.js': null, 'app/y.js': null });
    const h = await gatherHistory(join(r.root, 'app'));
    assert.deepEqual(h.keys.map((k) => k.file), ['y.js']);
  });

  test('past the key cap the read finishes and says it is incomplete', async () => {
    const r = repo();
    const lines = Array.from({ length: 5 }, (_, i) => `const CLARIFAI_PAT_${i} = '${KEY_A.slice(0, 28)}${String(i).padStart(4, '1')}';`).join('\n');
    r.commit({ 'keys.js': `// clarifai\n${lines}\n` });
    const h = await gatherHistory(r.root, { maxKeys: 2 });
    assert.equal(h.keys.length, 2);
    assert.match(h.incomplete ?? '', /more than 2 key-shaped values/u);
  });

  test('an aborted read stops git and rejects with the reason', async () => {
    const r = repo();
    r.commit({ 'a.js': '// clarifai\n' });
    const controller = new AbortController();
    const reason = new Error('stop');
    controller.abort(reason);
    await assert.rejects(gatherHistory(r.root, { signal: controller.signal }), (e) => e === reason);
  });
});
