// keydoctor fix refuses what it must not touch, and then changes no file at all: a file changed since the diagnosis,
// a symbolic link out of the project, a binary or non-UTF-8 file, an unwritable file, a file in a merge.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import { diagnose } from '../../src/core/diagnose.js';
import { applyPlan, planFixes } from '../../src/fix/apply.js';
import { PROBLEMS } from '../../src/checks/registry.js';
import { toSarif } from '../../src/reporters/sarif.js';
import { sarifValidator } from '../helpers/sarif-schema.js';
import { KEY, OTHER_KEY, assertFiles, assertNoKey, fix, git, project, remove, snapshot } from './helpers.js';

const IS_ROOT = process.getuid?.() === 0;
const APP = "require('dotenv').config();\nconst pat = process.env.CLARIFAI_PAT;\n";
const BAD_ENV = `CLARIFAI_PAT="${KEY} "\nCLARIFAI_USER_ID=clarifai\n`;

const diagnosis = (dir: string) => diagnose({ command: 'fix', projectDir: dir, cwd: dir, env: {}, scanWorkers: 0 });

describe('keydoctor fix refuses, and leaves every file unchanged', () => {
  test('a file changed after the diagnosis (the library in two steps)', async () => {
    const dir = project({ '.env': BAD_ENV, 'index.js': APP });
    try {
      const result = await diagnosis(dir);
      const plan = planFixes(result, dir);
      assert.equal(plan.changes.length, 1);
      // Someone saves the file between the diagnosis and the write.
      const edited = `${BAD_ENV}CLARIFAI_APP_ID=main\n`;
      writeFileSync(join(dir, '.env'), edited);
      const before = snapshot(dir);
      const outcome = applyPlan(plan);
      assert.deepEqual(outcome.written, []);
      assert.deepEqual(outcome.refusals, [{ file: '.env', reason: 'changed since the diagnosis read it' }]);
      assertFiles(dir, before);
      assert.equal(readFileSync(join(dir, '.env'), 'utf8'), edited);
      // Planned again from the old diagnosis, the edit no longer matches the file's hash.
      const stale = planFixes(result, dir);
      assert.equal(stale.changes.length, 0);
      assert.equal(stale.fixes[0]!.status, 'refused');
      assert.match(stale.fixes[0]!.reason!, /changed since the diagnosis/u);
      assertFiles(dir, before);
    } finally {
      remove(dir);
    }
  });

  test('a symbolic link that leads outside the project; the other file is not written either', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'kd-fix-outside-'));
    const dir = project({ '.env': BAD_ENV, '.env.local': `CLARIFAI_API_KEY="${OTHER_KEY} "\n`, 'index.js': "require('dotenv-flow').config();\nconst k = process.env.CLARIFAI_API_KEY;\n" });
    try {
      const result = await diagnosis(dir);
      assert.ok(result.findings.filter((f) => f.autofix).length >= 1);
      // .env becomes a link to a file outside with the very same bytes: only the path tells it apart.
      writeFileSync(join(outside, 'secrets.env'), BAD_ENV);
      unlinkSync(join(dir, '.env'));
      symlinkSync(join(outside, 'secrets.env'), join(dir, '.env'));
      const before = snapshot(dir);
      const plan = planFixes(result, dir);
      assert.ok(plan.refusals.some((r) => r.file === '.env' && /symbolic link to a file outside the project/u.test(r.reason)), JSON.stringify(plan.refusals));
      const outcome = applyPlan(plan);
      assert.deepEqual(outcome.written, []);
      assertFiles(dir, before);
      assert.equal(readFileSync(join(outside, 'secrets.env'), 'utf8'), BAD_ENV);
    } finally {
      remove(dir);
      remove(outside);
    }
  });

  test('a symbolic link outside, through the command line', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'kd-fix-outside-'));
    const dir = project({ 'index.js': APP });
    try {
      writeFileSync(join(outside, 'secrets.env'), BAD_ENV);
      symlinkSync(join(outside, 'secrets.env'), join(dir, '.env'));
      const r = await fix(dir, ['--write']);
      // Either the reader does not follow the link out of the project (nothing to fix) or the fix refuses it.
      assert.ok(r.code === 2 ? /outside the project/u.test(r.stdout) : /Nothing to fix/u.test(r.stdout), r.stdout);
      assert.equal(readFileSync(join(outside, 'secrets.env'), 'utf8'), BAD_ENV);
      assertNoKey(r.stdout, r.stderr);
    } finally {
      remove(dir);
      remove(outside);
    }
  });

  test('a binary file (a NUL byte past what the reader sniffs)', async () => {
    const padding = `# ${'-'.repeat(76)}\n`.repeat(120);
    const dir = project({ '.env': `${BAD_ENV}${padding}# \u0000\n`, 'index.js': APP });
    try {
      const before = snapshot(dir);
      const r = await fix(dir, ['--write']);
      assert.equal(r.code, 2, r.stdout);
      assert.match(r.stdout, /\.env is binary/u);
      assert.match(r.stdout, /KD_ERR_FIX_REFUSED/u);
      assertFiles(dir, before);
      const json = JSON.parse((await fix(dir, ['--write', '--json'])).stdout);
      assert.equal(json.fix.error.code, 'KD_ERR_FIX_REFUSED');
      assertFiles(dir, before);
    } finally {
      remove(dir);
    }
  });

  test('a file that is not valid UTF-8 is never offered a fix', async () => {
    const dir = project({ '.env': Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(`\n${BAD_ENV}`)]), 'index.js': APP });
    try {
      const before = snapshot(dir);
      const r = await fix(dir, ['--write']);
      assert.equal(r.code, 0, r.stdout);
      assert.match(r.stdout, /Nothing to fix/u);
      assertFiles(dir, before);
    } finally {
      remove(dir);
    }
  });

  test('an unwritable file', { skip: IS_ROOT ? 'root writes read-only files: chmod does not bind' : false }, async () => {
    const dir = project({ '.env': BAD_ENV, 'index.js': APP });
    try {
      chmodSync(join(dir, '.env'), 0o444);
      const before = snapshot(dir);
      const r = await fix(dir, ['--write']);
      assert.equal(r.code, 2, r.stdout);
      assert.match(r.stdout, /\.env is not writable/u);
      assertFiles(dir, before);
    } finally {
      chmodSync(join(dir, '.env'), 0o644);
      remove(dir);
    }
  });

  test('an unwritable file, as root too: a file the plan cannot open for writing is refused before anything is written', async () => {
    // Root ignores modes, so this variant makes the folder's entry a directory where the plan expects a file.
    const dir = project({ '.env': BAD_ENV, 'index.js': APP });
    try {
      const result = await diagnosis(dir);
      unlinkSync(join(dir, '.env'));
      const { mkdirSync } = await import('node:fs');
      mkdirSync(join(dir, '.env'));
      const before = snapshot(dir);
      const plan = planFixes(result, dir);
      assert.ok(plan.refusals.some((r) => r.file === '.env' && /not a regular file/u.test(r.reason)));
      assert.deepEqual(applyPlan(plan).written, []);
      assertFiles(dir, before);
    } finally {
      remove(dir);
    }
  });

  test('a file git lists as unmerged (a merge stopped on conflicts)', async () => {
    const dir = project({ '.env': `CLARIFAI_USER_ID=clarifai\n`, '.gitignore': 'node_modules\n', 'index.js': APP });
    try {
      git(dir, 'init', '-q');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'base');
      git(dir, 'checkout', '-q', '-b', 'other');
      writeFileSync(join(dir, '.env'), `CLARIFAI_USER_ID=clarifai\nCLARIFAI_PAT="${OTHER_KEY} "\n`);
      git(dir, 'commit', '-q', '-am', 'other');
      git(dir, 'checkout', '-q', 'main');
      writeFileSync(join(dir, '.env'), `CLARIFAI_USER_ID=clarifai\nCLARIFAI_PAT="${KEY} "\n`);
      git(dir, 'commit', '-q', '-am', 'main');
      assert.throws(() => git(dir, 'merge', '-q', 'other'));
      assert.match(git(dir, 'ls-files', '--unmerged'), /\.env/u);
      const before = snapshot(dir);
      const r = await fix(dir, ['--write', '--yes']);
      assert.equal(r.code, 2, r.stdout);
      assert.match(r.stdout, /\.env has unresolved merge conflicts/u);
      assertFiles(dir, before);
      assertNoKey(r.stdout, r.stderr);
    } finally {
      remove(dir);
    }
  });
});

