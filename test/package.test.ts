// The published package works: `npm pack`, install the tarball into an empty folder, run `keydoctor --help`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

test('the packed tarball installs into an empty folder and runs', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'kd-pack-'));
  try {
    // dist/ is already built by `npm test`; skip prepare so packing does not rebuild.
    execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: root, stdio: 'pipe' });
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    assert.ok(tarball, 'npm pack produced a tarball');
    const app = join(dir, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), '{"name":"kd-pack-test","version":"1.0.0","private":true}');
    // --offline: dependencies come from the npm cache that `npm ci` filled; tests reach no network.
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', join(dir, tarball)], { cwd: app, stdio: 'pipe' });
    const help = execFileSync(join(app, 'node_modules', '.bin', 'keydoctor'), ['--help'], { cwd: app, encoding: 'utf8' });
    assert.match(help, /Usage: keydoctor <command>/u);
    const version = execFileSync(join(app, 'node_modules', '.bin', 'keydoctor'), ['--version'], { cwd: app, encoding: 'utf8' });
    assert.match(version, /^\d+\.\d+\.\d+/u);
    // The README's main job works from the installed package too: the demo project and emulator ship with it.
    const demo = spawnSync(join(app, 'node_modules', '.bin', 'keydoctor'), ['demo', '--json'], { cwd: app, encoding: 'utf8', env: { PATH: process.env.PATH, NODE_OPTIONS: process.env.NODE_OPTIONS } });
    assert.equal(demo.status, 0, demo.stderr);
    assert.ok((JSON.parse(demo.stdout) as { findings: unknown[] }).findings.length > 0);
    // Node itself would swallow a missing --env-file after the script name; the shebang's `--` stops that.
    const missing = spawnSync(join(app, 'node_modules', '.bin', 'keydoctor'), ['check', '--offline', '--env-file', 'missing.env'], { cwd: app, encoding: 'utf8' });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--env-file missing\.env: does not exist/u);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
