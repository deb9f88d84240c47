// Issue #16 item 1: a scanned repository's git config, attributes or a planted `git` never run a program.
// Each vector is first shown to fire under plain git (so the set-up is live), then every command that runs git
// (env, check --offline, scan, scan --history) is run on the project and must leave no marker behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { NEEDS_BUILD, runBuilt } from '../hardening/helpers.js';

const KEY = '5e0c4b2a9d8f7e6c1b3a5d7f9e2c0000';
const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid', GIT_CONFIG_NOSYSTEM: '1', HOME: tmpdir() };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A small committed project: a tracked .env (two commits, so `log -p` has diffs) and code that reads the key. */
function repo(): { dir: string; mark: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'kd-git-vector-'));
  git(dir, 'init', '-q');
  writeFileSync(join(dir, '.env'), `CLARIFAI_PAT=${KEY}\n`);
  writeFileSync(join(dir, 'app.js'), 'fetch("https://api.clarifai.com/v2/users/me", { headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}` } });\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'one');
  writeFileSync(join(dir, '.env'), `CLARIFAI_PAT=${KEY}\nCLARIFAI_USER_ID=alice\n`);
  git(dir, 'commit', '-qam', 'two');
  const mark = join(dir, 'PWNED');
  return { dir, mark, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes an executable script that creates the marker, so a config value can name it without shell quoting. */
function payload(dir: string, mark: string): string {
  const script = join(dir, '.git', 'payload.sh');
  writeFileSync(script, `#!/bin/sh\ntouch '${mark}'\ncat "$@" 2>/dev/null\nexit 0\n`);
  chmodSync(script, 0o755);
  return script;
}

const COMMANDS: string[][] = [['env', '.'], ['check', '--offline', '.'], ['scan', '.'], ['scan', '--history', '.']];

async function assertNoExecution(dir: string, mark: string): Promise<void> {
  for (const argv of COMMANDS) {
    const r = await runCli(argv, { cwd: dir, env: { PATH: process.env.PATH } });
    assert.ok(r.code === 0 || r.code === 1, `${argv.join(' ')}: exit ${r.code}\n${r.stderr}`);
    assert.equal(existsSync(mark), false, `keydoctor ${argv.join(' ')} ran the repository's program`);
  }
}

interface Vector {
  name: string;
  /** Configures the vector in the repository. */
  arm(dir: string, script: string): void;
  /** Plain git doing what makes the vector fire: proves the set-up really runs the program. */
  control(dir: string): void;
}

const VECTORS: Vector[] = [
  {
    name: 'core.fsmonitor (run by ls-files)',
    arm: (dir, script) => git(dir, 'config', 'core.fsmonitor', script),
    control: (dir) => git(dir, 'ls-files'),
  },
  {
    name: 'diff.external',
    arm: (dir, script) => git(dir, 'config', 'diff.external', script),
    control: (dir) => git(dir, 'log', '-p', '--ext-diff'),
  },
  {
    name: 'a textconv driver named in .gitattributes',
    arm: (dir, script) => {
      writeFileSync(join(dir, '.git', 'info', 'attributes'), '* diff=kd\n');
      git(dir, 'config', 'diff.kd.textconv', script);
    },
    control: (dir) => git(dir, 'log', '-p'),
  },
  {
    name: 'a diff driver command named in .gitattributes',
    arm: (dir, script) => {
      writeFileSync(join(dir, '.git', 'info', 'attributes'), '* diff=kd\n');
      git(dir, 'config', 'diff.kd.command', script);
    },
    control: (dir) => git(dir, 'log', '-p', '--ext-diff'),
  },
  {
    name: 'filter drivers (clean, smudge, process)',
    arm: (dir, script) => {
      writeFileSync(join(dir, '.git', 'info', 'attributes'), '* filter=kd\n');
      git(dir, 'config', 'filter.kd.clean', script);
      git(dir, 'config', 'filter.kd.smudge', script);
      git(dir, 'config', 'filter.kd.process', script);
      git(dir, 'config', 'filter.kd.required', 'false');
    },
    control: (dir) => git(dir, 'hash-object', '--path=.env', '.env'),
  },
  {
    name: 'core.pager and pager.log',
    arm: (dir, script) => {
      git(dir, 'config', 'core.pager', script);
      git(dir, 'config', 'pager.log', script);
    },
    // A pager starts only on a terminal: `script` gives git one.
    control: (dir) => void execFileSync('script', ['-qec', 'git log -1', '/dev/null'], { cwd: dir, env: GIT_ENV, stdio: 'ignore' }),
  },
  {
    name: 'core.sshCommand',
    arm: (dir, script) => {
      git(dir, 'config', 'core.sshCommand', script);
      git(dir, 'remote', 'add', 'origin', 'ssh://git@example.invalid/x.git');
    },
    control: (dir) => {
      try {
        git(dir, 'ls-remote', 'origin');
      } catch {
        /* the payload is not a real ssh: git fails after running it */
      }
    },
  },
];

for (const vector of VECTORS) {
  test(`git vector: ${vector.name}`, { skip: !existsSync('/usr/bin/script') && vector.name.includes('pager') && 'needs script(1)' }, async () => {
    const { dir, mark, cleanup } = repo();
    try {
      vector.arm(dir, payload(dir, mark));
      vector.control(dir);
      assert.equal(existsSync(mark), true, `the control did not fire: the ${vector.name} set-up is not live`);
      rmSync(mark);
      await assertNoExecution(dir, mark);
    } finally {
      cleanup();
    }
  });
}

test('git vector: a `git` planted in the project is never the git that runs (PATH with `.`)', { skip: NEEDS_BUILD }, async () => {
  const { dir, mark, cleanup } = repo();
  try {
    const fake = join(dir, 'git');
    writeFileSync(fake, `#!/bin/sh\ntouch '${mark}'\nexit 1\n`);
    chmodSync(fake, 0o755);
    try {
      execFileSync('git', ['--version'], { cwd: dir, env: { PATH: `.:${process.env.PATH}` }, stdio: 'ignore' });
    } catch {
      /* the planted git exits 1 */
    }
    assert.equal(existsSync(mark), true, 'the control did not run the planted git');
    rmSync(mark);
    for (const argv of COMMANDS) {
      const r = await runBuilt(argv, { cwd: dir, env: { PATH: `.:${process.env.PATH}` } });
      assert.ok(r.code === 0 || r.code === 1, `${argv.join(' ')}: exit ${r.code}\n${r.stderr}`);
      assert.equal(existsSync(mark), false, `keydoctor ${argv.join(' ')} ran the project's own git`);
    }
    // The real git still ran: the committed .env is reported as committed, history was read.
    const env = await runBuilt(['scan', '--history', '.'], { cwd: dir, env: { PATH: `.:${process.env.PATH}` } });
    assert.match(env.stdout, /Read 2 commits of git history/u);
  } finally {
    cleanup();
  }
});

test('git vector: GIT_DIR and GIT_EXTERNAL_DIFF from the caller do not steer keydoctor\'s git', async () => {
  const { dir, mark, cleanup } = repo();
  const other = repo();
  try {
    const script = payload(dir, mark);
    const saved = { GIT_DIR: process.env.GIT_DIR, GIT_EXTERNAL_DIFF: process.env.GIT_EXTERNAL_DIFF };
    process.env.GIT_DIR = join(other.dir, '.git');
    process.env.GIT_EXTERNAL_DIFF = script;
    try {
      const r = await runCli(['scan', '--history', '.'], { cwd: dir, env: { PATH: process.env.PATH } });
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      assert.equal(existsSync(mark), false);
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  } finally {
    cleanup();
    other.cleanup();
  }
});
