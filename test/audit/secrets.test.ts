// The secret audit: every command and output format, on a project that plants a distinct known key in every
// source (shell, each .env file, --env-file, code, notebook output, Markdown curl, the emulator's state, pasted
// text, a routes query, the command line). No key may appear in full in any stdout, stderr or written file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { assertClean, NEEDS_BUILD, runBuilt } from '../hardening/helpers.js';

/** One obviously fake key per place (32 lowercase hex ending in 0000), so a leak names its source. */
const K = {
  shellPat: '1a7f3c9e5b2d4f608e1c3a5b7d9f0000',
  shellApiKey: '2b8e4d0f6c3e5a719f2d4b6c8e0a0000',
  dotenv: '3c9f5e1a7d4f6b82a03e5c7d9f1b0000',
  dotenvQuoted: '4d0a6f2b8e5a7c93b14f6d8e0a2c0000',
  dotenvInvisible: '5e1b7a3c9f6b8da4c25a7e9f1b3d0000',
  local: '6f2c8b4d0a7c9eb5d36b8f0a2c4e0000',
  development: '7a3d9c5e1b8daf06e47c9a1b3d5f0000',
  example: '8b4e0d6f2c9eba17f58dab2c4e6a0000',
  envFile: '9c5f1e7a3dafcb28a69ebc3d5f7b0000',
  code: 'ad6a2f8b4ebadc39b7afcd4e6a8c0000',
  notebook: 'be7b3a9c5fcbed4ac8bade5f7b9d0000',
  markdown: 'cf8c4bad6adcfe5bd9cbef6a8cae0000',
  statePat: 'd09d5cbe7bedaf6ceadcfa7b9dbf0000',
  stateOnly: 'e1ae6dcf8cfeba7dfbedab8caec00000',
  explain: 'f2bf7ed09dafcb8eacfebc9dbfd10000',
  routes: '03c08fe1aebadc9fbdafcdaec0e20000',
  argv: '14d19af2bfcbed0acebadebfd1f30000',
};
const KEYS = Object.entries(K);

let dir = '';
/** Every byte the commands print or write, by command, for the final sweep. */
const outputs: { label: string; text: string }[] = [];

function record(label: string, r: CliResult | { stdout: string; stderr: string }): void {
  outputs.push({ label, text: `${r.stdout}\n${r.stderr}` });
  const leaked = KEYS.filter(([, k]) => r.stdout.includes(k) || r.stderr.includes(k)).map(([name]) => name);
  assert.deepEqual(leaked, [], `${label} printed keys in full: ${leaked.join(', ')}`);
}

function recordFile(label: string, path: string): void {
  const text = readFileSync(path, 'utf8');
  record(label, { stdout: text, stderr: '' });
}

const notebook = {
  cells: [
    {
      cell_type: 'code',
      execution_count: 1,
      metadata: {},
      source: ['import os\n', 'from clarifai.client.model import Model\n', 'print(os.environ["CLARIFAI_PAT"])'],
      outputs: [{ output_type: 'stream', name: 'stdout', text: [`${K.notebook}\n`] }],
    },
  ],
  metadata: { kernelspec: { language: 'python', name: 'python3' } },
  nbformat: 4,
  nbformat_minor: 5,
};

const STATE = {
  users: [{ id: 'alice', apps: ['photos'] }],
  keys: [
    { id: K.statePat, type: 'personal_access_token', user_id: 'alice', scopes: ['All'] },
    { id: K.local, type: 'personal_access_token', user_id: 'alice', scopes: ['All'] },
    { id: K.stateOnly, type: 'app_specific_key', user_id: 'alice', app_id: 'photos', scopes: ['Predict'] },
  ],
  rate_limit_rps: null,
};

const file = (name: string, text: string) => writeFileSync(join(dir, name), text);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'kd-audit-'));
  file('.env', `CLARIFAI_PAT=${K.dotenv}\nCLARIFAI_API_KEY="${K.dotenvQuoted}\\n"\nCLARIFAI_SESSION_TOKEN='${K.dotenvInvisible.slice(0, 16)}\u200b${K.dotenvInvisible.slice(16)}'\nCLARIFAI_USER_ID=alice\nCLARIFAI_APP_ID=photos\n`);
  file('.env.local', `CLARIFAI_PAT=${K.local}\n`);
  file('.env.development', `CLARIFAI_API_KEY=${K.development}\n`);
  file('.env.example', `CLARIFAI_PAT=${K.example}\n`);
  file('extra.env', `CLARIFAI_PAT=${K.envFile}\n`);
  file('app.js', `const CLARIFAI_PAT = "${K.code}";\nfetch("https://api.clarifai.com/v2/users/alice/apps/photos/models/general-image-recognition/outputs", { method: "POST", headers: { Authorization: "Key " + CLARIFAI_PAT } });\n`);
  file('explore.ipynb', JSON.stringify(notebook, null, 1));
  file('README.md', `# Try it\n\n\`\`\`sh\ncurl -X POST https://api.clarifai.com/v2/models/general-image-recognition/outputs -H "Authorization: Key ${K.markdown}"\n\`\`\`\n`);
  file('state.json', JSON.stringify(STATE));
});

