import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dotGitAbove, gitFacts } from '../../src/sources/git.js';

test('tracked and ignored, per file; paths above the work tree are unknown, not guessed', () => {
  const outer = mkdtempSync(join(tmpdir(), 'kd-git-'));
  try {
    const repo = join(outer, 'repo');
    const app = join(repo, 'app');
    mkdirSync(app, { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: repo });
    writeFileSync(join(repo, '.gitignore'), '.env\n');
    for (const f of [join(app, '.env'), join(app, '.env.local'), join(app, '*.env'), join(repo, '.env'), join(outer, '.env')]) writeFileSync(f, 'A=1\n');
    execFileSync('git', ['add', '-f', 'app/.env.local'], { cwd: repo });
    const paths = [join(app, '.env'), join(app, '.env.local'), join(app, '*.env'), join(repo, '.env'), join(outer, '.env')];
    const facts = gitFacts(app, paths);
    assert.equal(facts.repo, true);
    assert.deepEqual(
      paths.map((p) => [facts.tracked(p), facts.ignored(p)]),
      [
        [false, true],
        [true, false],
        // `*.env` is a file name, not a pattern that would match .env.local.
        [false, false],
        [false, true],
        [undefined, undefined],
      ],
    );
  } finally {
    rmSync(outer, { recursive: true, force: true });
  }
});

test('outside a repository everything is unknown', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kd-git-none-'));
  try {
    writeFileSync(join(dir, '.env'), 'A=1\n');
    const facts = gitFacts(dir, [join(dir, '.env')]);
    assert.equal(facts.repo, false);
    assert.equal(facts.tracked(join(dir, '.env')), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('outside a repository git is never started (each start costs tens of milliseconds)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kd-git-nostart-'));
  const bin = mkdtempSync(join(tmpdir(), 'kd-git-bin-'));
  const marker = join(bin, 'started');
  const saved = process.env.PATH;
  try {
    writeFileSync(join(dir, '.env'), 'A=1\n');
    writeFileSync(join(bin, 'git'), `#!/bin/sh\n: > '${marker}'\nexit 128\n`, { mode: 0o755 });
    process.env.PATH = bin;
    assert.equal(dotGitAbove(dir), false);
    assert.equal(gitFacts(dir, [join(dir, '.env')]).repo, false);
    assert.equal(existsSync(marker), false);
    // A worktree's or submodule's `.git` is a file, and counts: git is asked.
    writeFileSync(join(dir, '.git'), 'gitdir: /nowhere\n');
    assert.equal(dotGitAbove(join(dir)), true);
    gitFacts(dir, [join(dir, '.env')]);
    assert.equal(existsSync(marker), true);
  } finally {
    process.env.PATH = saved;
    rmSync(dir, { recursive: true, force: true });
    rmSync(bin, { recursive: true, force: true });
  }
});
