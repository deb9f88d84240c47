// A hostile project generated in a temp folder: binary and invalid-UTF-8 .env files, 20 MB single-line files, 200
// nested folders, symlink loops, FIFOs, an unreadable file, a broken .gitignore, a 100k-line .env. The built CLI
// (check --offline, scan, env) must finish with clear findings or notes, exit 0/1/2, and print no stack trace.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { assertClean, IS_ROOT, NEEDS_BUILD, runBuilt } from './helpers.js';

/** Obviously fake keys, one per place, so a leak names its source. */
const KEYS = {
  dotenv: '3f9a6d0c8b7e4a2190f1c3d5e7b90000',
  deep: '0b1c2d3e4f5a6b7c8d9e0f1a2b3c0000',
  unreadable: 'aa11bb22cc33dd44ee55ff6677880000',
  code: 'c4e2a9f17b3d5e6f8a0b1c2d3e4f0000',
  huge: '7e3d9a1c5b2f4e6a8c0d2b4f6a8e0000',
};
const DEEP = Array.from({ length: 200 }, () => 'd').join('/');
const TWENTY_MB = 20 * 1024 * 1024;

let root = '';
const file = (path: string, content: string | Buffer) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
};

before(() => {
  root = mkdtempSync(join(tmpdir(), 'kd-hostile-'));
  const lines: string[] = [];
  for (let i = 0; i < 100_000; i++) lines.push(i % 5000 === 0 ? `CLARIFAI_PAT${i % 3}=${KEYS.dotenv}` : `VAR_${i}="value ${i}" # comment`);
  lines.push(`CLARIFAI_PAT=${KEYS.dotenv}`);
  file('.env', lines.join('\n'));
  file('.env.local', Buffer.from([0x43, 0x4c, 0, 1, 2, 0xff, 0, 0x3d, 0x0a, 0]));
  file('.env.production', Buffer.concat([Buffer.from('CLARIFAI_APP_ID=caf'), Buffer.from([0xe9, 0xff, 0xfe, 0xc3, 0x28]), Buffer.from('\nCLARIFAI_USER_ID=me\n')]));
  // The app loads its dotenv-flow family (issue #12: a file nothing loads is not judged as loaded).
  file('load.js', "require('dotenv-flow').config();\n");
  execFileSync('mkfifo', [join(root, '.env.production.local')]);
  file('.env.bak', `CLARIFAI_PAT=${KEYS.unreadable}\n`);
  chmodSync(join(root, '.env.bak'), 0o000);
  file('.env.huge', `A=${'x'.repeat(TWENTY_MB)}`);
  symlinkSync('.env.loop', join(root, '.env.loop'));
  // 20 MB on one line, Clarifai URLs and env reads all along it and a key at its very end (read with --max-file-size 32).
  const chunk = `"https://api.clarifai.com/v2/models" + os.environ["CLARIFAI_PAT"] + "${'q'.repeat(3000)}" + `;
  const line = `x = ${chunk.repeat(Math.ceil(TWENTY_MB / chunk.length))}""; CLARIFAI_PAT = "${KEYS.huge}"`;
  file('huge.py', line);
  file('src/huge.sh', `echo ${line}`);
  symlinkSync('..', join(root, 'src/up'));
  symlinkSync('loop2', join(root, 'src/loop1'));
  symlinkSync('loop1', join(root, 'src/loop2'));
  execFileSync('mkfifo', [join(root, 'src/pipe.js')]);
  file(`deep/${DEEP}/.env`, `CLARIFAI_PAT=${KEYS.deep}\n`);
  file(`deep/${DEEP}/app.js`, 'fetch("https://api.clarifai.com/v2/models", { headers: { Authorization: "Key " + process.env.CLARIFAI_PAT } });\n');
  file('.gitignore', Buffer.concat([Buffer.from(`[\n\\\n**/***\n!\n#\n${'a'.repeat(100_000)}\n[z-a]\n/\\\n`), Buffer.from([0xff, 0xfe, 0, 0x0a, 0xc3, 0x28, 0x0a])]));
  file('bad-utf8.py', Buffer.concat([Buffer.from('import os\nkey = "'), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), Buffer.from('"\nos.environ["CLARIFAI_PAT"]\n')]));
  file('bin.js', Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0]));
  file('secret.py', `import clarifai\nCLARIFAI_PAT = "${KEYS.code}"\n`);
  chmodSync(join(root, 'secret.py'), 0o000);
  file('broken.ipynb', '{"cells": [ {"cell_type": "code", "source": ["x" ');
});

after(() => {
  if (!root) return;
  for (const f of ['.env.bak', 'secret.py']) chmodSync(join(root, f), 0o644);
  rmSync(root, { recursive: true, force: true });
});

const ENV = { NODE_ENV: 'production' };

function assertNoKey(text: string, label: string): void {
  for (const [where, key] of Object.entries(KEYS)) assert.ok(!text.includes(key), `${label}: the ${where} key is printed in full`);
}

