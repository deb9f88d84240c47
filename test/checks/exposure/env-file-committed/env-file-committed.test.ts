import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '../../../../src/checks/exposure/env-file-committed.js';
import { diagnoseLocal } from '../../../../src/core/diagnose.js';
import type { Finding } from '../../../../src/types/diagnostic.js';

const KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';

/** A throwaway git repository with the given files; `add` lists the ones to stage (tracked). */
function repo(files: Record<string, string>, add: string[], fn: (dir: string) => void, init = true): void {
  const dir = mkdtempSync(join(tmpdir(), 'kd-exposure-'));
  try {
    if (init) execFileSync('git', ['init', '-q'], { cwd: dir });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    if (add.length > 0) execFileSync('git', ['add', '-f', '--', ...add], { cwd: dir });
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const run = (dir: string, env: Record<string, string> = {}): Finding[] =>
  diagnoseLocal({ projectDir: dir, cwd: dir, env, checks: [check] }).findings;

test('a tracked .env with a real-looking key is an error with git rm --cached, .gitignore and rotation', () => {
  repo({ '.env': `CLARIFAI_PAT=${KEY}\n` }, ['.env'], (dir) => {
    const [f, ...rest] = run(dir);
    assert.equal(rest.length, 0);
    assert.equal(f?.id, 'exposure/env-file-committed');
    assert.equal(f!.severity, 'error');
    assert.match(f!.message, /^\.env is committed to git and holds CLARIFAI_PAT \(CLARIFAI_PAT = 3f9a…00 \(32 chars\)\)/u);
    assert.match(f!.fix, /git rm --cached \.env && echo \.env >> \.gitignore/u);
    assert.match(f!.fix, /rotate the key/u);
    assert.deepEqual(f!.location, { file: '.env', line: 1, column: 1 });
    assert.ok(!JSON.stringify(f).includes(KEY), 'the key itself never appears');
  });
});

test('an untracked .env that .gitignore does not ignore is a warning', () => {
  repo({ '.env': `CLARIFAI_PAT=${KEY}\n` }, [], (dir) => {
    const [f] = run(dir);
    assert.equal(f?.severity, 'warning');
    assert.match(f!.message, /is not ignored by git, so the next git add \. would commit it/u);
    assert.equal(f!.fix, 'Add it to .gitignore: echo .env >> .gitignore');
  });
});

test('an ignored, untracked .env is fine', () => {
  repo({ '.env': `CLARIFAI_PAT=${KEY}\n`, '.gitignore': '.env\n' }, ['.gitignore'], (dir) => {
    assert.deepEqual(run(dir), []);
  });
});

test('a tracked .env.example with placeholders only is fine', () => {
  repo({ '.env.example': 'CLARIFAI_PAT=your_pat_here\nCLARIFAI_USER_ID=\n' }, ['.env.example'], (dir) => {
    assert.deepEqual(run(dir), []);
  });
});

test('a tracked .env.example with a real key says to put a placeholder back', () => {
  repo({ '.env.example': `CLARIFAI_PAT=${KEY}\n` }, ['.env.example'], (dir) => {
    const [f] = run(dir);
    assert.equal(f?.severity, 'error');
    assert.match(f!.fix, /^Replace the value in \.env\.example with a placeholder/u);
  });
});

test('a tracked .env without secrets is fine', () => {
  repo({ '.env': 'CLARIFAI_USER_ID=someone\nPORT=8080\n' }, ['.env'], (dir) => {
    assert.deepEqual(run(dir), []);
  });
});

test('skipped outside a git repository', () => {
  repo({ '.env': `CLARIFAI_PAT=${KEY}\n` }, [], (dir) => {
    assert.deepEqual(run(dir), []);
  }, false);
});

test('a tracked .env in a subfolder project is found', () => {
  repo({}, [], (dir) => {
    const app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, '.env'), `CLARIFAI_PAT=${KEY}\n`);
    execFileSync('git', ['add', '-f', 'app/.env'], { cwd: dir });
    const [f] = run(app);
    assert.equal(f?.severity, 'error');
    assert.match(f!.message, /^\.env is committed/u);
  });
});

test('a .env above the repository is not judged, and does not hide the tracked one inside', () => {
  const outer = mkdtempSync(join(tmpdir(), 'kd-exposure-outer-'));
  try {
    writeFileSync(join(outer, '.env'), `CLARIFAI_PAT=${KEY}\n`);
    const inner = join(outer, 'repo');
    mkdirSync(inner);
    execFileSync('git', ['init', '-q'], { cwd: inner });
    writeFileSync(join(inner, '.env'), `CLARIFAI_PAT=${KEY}\n`);
    execFileSync('git', ['add', '-f', '.env'], { cwd: inner });
    const findings = run(inner);
    assert.deepEqual(findings.map((f) => f.location), [{ file: '.env', line: 1, column: 1 }]);
  } finally {
    rmSync(outer, { recursive: true, force: true });
  }
});
