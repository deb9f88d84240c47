// `scan --staged` on real temporary git repositories: what the index holds is scanned, not the working tree.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gatherStagedEvidence, stagedEntries } from '../../src/scan/staged.js';
import { runCli } from '../helpers/cli.js';
import { FAKE_KEY, FAKE_KEY_2 } from './helpers.js';

const roots: string[] = [];
after(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** A fresh repository with no commit yet; `write` puts files in the working tree, `git` runs git in it. */
function repo() {
  const root = mkdtempSync(join(tmpdir(), 'kd-staged-'));
  roots.push(root);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: root } });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Test');
  git('config', 'user.email', 'test@example.com');
  git('config', 'commit.gpgsign', 'false');
  const write = (files: Record<string, string | Buffer>) => {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
  };
  return { root, git, write };
}

const env = { PATH: process.env.PATH };
const keyLine = (key: string) => `const PAT = '${key}';\n`;

test('the index is scanned, not the working tree: a key staged then edited away is found, an unstaged one is not', async () => {
  const { root, git, write } = repo();
  write({ 'src/staged.js': keyLine(FAKE_KEY), 'src/unstaged.js': 'const x = 1;\n' });
  git('add', 'src/staged.js', 'src/unstaged.js');
  // After `git add`, the working tree changes: the commit would still carry FAKE_KEY, and not FAKE_KEY_2.
  write({ 'src/staged.js': 'const PAT = process.env.CLARIFAI_PAT;\n', 'src/unstaged.js': keyLine(FAKE_KEY_2), 'src/untracked.js': keyLine(FAKE_KEY_2) });
  const code = await gatherStagedEvidence(root);
  assert.deepEqual(code.keyLiterals.map((k) => [k.file, k.line, k.value.reveal()]), [['src/staged.js', 1, FAKE_KEY]]);
  assert.equal(code.filesScanned, 2);

  const r = await runCli(['scan', root, '--staged', '--format', 'compact'], { env });
  assert.equal(r.code, 1, r.stdout + r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 1, r.stdout);
  // Not sure it is Clarifai's (the file never says so), hence a warning: a commit about to carry it fails anyway.
  assert.match(lines[0]!, /^src\/staged\.js:1:\d+: warning exposure\/hardcoded-key: /u);
  assert.ok(!r.stdout.includes(FAKE_KEY) && !r.stderr.includes(FAKE_KEY), 'the key is masked');
});

test('many blobs in one cat-file stream keep their boundaries (multi-byte text, a binary blob, a key in the last file)', async () => {
  const { root, git, write } = repo();
  const files: Record<string, string | Buffer> = {};
  for (let i = 0; i < 40; i++) files[`src/m${String(i).padStart(2, '0')}.js`] = `// héllo wörld ✓ ${'€'.repeat(i)}\nconst v${i} = ${i};\n`;
  files['assets/logo.js'] = Buffer.from([0x00, 0x0a, 0xff, 0xfe, 0x0a, 0x00, 0x41]);
  files['src/z-last.py'] = `# ünïcode\n\nCLARIFAI_PAT = "${FAKE_KEY}"\n`;
  write(files);
  git('add', '-A');
  const code = await gatherStagedEvidence(root);
  assert.deepEqual(code.keyLiterals.map((k) => [k.file, k.line]), [['src/z-last.py', 3]]);
  assert.equal(code.filesScanned, 41);
  assert.deepEqual(code.skipped, [{ file: 'assets/logo.js', reason: 'binary content (NUL bytes)' }]);
});

