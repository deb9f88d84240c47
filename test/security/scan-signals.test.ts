// Issue #16 item 3 for scan: the first SIGINT or SIGTERM ends `keydoctor scan` cleanly with 130 or 143, like check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

async function scanStoppedBy(signal: 'SIGINT' | 'SIGTERM', dir: string): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const io: CliIO = {
    stdout: () => {},
    stderr: (t) => void (stderr += t),
    env: { PATH: process.env.PATH },
    cwd: dir,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    readStdin: async () => '',
    // The signal arrives as soon as the scan starts listening for one.
    onStop: (handler) => queueMicrotask(() => handler(signal)),
  };
  return { code: await run(['scan', dir], io), stderr };
}

test('a scan stopped by SIGINT exits 130 and by SIGTERM 143, saying it did not finish', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kd-sig-'));
  try {
    for (let i = 0; i < 400; i++) writeFileSync(join(dir, `f${i}.js`), `const k = process.env.CLARIFAI_PAT; fetch('https://api.clarifai.com/v2/users/me');\n`);
    const int = await scanStoppedBy('SIGINT', dir);
    assert.equal(int.code, 130, int.stderr);
    assert.match(int.stderr, /stopped by SIGINT/u);
    const term = await scanStoppedBy('SIGTERM', dir);
    assert.equal(term.code, 143, term.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
