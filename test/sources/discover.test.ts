import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverEnvFiles, loadedFamily } from '../../src/sources/discover.js';

function inTemp(files: string[], fn: (dir: string) => void, folders: string[] = []): void {
  const dir = mkdtempSync(join(tmpdir(), 'kd-discover-'));
  try {
    for (const f of folders) mkdirSync(join(dir, f));
    for (const f of files) writeFileSync(join(dir, f), 'A=1\n');
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the dotenv-flow family, in priority order', () => {
  assert.deepEqual(loadedFamily('production').map((f) => f.name), ['.env.production.local', '.env.local', '.env.production', '.env']);
  assert.deepEqual(loadedFamily('test').map((f) => f.name), ['.env.test.local', '.env.test', '.env']);
  assert.deepEqual(loadedFamily(undefined).map((f) => f.name), ['.env.local', '.env']);
});

test('--env-file files come first, then the loaded family, then look-alikes that are not loaded', () => {
  inTemp(['.env', '.env.local', '.env.production', 'env', '.env.txt', '.env.example', 'custom.env'], (dir) => {
    const found = discoverEnvFiles(dir, undefined, ['custom.env'], dir);
    assert.deepEqual(
      found.map((f) => [f.display, f.loaded, f.priority === Number.MAX_SAFE_INTEGER ? 'never' : f.priority]),
      [
        ['custom.env', true, 0],
        ['.env.local', true, 1],
        ['.env', true, 2],
        ['.env.example', false, 'never'],
        ['.env.production', false, 'never'],
        ['.env.txt', false, 'never'],
        ['env', false, 'never'],
      ],
    );
    const reason = (name: string) => found.find((f) => f.display === name)!.reason;
    assert.match(reason('.env.production'), /only when NODE_ENV=production \(NODE_ENV is not set\)/u);
    assert.match(reason('.env.txt'), /saved with an extra extension/u);
    assert.match(reason('env'), /missing the leading dot/u);
    assert.match(reason('.env.example'), /example file/u);
  });
});

test('code files and virtualenv folders that share the name are not env files', () => {
  inTemp(['env.py', 'env.ts', 'env.d.ts', '.env.json'], (dir) => {
    assert.deepEqual(discoverEnvFiles(dir, undefined, [], dir), []);
  }, ['env', 'venv']);
});

test('a folder named .env is still listed, so its unreadability can be explained', () => {
  inTemp([], (dir) => {
    assert.deepEqual(discoverEnvFiles(dir, undefined, [], dir).map((f) => [f.display, f.loaded]), [['.env', true]]);
  }, ['.env']);
});

test('a .env in a parent folder is listed as not loaded', () => {
  inTemp(['.env'], (dir) => {
    const app = join(dir, 'app');
    mkdirSync(app);
    const found = discoverEnvFiles(app, undefined, [], app);
    assert.deepEqual(found.map((f) => [f.display, f.loaded]), [[join('..', '.env'), false]]);
    assert.match(found[0]!.reason, /not from parent folders/u);
  });
});
