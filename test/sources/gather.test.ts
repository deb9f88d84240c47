import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeydoctorError } from '../../src/core/errors.js';
import { gatherEnvEvidence } from '../../src/sources/gather.js';

const K1 = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';
const K2 = '8c1e5b7a2d4f6093a1b2c3d4e5f60000';
const K3 = '5b2c9e0f1a3d7c6b8e4f2a1d0c9b0000';

function inTemp(files: Record<string, string>, fn: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'kd-gather-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('precedence: shell, then --env-file, then .env.local, then .env; override picks the first file', () => {
  inTemp({ '.env': `CLARIFAI_PAT=${K1}\n`, '.env.local': `CLARIFAI_PAT=${K2}\n`, 'extra.env': `CLARIFAI_PAT=${K3}\n` }, (dir) => {
    const gather = (env: Record<string, string>, envFiles: string[] = []) =>
      gatherEnvEvidence({ projectDir: dir, cwd: dir, env, envFiles }).variables.get('CLARIFAI_PAT')!;
    let v = gather({});
    assert.deepEqual(v.definitions.map((d) => d.location.source), ['.env.local', '.env']);
    assert.equal(v.winner!.value.reveal(), K2);
    assert.match(v.why, /^\.env\.local is loaded first/u);
    v = gather({}, ['extra.env']);
    assert.equal(v.winner!.value.reveal(), K3);
    v = gather({ CLARIFAI_PAT: 'from-shell-value-0000' });
    assert.equal(v.winner!.location.source, 'shell');
    assert.equal(v.winnerWithOverride!.location.source, '.env.local');
    assert.match(v.why, /^the shell wins/u);
  });
});

test('a value never prints: definitions hold Secrets', () => {
  inTemp({ '.env': `CLARIFAI_PAT=${K1}\n` }, (dir) => {
    const env = gatherEnvEvidence({ projectDir: dir, cwd: dir, env: {} });
    assert.ok(!JSON.stringify([...env.variables.values()]).includes(K1));
  });
});

test('--env-file that does not exist is a KD_ERR_FILE error naming the file', () => {
  inTemp({}, (dir) => {
    assert.throws(
      () => gatherEnvEvidence({ projectDir: dir, cwd: dir, env: {}, envFiles: ['missing.env'] }),
      (e: unknown) => e instanceof KeydoctorError && e.code === 'KD_ERR_FILE' && /--env-file missing\.env: does not exist/u.test(e.message),
    );
  });
});