describe('keydoctor fix plans', () => {
  test('an edit whose path leaves the project is refused', async () => {
    const dir = project({ '.env': BAD_ENV, 'index.js': APP });
    try {
      const result = await diagnosis(dir);
      const f = result.findings.find((x) => x.id === 'key/whitespace')!;
      f.autofix = { ...f.autofix!, edits: f.autofix!.edits.map((e) => ({ ...e, file: '../.env' })) };
      const before = snapshot(dir);
      const plan = planFixes(result, dir);
      assert.deepEqual(plan.refusals, [{ file: '../.env', reason: 'is outside the project folder' }]);
      assert.deepEqual(applyPlan(plan).written, []);
      assertFiles(dir, before);
    } finally {
      remove(dir);
    }
  });

  test('in a terminal, --write applies a fix not marked safe without --yes', async () => {
    const dir = project({ '.env': `CLARIFAI_PAT=${KEY}\n`, '.gitignore': 'node_modules\n', 'index.js': APP });
    try {
      git(dir, 'init', '-q');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'first');
      let stdout = '';
      const code = await run(['fix', dir, '--write'], {
        stdout: (t) => void (stdout += t),
        stderr: () => {},
        env: { PATH: process.env.PATH, TERM: 'dumb' },
        cwd: dir,
        stdoutIsTTY: true,
        stderrIsTTY: true,
        stdinIsTTY: true,
        readStdin: async () => '',
        onStop: () => {},
      });
      assert.notEqual(code, 2, stdout);
      assert.match(stdout, /Stopped tracking \.env/u);
      assert.equal(git(dir, 'ls-files', '--', '.env'), '');
      assert.equal(readFileSync(join(dir, '.gitignore'), 'utf8'), 'node_modules\n/.env\n');
      assertNoKey(stdout);
    } finally {
      remove(dir);
    }
  });

  test('overlapping edits in one file: the first applies, the other is reported', async () => {
    const dir = project({ '.env': BAD_ENV, 'index.js': APP });
    try {
      const result = await diagnosis(dir);
      const first = result.findings.find((f) => f.id === 'key/whitespace')!;
      const edit = first.autofix!.edits[0]!;
      // A second fix that rewrites a range covering the first one's.
      result.findings.push({ ...first, location: { env: 'CLARIFAI_PAT', source: '.env', line: 9 }, autofix: { ...first.autofix!, edits: [{ ...edit, start: edit.start - 2, end: edit.end, replacement: '' }] } });
      const plan = planFixes(result, dir);
      assert.deepEqual(plan.fixes.map((f) => f.status), ['planned', 'skipped']);
      assert.match(plan.fixes[1]!.reason!, /overlaps the fix for key\/whitespace/u);
      assert.equal(plan.changes.length, 1);
      assert.equal(plan.changes[0]!.after.toString('utf8'), `CLARIFAI_PAT="${KEY}"\nCLARIFAI_USER_ID=clarifai\n`);
    } finally {
      remove(dir);
    }
  });

  test('SARIF carries the fixes as byte replacements, validates, and holds no key', async () => {
    const dir = project({
      '.env': `\uFEFFCLARIFAI_USER_ID=clarifai\nCLARIFAI_PAT="${KEY} "\nCLARIFAI_APP_ID=main\nCLARIFIAI_API_KEY=${OTHER_KEY}\n`,
      'app.py': 'import os\nfrom dotenv import load_dotenv\nload_dotenv()\npat = os.environ["CLARIFAI_PAT"]\nkey = os.getenv("CLARIFAI_API_KEY")\n',
    });
    try {
      const result = await diagnosis(dir);
      const log = toSarif(result.findings, { problems: PROBLEMS, root: dir, version: '0.2.0' }) as any;
      const validate = sarifValidator();
      assert.ok(validate(structuredClone(log)), JSON.stringify(validate.errors));
      const results = log.runs[0].results as { ruleId: string; fixes?: any[] }[];
      const ws = results.find((r) => r.ruleId === 'key/whitespace')!;
      const bytes = readFileSync(join(dir, '.env'));
      const region = ws.fixes![0].artifactChanges[0].replacements[0].deletedRegion;
      assert.equal(ws.fixes![0].artifactChanges[0].artifactLocation.uri, '.env');
      assert.equal(bytes.subarray(region.byteOffset, region.byteOffset + region.byteLength).toString(), ' ');
      const bom = results.find((r) => r.ruleId === 'env/bom-first-name')!;
      assert.deepEqual(bom.fixes![0].artifactChanges[0].replacements, [{ deletedRegion: { byteOffset: 0, byteLength: 3 } }]);
      const rename = results.find((r) => r.ruleId === 'env/near-miss-name')!;
      const [replacement] = rename.fixes![0].artifactChanges[0].replacements;
      assert.equal(replacement.insertedContent.text, 'CLARIFAI_API_KEY');
      assert.equal(bytes.subarray(replacement.deletedRegion.byteOffset, replacement.deletedRegion.byteOffset + replacement.deletedRegion.byteLength).toString(), 'CLARIFIAI_API_KEY');
      // A finding without an edit (a .gitignore line, advice) has no SARIF fix.
      assert.ok(results.filter((r) => !['key/whitespace', 'env/bom-first-name', 'env/near-miss-name'].includes(r.ruleId)).every((r) => r.fixes === undefined));
      assertNoKey(JSON.stringify(log));
    } finally {
      remove(dir);
    }
  });
});