test('check --offline: a note for every file dotenv cannot read, findings for the rest, no crash', { skip: NEEDS_BUILD }, async () => {
  const r = await runBuilt(['check', '--offline', root], { env: ENV });
  assertClean(r, 'check --offline');
  assert.equal(r.code, 1, r.stdout.slice(-2000));
  const out = r.stdout;
  assert.match(out, /\.env\.production\.local cannot be read: a named pipe \(FIFO\)/u);
  assert.match(out, /\.env\.local cannot be read: binary content/u);
  assert.match(out, /\.env\.loop cannot be read: a symlink loop/u);
  assert.match(out, /\.env\.huge cannot be read: larger than 8 MB/u);
  assert.match(out, /CLARIFAI_APP_ID in \.env\.production:1 contains \d bytes that are not UTF-8/u);
  assert.match(out, /CLARIFAI_PAT\d is defined \d+ times in \.env/u);
  // As root (CI) a chmod 000 file is still readable: only a normal user gets the "permission denied" note.
  if (!IS_ROOT) assert.match(out, /\.env\.bak cannot be read: permission denied/u);
  assertNoKey(r.stdout + r.stderr, 'check --offline');
});

test('check --offline --json and env --json: valid JSON, same notes', { skip: NEEDS_BUILD }, async () => {
  const [check, env] = await Promise.all([runBuilt(['check', '--offline', '--json', root], { env: ENV }), runBuilt(['env', '--json', root], { env: ENV })]);
  assertClean(check, 'check --offline --json');
  assertClean(env, 'env --json');
  const findings = (JSON.parse(check.stdout) as { findings: { id: string; location?: { file?: string } }[] }).findings;
  const unreadable = findings.filter((f) => f.id === 'env/unreadable-file').map((f) => f.location?.file);
  for (const name of ['.env.production.local', '.env.local', '.env.loop', '.env.huge']) assert.ok(unreadable.includes(name), `${name}: ${unreadable.join(', ')}`);
  assert.ok(JSON.parse(env.stdout));
  assertNoKey(check.stdout + check.stderr + env.stdout + env.stderr, 'json');
});

test('--env-file pointing at a FIFO, a symlink loop or a device: a note for each; at a folder: a usage error', { skip: NEEDS_BUILD }, async () => {
  const [files, folder] = await Promise.all([
    runBuilt(['check', '--offline', '--env-file', join(root, '.env.production.local'), '--env-file', join(root, '.env.loop'), '--env-file', '/dev/zero', root], { env: ENV }),
    runBuilt(['check', '--offline', '--env-file', join(root, 'src'), root], { env: ENV }),
  ]);
  assertClean(files, 'check --env-file FIFO, loop, device');
  assert.equal(files.code, 1);
  for (const reason of [/named pipe \(FIFO\)/u, /symlink loop/u, /a device, not a regular file/u]) assert.match(files.stdout, reason);
  assertClean(folder, 'check --env-file folder');
  assert.equal(folder.code, 2);
  assert.match(folder.stderr, /--env-file .*src: a folder, not a file .*KD_ERR_FILE/u);
});

test('scan: skips are named (FIFO, symlink loop, binary, too large), the 200-level folder is read, no crash', { skip: NEEDS_BUILD }, async () => {
  const r = await runBuilt(['scan', '--verbose', root], { env: ENV });
  assertClean(r, 'scan --verbose');
  const out = r.stdout + r.stderr;
  assert.match(out, /skipped src\/pipe\.js: FIFO, not a regular file/u);
  assert.match(out, /skipped src\/loop1: symlink loop/u);
  assert.match(out, /skipped src\/up: symlink to a folder \(not followed\)/u);
  assert.match(out, /skipped bin\.js: binary content/u);
  assert.match(out, /skipped huge\.py: larger than 2 MB/u);
  assert.match(out, /deep\/(?:d\/){199}d\/app\.js:1/u);
  if (!IS_ROOT) assert.match(out, /skipped secret\.py: permission denied/u);
  assertNoKey(out, 'scan');
});

test('scan --max-file-size 32: the 20 MB one-line files are read to the end, in JSON and SARIF', { skip: NEEDS_BUILD }, async () => {
  const [json, sarif] = await Promise.all([
    runBuilt(['scan', '--max-file-size', '32', '--format', 'json', root], { env: ENV }),
    runBuilt(['scan', '--format', 'sarif', root], { env: ENV }),
  ]);
  assertClean(json, 'scan --format json');
  assert.ok(json.stdout.length > 0, `scan --format json printed nothing (exit ${json.code}): ${json.stderr.slice(0, 3000)}`);
  assertClean(sarif, 'scan --format sarif');
  const findings = (JSON.parse(json.stdout) as { findings: { id: string; location?: { file?: string; line?: number; column?: number } }[] }).findings;
  const atEnd = findings.find((f) => f.id === 'exposure/hardcoded-key' && f.location?.file === 'huge.py');
  assert.ok(atEnd && atEnd.location!.line === 1 && atEnd.location!.column! > TWENTY_MB, `the key at the end of huge.py: ${JSON.stringify(atEnd)}`);
  assert.equal((JSON.parse(sarif.stdout) as { version: string }).version, '2.1.0');
  assertNoKey(json.stdout + json.stderr + sarif.stdout + sarif.stderr, 'scan json/sarif');
});
