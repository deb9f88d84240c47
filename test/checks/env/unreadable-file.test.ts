import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '../../../src/checks/env/unreadable-file.js';
import { describeFixtures, runFixtureDir } from '../fixture-runner.js';

const dir = new URL('./unreadable-file/', import.meta.url).pathname;
const only = (name: string) => runFixtureDir(dir + name, [check]);

describeFixtures(dir, check);

test('a UTF-16 file (PowerShell >) says so and how to save it as UTF-8', () => {
  const [f] = only('bad.utf16-from-powershell');
  assert.equal(f?.severity, 'warning');
  assert.match(f!.message, /^\.env cannot be read: encoded as UTF-16LE, and dotenv reads UTF-8; dotenv loads nothing from it\.$/u);
  assert.match(f!.fix, /Set-Content -Encoding utf8/u);
});

test('a binary .env is reported, not parsed', () => {
  const [f] = only('bad.binary');
  assert.match(f!.message, /binary content/u);
});

function inTemp(fn: (dir: string) => void): void {
  const root = mkdtempSync(join(tmpdir(), 'kd-unreadable-'));
  try {
    fn(root);
  } finally {
    chmodSync(root, 0o755);
    rmSync(root, { recursive: true, force: true });
  }
}

test('a FIFO named .env is reported without blocking', () => {
  inTemp((root) => {
    execFileSync('mkfifo', [join(root, '.env')]);
    const [f] = runFixtureDir(root, [check]);
    assert.match(f!.message, /named pipe \(FIFO\)/u);
  });
});

test('a symlink loop is reported', () => {
  inTemp((root) => {
    symlinkSync('.env', join(root, '.env'));
    const [f] = runFixtureDir(root, [check]);
    assert.match(f!.message, /symlink loop/u);
    assert.match(f!.fix, /ls -l \.env/u);
  });
});

test('a .env without read permission is reported', { skip: process.getuid?.() === 0 ? 'root can read anything' : false }, () => {
  inTemp((root) => {
    writeFileSync(join(root, '.env'), 'CLARIFAI_PAT=3f9a6d0c8b7e4a2190f1c3d5e7b90000\n');
    chmodSync(join(root, '.env'), 0o000);
    const [f] = runFixtureDir(root, [check]);
    assert.match(f!.message, /permission denied/u);
    assert.match(f!.fix, /chmod u\+r \.env/u);
  });
});

test('a folder named .env (a virtualenv) is only a note', () => {
  inTemp((root) => {
    mkdirSync(join(root, '.env'));
    const [f] = runFixtureDir(root, [check]);
    assert.equal(f?.severity, 'info');
    assert.match(f!.message, /a folder, not a file/u);
  });
});

test('a file over the size cap is reported, not read', () => {
  inTemp((root) => {
    writeFileSync(join(root, '.env'), Buffer.alloc(8 * 1024 * 1024 + 1, 0x41));
    const [f] = runFixtureDir(root, [check]);
    assert.match(f!.message, /larger than 8 MB/u);
  });
});
