import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { DEMO_TOKENS } from '../../src/emulator/index.js';
import { runCli } from '../helpers/cli.js';

const BIN = join(process.cwd(), 'bin', 'keydoctor.js');
const UNKNOWN = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';

/** Runs `keydoctor emulator` in-process; stop() plays the part of Ctrl+C. */
function startInProcess(argv: string[]) {
  let stdout = '';
  let stderr = '';
  let stop: () => void = () => {};
  let onOut: () => void = () => {};
  const io: CliIO = {
    stdout: (t) => {
      stdout += t;
      onOut();
    },
    stderr: (t) => void (stderr += t),
    env: {},
    cwd: process.cwd(),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    readStdin: async () => '',
    onStop: (handler) => void (stop = handler),
  };
  const done = run(['emulator', ...argv], io);
  const urls = new Promise<{ rest: string; grpc: string }>((resolve, reject) => {
    onOut = () => {
      const rest = /REST {2}(\S+)/u.exec(stdout);
      const grpc = /gRPC {2}(\S+)/u.exec(stdout);
      if (rest && grpc) resolve({ rest: rest[1]!, grpc: grpc[1]! });
    };
    done.then((code) => reject(new Error(`exited early with ${code}: ${stderr}`)), reject);
  });
  return { urls, done, stop: () => stop(), output: () => ({ stdout, stderr }) };
}

test('keydoctor emulator --port 0 prints its URLs, logs masked JSON lines to stderr and stops on the stop signal', async () => {
  const e = startInProcess(['--port', '0', '--grpc-port', '0']);
  const { rest, grpc } = await e.urls;
  assert.match(rest, /^http:\/\/127\.0\.0\.1:\d+$/u);
  assert.match(grpc, /^127\.0\.0\.1:\d+$/u);
  const r = await fetch(`${rest}/v2/models`, { headers: { authorization: `Key ${UNKNOWN}` } });
  assert.equal(((await r.json()) as { status: { code: number } }).status.code, 11009);
  e.stop();
  assert.equal(await e.done, 0);
  const { stderr } = e.output();
  const entry = JSON.parse(stderr.split('\n')[0]!);
  assert.equal(entry.code, 11009);
  assert.equal(entry.key, '3f9a…00 (32 chars)');
  assert.ok(!stderr.includes(UNKNOWN));
  assert.match(stderr, /stopped after 1 request\./u);
});

test('--log FILE writes the request log there, --state FILE loads users and keys, --latency is accepted', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kd-emu-'));
  const statePath = join(dir, 'state.json');
  const logPath = join(dir, 'requests.jsonl');
  writeFileSync(statePath, JSON.stringify({ users: [{ id: 'u', apps: ['a'] }], keys: [{ id: UNKNOWN, type: 'app_specific_key', user_id: 'u', app_id: 'a', scopes: ['All'] }] }));
  const e = startInProcess(['--state', statePath, '--log', logPath, '--latency', '5']);
  const { rest } = await e.urls;
  const r = await fetch(`${rest}/v2/myscopes`, { headers: { authorization: `Key ${UNKNOWN}` } });
  assert.equal(((await r.json()) as { status: { code: number } }).status.code, 10000);
  e.stop();
  assert.equal(await e.done, 0);
  const lines = readFileSync(logPath, 'utf8').trim().split('\n');
  assert.equal(lines.length, 1);
  assert.equal(JSON.parse(lines[0]!).decision, 'allow');
  assert.ok(!lines[0]!.includes(UNKNOWN));
  assert.doesNotMatch(e.output().stderr, /\{"time"/u);
});

test('a bad state file is exit code 2 with the JSON path, not a stack trace', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kd-emu-'));
  const statePath = join(dir, 'state.json');
  writeFileSync(statePath, JSON.stringify({ users: [{ id: 'u', apps: ['a'] }], keys: [{ id: UNKNOWN, type: 'pat', user_id: 'u', scopes: [] }] }));
  const r = await runCli(['emulator', '--state', statePath]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /keys\[0\]\.type must be "app_specific_key" or "personal_access_token".*KD_ERR_STATE/u);
  assert.doesNotMatch(r.stderr, /\n\s+at /u);
  assert.ok(!r.stderr.includes(UNKNOWN));
});

test('bad options are usage errors: a non-number port, a remote host without --allow-remote', async () => {
  const port = await runCli(['emulator', '--port', 'eighty']);
  assert.equal(port.code, 2);
  assert.match(port.stderr, /--port takes a number/u);
  const host = await runCli(['emulator', '--host', '0.0.0.0']);
  assert.equal(host.code, 2);
  assert.match(host.stderr, /loopback/u);
});

test('--help documents every flag', async () => {
  const r = await runCli(['emulator', '--help']);
  assert.equal(r.code, 0);
  for (const flag of ['--port', '--grpc-port', '--state', '--latency', '--host', '--log', '--allow-remote']) assert.ok(r.stdout.includes(flag), flag);
});

test('the built CLI (node bin/keydoctor.js emulator --port 0) serves, then exits 0 on SIGTERM and on SIGINT', { skip: !existsSync(join(process.cwd(), 'dist', 'cli', 'commands', 'emulator.js')) && 'run npm run build first' }, async () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const child = spawn(process.execPath, [BIN, 'emulator', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const rest = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c) => {
        stdout += c;
        const m = /REST {2}(\S+)/u.exec(stdout);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
    });
    const r = await fetch(`${rest}/v2/users/me`, { headers: { authorization: `Key ${DEMO_TOKENS.pat}` } });
    assert.equal(((await r.json()) as { user: { id: string } }).user.id, 'demo-user');
    const exit = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, sig) => resolve({ code, signal: sig })));
    child.kill(signal);
    assert.deepEqual(await exit, { code: 0, signal: null }, `${signal}: ${stderr}`);
    assert.match(stderr, /stopped after 1 request/u);
    assert.ok(!stdout.includes(DEMO_TOKENS.pat) && !stderr.includes(DEMO_TOKENS.pat));
  }
});
