import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { walk } from '../../src/scan/walker.js';
import { gatherCodeEvidence } from '../../src/scan/index.js';
import { tree } from './helpers.js';

async function listed(root: string): Promise<{ files: string[]; skipped: string[] }> {
  const files: string[] = [];
  const skipped: string[] = [];
  for await (const item of walk(root)) {
    if (item.type === 'file') files.push(item.rel);
    else skipped.push(`${item.rel}: ${item.reason}`);
  }
  return { files, skipped };
}

test('.gitignore rules apply, nested ones relative to their folder, negations too; node_modules and .git are never entered', async () => {
  const root = tree({
    '.gitignore': '# comment\n*.log\nbuild/\n*.py\n!keep.py\n[\n\\\n**/[z-a]\n',
    'a.js': '',
    'keep.py': '',
    'drop.py': '',
    'build/out.js': '',
    'debug.log': '',
    'sub/.gitignore': 'secret.js\n/only-here.js\n',
    'sub/secret.js': '',
    'sub/only-here.js': '',
    'sub/deeper/only-here.js': '',
    'sub/deeper/secret.js': '',
    '.keydoctorignore': 'fixtures/\n',
    'fixtures/fake.js': '',
    'node_modules/pkg/index.js': '',
    '.git/config.js': '',
    'notes.txt': '',
    'image.png': '',
  });
  const { files } = await listed(root);
  assert.deepEqual(files, ['a.js', 'keep.py', 'notes.txt', 'sub/deeper/only-here.js']);
});

test('symlinks: a loop is skipped with a reason, a symlinked folder is not followed, a symlinked file is read', async () => {
  const root = tree({ 'real/a.js': 'process.env.CLARIFAI_PAT' });
  symlinkSync('loop', join(root, 'loop'));
  symlinkSync('..', join(root, 'real/up'));
  symlinkSync('real/a.js', join(root, 'link.js'));
  symlinkSync('missing.js', join(root, 'broken.js'));
  const { files, skipped } = await listed(root);
  assert.deepEqual(files, ['link.js', 'real/a.js']);
  assert.deepEqual(skipped, ['broken.js: broken symlink', 'loop: symlink loop', 'real/up: symlink to a folder (not followed)']);
  const evidence = await gatherCodeEvidence(root);
  assert.deepEqual(evidence.envReads.map((r) => r.file), ['link.js', 'real/a.js']);
});

test('a FIFO is skipped without being opened, so the scan cannot block on it', async (t) => {
  const root = tree({ 'a.js': 'process.env.CLARIFAI_PAT' });
  const made = spawnSync('mkfifo', [join(root, 'pipe.js')]);
  if (made.status !== 0) return t.skip('mkfifo is not available');
  const evidence = await gatherCodeEvidence(root, { verbose: true });
  assert.deepEqual(evidence.skipped, [{ file: 'pipe.js', reason: 'FIFO, not a regular file' }]);
  assert.equal(evidence.envReads.length, 1);
  const quiet = await gatherCodeEvidence(root);
  assert.deepEqual(quiet.skipped, [], 'expected skips are listed only with verbose');
});

