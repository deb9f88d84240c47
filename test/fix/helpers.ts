// Fixture projects for keydoctor fix: written byte for byte into a fresh temp folder, run through the real CLI, read back.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { runCli, type CliResult } from '../helpers/cli.js';

/** A fake PAT (ends in 0000, listed by .keydoctorignore as a test fake). */
export const KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';
export const OTHER_KEY = '7c2e9b41d0a85f36e4b1c9d07a2f0000';

export type Files = Record<string, string | Buffer>;

/** Writes the project into a new temp folder and returns its path. */
export function project(files: Files): string {
  const dir = mkdtempSync(join(tmpdir(), 'kd-fix-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export function remove(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Every file under `dir` (but .git), relative path → bytes. */
export function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== '.git') visit(p);
      } else if (e.isFile()) out.set(relative(dir, p), readFileSync(p));
    }
  };
  visit(dir);
  return out;
}

/** Asserts the folder holds exactly these bytes: the listed files changed as given, every other file as before. */
export function assertFiles(dir: string, before: Map<string, Buffer>, changed: Files = {}): void {
  const now = snapshot(dir);
  const expected = new Map(before);
  for (const [name, content] of Object.entries(changed)) expected.set(name, Buffer.from(content));
  assert.deepEqual([...now.keys()].sort(), [...expected.keys()].sort(), 'the same files, no temporary file left behind');
  for (const [name, bytes] of expected) assert.ok(now.get(name)!.equals(bytes), `${name}: ${JSON.stringify(now.get(name)!.toString('utf8'))} should be ${JSON.stringify(bytes.toString('utf8'))}`);
}

export async function fix(dir: string, args: string[] = []): Promise<CliResult> {
  return runCli(['fix', dir, ...args], { env: { PATH: process.env.PATH }, cwd: dir });
}

/** No output may hold a planted key, in full or enough of it to rebuild it (16 characters in a row). */
export function assertNoKey(...outputs: string[]): void {
  for (const text of outputs) {
    for (const key of [KEY, OTHER_KEY]) {
      for (let i = 0; i + 16 <= key.length; i++) assert.ok(!text.includes(key.slice(i, i + 16)), `output holds part of a planted key: ${text}`);
    }
  }
}

/** git for a test repository: fixed identity, no user config. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: dir, GIT_CONFIG_NOSYSTEM: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
