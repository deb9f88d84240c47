// A .env of 100,000 lines through the offline doctor: findings stay few and short, every near miss is still named,
// and no value is printed. (It was quadratic: duplicate-name copied a list per line, near-miss-name built an
// edit-distance table per name pair, and the redactor re-sorted 100k secrets on every write.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { diagnoseLocal } from '../../src/core/diagnose.js';
import { editDistance, nearMiss, nameShape } from '../../src/checks/env/near-miss-name.js';
import { runCli } from '../helpers/cli.js';

/** Obviously fake, distinct per line: 32 lowercase hex ending in 0000. */
const keyFor = (i: number) => `${i.toString(16).padStart(8, '0')}8b7e4a2190f1c3d5e7b90000`;

function bigEnv(): { dir: string; keys: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'kd-bigenv-'));
  const lines: string[] = [];
  const keys: string[] = [];
  for (let i = 0; i < 100_000; i++) {
    if (i % 3 === 0) {
      keys.push(keyFor(i));
      lines.push(`CLARIFAI_PAT${i % 7}=${keyFor(i)}`); // 7 near-miss names, each defined ~4,800 times
    } else lines.push(`VAR_${i}=value_${i}`);
  }
  writeFileSync(join(dir, '.env'), lines.join('\n'));
  return { dir, keys };
}

test('100,000 lines: duplicates are listed by their first lines, near misses are all named, values stay masked', async (t) => {
  const { dir, keys } = bigEnv();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const { findings } = diagnoseLocal({ projectDir: dir, env: {} });
  const duplicates = findings.filter((f) => f.id === 'env/duplicate-name');
  assert.ok(duplicates.length > 0 && duplicates.length <= 11, `${duplicates.length} duplicate findings`);
  for (const f of duplicates.filter((d) => d.related)) {
    assert.ok(f.related!.length <= 20, `${f.related!.length} related locations`);
    assert.match(f.message, /defined \d{4} times in \.env \(lines (?:\d+, ){19}\d+ and \d+ more\)/u);
    assert.ok(f.message.length < 600, f.message);
  }
  const nearMisses = findings.filter((f) => f.id === 'env/near-miss-name').map((f) => f.message);
  for (let n = 0; n < 7; n++) assert.ok(nearMisses.some((m) => m.includes(`but CLARIFAI_PAT${n} is`)), `CLARIFAI_PAT${n} not named`);
  const out = JSON.stringify(findings);
  for (const k of [keys[0]!, keys[1000]!, keys.at(-1)!]) assert.ok(!out.includes(k), `${k} printed`);

  const cli = await runCli(['check', '--offline', '--json', dir]);
  assert.equal(cli.code, 1);
  assert.equal(cli.stderr, '');
  for (const k of keys) if (cli.stdout.includes(k)) assert.fail(`${k} printed by check --json`);
});

test('property: edit distance is at least the difference in length (why near-miss-name may skip the table)', () => {
  const name = fc.string({ unit: fc.constantFrom(...'CLARIFAPT_KEY-.a'), maxLength: 24 });
  fc.assert(
    fc.property(name, name, (a, b) => {
      assert.ok(editDistance(a, b) >= Math.abs(a.length - b.length));
      assert.equal(nearMiss(a, b), nearMiss(nameShape(a), nameShape(b)));
    }),
    { numRuns: 3000 },
  );
});