test('a force-added ignored file and a staged .env are read; .keydoctorignore, symlinks and deletions are respected', async () => {
  const { root, git, write } = repo();
  write({ 'gone.js': keyLine(FAKE_KEY_2), 'keep.js': 'const a = 1;\n' });
  git('add', '-A');
  git('commit', '-q', '-m', 'first');
  write({ '.gitignore': 'secret/\n', 'secret/config.js': keyLine(FAKE_KEY), '.env.production': `CLARIFAI_PAT=${FAKE_KEY_2}\n`, '.keydoctorignore': 'fixtures/\n', 'fixtures/fake.js': keyLine(FAKE_KEY) });
  symlinkSync('keep.js', join(root, 'link.js'));
  git('add', '.gitignore', '.env.production', '.keydoctorignore', 'fixtures/fake.js', 'link.js');
  git('add', '-f', 'secret/config.js');
  git('rm', '-q', 'gone.js');
  const paths = stagedEntries(root).map((e) => e.path).sort();
  assert.deepEqual(paths, ['.env.production', '.gitignore', '.keydoctorignore', 'fixtures/fake.js', 'secret/config.js']);
  const code = await gatherStagedEvidence(root);
  assert.deepEqual(code.keyLiterals.map((k) => k.file).sort(), ['.env.production', 'secret/config.js']);
});

test('a subfolder scan sees only the staged files below it, with paths relative to it', async () => {
  const { root, git, write } = repo();
  write({ 'api/app.js': keyLine(FAKE_KEY), 'web/app.js': keyLine(FAKE_KEY_2) });
  git('add', '-A');
  const code = await gatherStagedEvidence(join(root, 'api'));
  assert.deepEqual(code.keyLiterals.map((k) => [k.file, k.value.reveal()]), [['app.js', FAKE_KEY]]);
});

test('nothing staged exits 0; outside a repository and with --history it is a usage error', async () => {
  const { root } = repo();
  const clean = await runCli(['scan', root, '--staged', '--no-color'], { env });
  assert.equal(clean.code, 0, clean.stdout + clean.stderr);
  assert.match(clean.stdout, /Scanned 0 staged files/u);

  const plain = mkdtempSync(join(tmpdir(), 'kd-staged-norepo-'));
  roots.push(plain);
  // GIT_CEILING_DIRECTORIES keeps git from finding a repository above the temporary folder.
  const outside = await runCli(['scan', plain, '--staged'], { env: { ...env, GIT_CEILING_DIRECTORIES: tmpdir() } });
  assert.equal(outside.code, 2, outside.stdout + outside.stderr);
  assert.match(outside.stderr, /not inside a git work tree\. \(KD_ERR_USAGE\)/u);

  const both = await runCli(['scan', root, '--staged', '--history'], { env });
  assert.equal(both.code, 2);
  assert.match(both.stderr, /use one at a time/u);
});

test('the repository cannot make the staged read run a program (fsmonitor, filters, textconv, hooks)', async () => {
  const { root, git, write } = repo();
  const marker = join(root, '..', `${root.split('/').pop()}-ran`);
  const cmd = `touch ${marker}`;
  git('config', 'core.fsmonitor', cmd);
  git('config', 'filter.evil.clean', cmd);
  git('config', 'filter.evil.smudge', cmd);
  git('config', 'diff.evil.textconv', cmd);
  write({ '.gitattributes': '*.js filter=evil diff=evil\n', 'app.js': keyLine(FAKE_KEY) });
  // Staging itself runs the clean filter (that is git add, run by this test, not by keydoctor); remove its trace.
  git('-c', 'filter.evil.clean=cat', '-c', 'core.fsmonitor=false', 'add', '-A');
  rmSync(marker, { force: true });
  const r = await runCli(['scan', root, '--staged', '--json'], { env });
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.ok((JSON.parse(r.stdout) as { findings: { id: string }[] }).findings.some((f) => f.id === 'exposure/hardcoded-key'));
  assert.equal(existsSync(marker), false, 'no repository-configured command ran');
});

test('--fail-on sets the failing severity of a tree scan; a bad value is a usage error', async () => {
  const { root, write } = repo();
  write({ 'src/a.js': keyLine(FAKE_KEY) });
  const exit = async (...args: string[]) => (await runCli(['scan', root, '--json', ...args], { env })).code;
  assert.equal(await exit(), 0, 'a warning alone does not fail by default');
  assert.equal(await exit('--fail-on', 'warning'), 1);
  assert.equal(await exit('--fail-on', 'info'), 1);
  assert.equal(await exit('--fail-on', 'never'), 0);
  const bad = await runCli(['scan', root, '--fail-on', 'high'], { env });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--fail-on takes error, warning, info or never/u);
});