after(() => {
  // The final sweep: every output of every command, once more, for every key.
  for (const { label, text } of outputs) for (const [name, key] of KEYS) assert.ok(!text.includes(key), `${label}: ${name}`);
  // And the audit saw them: every planted key (but the one only the emulator's state holds) shows up masked somewhere.
  const all = outputs.map((o) => o.text).join('\n');
  const unseen = KEYS.filter(([name, key]) => name !== 'stateOnly' && !all.includes(`${key.slice(0, 4)}…`)).map(([name]) => name);
  assert.deepEqual(unseen, [], `planted keys no command ever reported (masked): ${unseen.join(', ')}`);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const SHELL = () => ({ PATH: process.env.PATH, CLARIFAI_PAT: K.shellPat, CLARIFAI_API_KEY: K.shellApiKey, NODE_ENV: 'development' });
const cli = async (label: string, argv: string[], options: { env?: Record<string, string | undefined>; stdin?: string } = {}) => {
  const r = await runCli(argv, { cwd: dir, env: options.env ?? SHELL(), ...(options.stdin !== undefined ? { stdin: options.stdin } : {}) });
  assert.ok([0, 1, 2].includes(r.code), `${label}: exit ${r.code}`);
  record(label, r);
  return r;
};

/** `keydoctor emulator` in-process with the state and a log file; returns its URLs and a stop function. */
async function emulatorCli(logFile: string) {
  let stdout = '';
  let stderr = '';
  let stop: () => void = () => {};
  let seen: () => void = () => {};
  const io: CliIO = {
    stdout: (t) => {
      stdout += t;
      seen();
    },
    stderr: (t) => void (stderr += t),
    env: {},
    cwd: dir,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    readStdin: async () => '',
    onStop: (handler) => void (stop = handler),
  };
  const done = run(['emulator', '--state', join(dir, 'state.json'), '--port', '0', '--grpc-port', '0', '--log', logFile], io);
  const urls = await new Promise<{ rest: string; grpc: string }>((resolve, reject) => {
    seen = () => {
      const rest = /REST {2}(\S+)/u.exec(stdout);
      const grpc = /gRPC {2}(\S+)/u.exec(stdout);
      if (rest && grpc) resolve({ rest: rest[1]!, grpc: grpc[1]! });
    };
    done.then((code) => reject(new Error(`emulator exited early with ${code}: ${stderr}`)), reject);
  });
  return {
    ...urls,
    stop: async () => {
      stop();
      assert.equal(await done, 0);
      return { stdout, stderr };
    },
  };
}

test('check --offline: text, --json, --verbose, --env-file', async () => {
  await cli('check --offline', ['check', '--offline', dir]);
  await cli('check --offline --json', ['check', '--offline', '--json', dir]);
  await cli('check --offline --verbose --env-file', ['check', '--offline', '--verbose', '--env-file', 'extra.env', dir]);
  await cli('check --offline --json --no-scan (no NODE_ENV)', ['check', '--offline', '--json', '--no-scan', dir], { env: { ...SHELL(), NODE_ENV: undefined } });
});

test('env: text, --json, --env-file', async () => {
  await cli('env', ['env', dir]);
  await cli('env --json', ['env', '--json', dir]);
  await cli('env --env-file', ['env', '--env-file', 'extra.env', '--json', dir]);
});

test('explain: text, --json, stdin, with the key pasted in several shapes', async () => {
  const pastes = [
    `{"status":{"code":11009,"description":"API key not found","details":"invalid key(${K.explain})"}}`,
    `curl -H "Authorization: Key ${K.explain}" https://api.clarifai.com/v2/models\nHTTP/1.1 401 Unauthorized`,
    `CLARIFAI_PAT=${K.explain} python app.py\nstatus { code: CONN_KEY_INVALID }`,
    `body="{\\"status\\":{\\"code\\":11009,\\"details\\":\\"invalid key(${K.explain})\\"}}"`,
    `my key ${K.explain} gives 11008`,
  ];
  for (const [i, paste] of pastes.entries()) {
    await cli(`explain #${i}`, ['explain', paste]);
    await cli(`explain --json #${i}`, ['explain', '--json', paste]);
    await cli(`explain - #${i}`, ['explain', '-'], { stdin: paste });
  }
});

test('scan: text, --json, sarif, --verbose, --output, --write-baseline, --baseline', async () => {
  await cli('scan', ['scan', dir]);
  await cli('scan --verbose', ['scan', '--verbose', dir]);
  await cli('scan --json', ['scan', '--json', dir]);
  await cli('scan --format sarif', ['scan', '--format', 'sarif', dir]);
  const sarif = join(dir, 'out.sarif');
  await cli('scan --output', ['scan', '--format', 'sarif', '--output', sarif, dir]);
  recordFile('scan --output file', sarif);
  const json = join(dir, 'out.json');
  await cli('scan --json --output', ['scan', '--json', '-o', json, dir]);
  recordFile('scan --json --output file', json);
  const baseline = join(dir, 'baseline.json');
  await cli('scan --write-baseline', ['scan', '--write-baseline', baseline, dir]);
  recordFile('baseline file', baseline);
  await cli('scan --baseline', ['scan', '--baseline', baseline, dir]);
});

test('fix: the preview diff, text and --json (nothing is written)', async () => {
  await cli('fix', ['fix', dir]);
  await cli('fix --json', ['fix', '--json', dir]);
});

test('routes: a key-shaped path and URL, text and --json', async () => {
  await cli('routes path', ['routes', `GET /v2/models/${K.routes}/outputs`]);
  await cli('routes url --json', ['routes', '--json', `POST https://api.clarifai.com/v2/users/${K.routes}/apps/x/models/y/outputs`]);
  await cli('routes no match', ['routes', `GET /v2/${K.routes}`]);
});

test('usage errors that echo what was typed: a key as command, option, option value, file name', async () => {
  for (const argv of [
    [K.argv],
    ['check', `--${K.argv}`],
    ['check', '--timeout', K.argv],
    ['check', '--transport', K.argv],
    ['check', '--env-file', `/nonexistent/${K.argv}.env`],
    ['scan', '--format', K.argv, dir],
    ['check', '--offline', `${dir}/${K.argv}`],
    ['routes'],
    ['explain'], // no text: unrecognised text is not a usage error (it exits 0)
  ]) {
    const r = await cli(`usage: ${argv.join(' ').replaceAll(K.argv, 'KEY')}`, argv);
    assert.equal(r.code, 2, `${argv.join(' ')} exit ${r.code}: ${r.stderr}`);
  }
});

test('live: check against the emulator (REST text, --json, --verbose; gRPC), and the emulator\'s own log', async () => {
  const log = join(dir, 'emulator.log');
  const e = await emulatorCli(log);
  const live = { ...SHELL(), CLARIFAI_API_BASE: e.rest, CLARIFAI_GRPC_BASE: e.grpc };
  try {
    await cli('check live', ['check', dir], { env: live });
    await cli('check live --json --verbose', ['check', '--json', '--verbose', '--call', 'POST /v2/users/alice/apps/photos/models/m/outputs', dir], { env: live });
    await cli('check live --env-file --verbose', ['check', '--verbose', '--env-file', 'extra.env', dir], { env: live });
    await cli('check live grpc', ['check', '--transport', 'grpc', '--verbose', dir], { env: live });
    // Requests straight at the emulator carrying keys: unknown, malformed header, valid.
    for (const auth of [`Key ${K.shellPat}`, `Bearer ${K.shellApiKey}`, `Key ${K.statePat}`, `Key "${K.local}"`]) {
      await fetch(`${e.rest}/v2/users/me`, { headers: { authorization: auth } }).then((r) => r.text());
    }
  } finally {
    record('emulator stdout/stderr', await e.stop());
  }
  recordFile('emulator --log file', log);
  assert.ok(readFileSync(log, 'utf8').split('\n').filter(Boolean).length >= 8, 'the log holds the probes and the direct requests');
});

test('demo: text, --json, --verbose', async () => {
  await cli('demo', ['demo']);
  await cli('demo --json', ['demo', '--json']);
  await cli('demo --verbose --transport grpc', ['demo', '--verbose', '--transport', 'grpc']);
});

test('the built binary: live check --json --verbose and a usage error, as a child process', { skip: NEEDS_BUILD }, async () => {
  const log = join(dir, 'emulator-built.log');
  const e = await emulatorCli(log);
  const env = { ...SHELL(), CLARIFAI_API_BASE: e.rest };
  try {
    const [live, usage] = await Promise.all([
      runBuilt(['check', '--json', '--verbose', '--env-file', 'extra.env', dir], { cwd: dir, env }),
      runBuilt(['check', '--timeout', K.argv], { cwd: dir, env }),
    ]);
    assertClean(live, 'built check');
    assertClean(usage, 'built usage error');
    record('built check live', live);
    record('built usage error', usage);
  } finally {
    record('emulator (built run)', await e.stop());
  }
  recordFile('emulator --log file (built run)', log);
});