test('binary, minified, too big and unreadable files are skipped with the reason', async (t) => {
  const root = tree({
    'bin.js': Buffer.from([0x63, 0x6c, 0x61, 0x00, 0x01, 0x02]),
    'lib.min.js': 'var a=1;',
    'bundle.js': `${'x'.repeat(20_000)}\n${'y'.repeat(20_000)}`,
    'big.py': `# clarifai\n${'x = 1\n'.repeat(400)}`,
    'ok.py': "import os\nos.getenv('CLARIFAI_PAT')\n",
    'bad-utf8.js': Buffer.concat([Buffer.from('const k = process.env.CLARIFAI_PAT; // '), Buffer.from([0xff, 0xfe, 0xc3])]),
    'secret.js': 'process.env.CLARIFAI_PAT',
  });
  chmodSync(join(root, 'secret.js'), 0);
  const evidence = await gatherCodeEvidence(root, { maxFileBytes: 1024 });
  const reasons = Object.fromEntries(evidence.skipped.map((s) => [s.file, s.reason]));
  assert.match(reasons['bin.js']!, /^binary content \(NUL bytes\)/u);
  assert.equal(reasons['lib.min.js'], 'minified (.min.js)');
  assert.equal(reasons['big.py'], 'larger than 1 KB (raise with --max-file-size)');
  assert.equal(reasons['ok.py'], undefined);
  assert.equal(reasons['bad-utf8.js'], undefined, 'invalid UTF-8 is read with replacement characters, not skipped');
  assert.deepEqual(evidence.envReads.map((r) => r.file), ['bad-utf8.js', 'ok.py', ...(reasons['secret.js'] ? [] : ['secret.js'])]);
  const bundle = await gatherCodeEvidence(root);
  assert.match(bundle.skipped.find((s) => s.file === 'bundle.js')!.reason, /^minified \(a line of 20,000\+ characters\)$/u);
  let readable = true;
  try {
    readFileSync(join(root, 'secret.js'));
  } catch {
    readable = false;
  }
  // Root reads a chmod 000 file anyway; the assertion only means something for other users.
  if (readable) return t.skip('running as root: chmod 000 does not stop reads');
  assert.equal(reasons['secret.js'], 'permission denied');
});

test('an unreadable folder is reported, not fatal', async (t) => {
  const root = tree({ 'a.js': 'process.env.CLARIFAI_PAT', 'locked/b.js': 'process.env.X' });
  chmodSync(join(root, 'locked'), 0);
  t.after(() => chmodSync(join(root, 'locked'), 0o755));
  const evidence = await gatherCodeEvidence(root);
  assert.deepEqual(evidence.envReads.map((r) => r.file)[0], 'a.js');
  if (evidence.envReads.length === 2) return t.skip('running as root: chmod 000 does not stop reads');
  assert.deepEqual(evidence.skipped, [{ file: 'locked', reason: 'folder permission denied' }]);
});

test('extensionless scripts are read by their shebang', async () => {
  const root = tree({
    'bin/run': '#!/usr/bin/env bash\ncurl -H "Authorization: Key $CLARIFAI_PAT" https://api.clarifai.com/v2/users/me\n',
    'bin/cli': '#!/usr/bin/env node\nconsole.log(process.env.CLARIFAI_USER_ID)\n',
    'bin/data': 'CLARIFAI_PAT is mentioned but this is not a script',
    LICENSE: 'process.env.NOT_CODE',
  });
  const evidence = await gatherCodeEvidence(root);
  assert.deepEqual(evidence.envReads.map((r) => [r.file, r.name, r.language]), [
    ['bin/cli', 'CLARIFAI_USER_ID', 'js'],
    ['bin/run', 'CLARIFAI_PAT', 'shell'],
  ]);
});

test('dotenv files are left to the env sources', async () => {
  const root = tree({ '.env': 'CLARIFAI_PAT=3f9a6d0c8b7e4a2190f1c3d5e7b90000\n', '.env.example': 'CLARIFAI_PAT=\n', 'app.env': 'X=1' });
  const { files } = await listed(root);
  assert.deepEqual(files, []);
});

test('TypeScript declaration files are not read: they hold types, not values the code sends', async () => {
  const root = tree({
    'types.d.ts': `// Clarifai\nexport declare const PAT: '3f9a6d0c8b7e4a2190f1c3d5e7b90000';`,
    'app.ts': 'export const pat = process.env.CLARIFAI_PAT;',
  });
  const evidence = await gatherCodeEvidence(root);
  assert.deepEqual([evidence.filesScanned, evidence.keyLiterals.length, evidence.envReads.length], [1, 0, 1]);
});

test('UTF-16 files with a BOM (PowerShell, Notepad) are decoded and read', async () => {
  const root = tree({ 'win.py': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("import os\nos.getenv('CLARIFAI_PAT')\n", 'utf16le')]) });
  const evidence = await gatherCodeEvidence(root);
  assert.deepEqual(evidence.envReads.map((r) => [r.name, r.line, r.column]), [['CLARIFAI_PAT', 2, 1]]);
});
