// Issue #16 item 11 (and the item 13 command-line and proxy-password cases): a key-shaped value is masked whatever the
// variable is called; a proxy URL's password is hidden; a 32-character key of only letters or only digits typed on
// the command line is masked too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';
import { project } from '../live/helpers.js';

/** Distinct fake keys, so a leak names its variable. */
const hex = (i: number) => `${(0x1a2b3c4d + i * 7919).toString(16).padStart(8, '0')}9e8d7c6b5a4f3e2d1c0b${i.toString(16).padStart(4, '0')}`;
const NAMES = [
  'CLARIFAI_PW', 'VITE_CLARIFAI', 'CLARIFAI', 'MY_CLARIFAI', 'REACT_APP_CLARIFAI', 'NEXT_PUBLIC_CLARIFAI', 'CLARIFAI_PASS', 'CLARIFAI_CRED',
  'CLARIFAI_ID', 'CLARIFAI_VALUE', 'CLARIFAI_USER_ID', 'CLARIFAI_APP_ID', 'clarifai_pat_typo', 'CLARIFAI-PAT', 'CLARIFAI_LOGIN', 'CLARIFAI_PRIVATE',
];

function windows(key: string): string[] {
  return Array.from({ length: key.length - 6 }, (_, i) => key.slice(i, i + 7));
}

test('env: key-shaped values under names that do not look secret are masked, in the shell and in .env, text and JSON', async () => {
  const lines: string[] = [];
  const shell: Record<string, string> = { PATH: process.env.PATH ?? '' };
  const keys: Record<string, string> = {};
  NAMES.forEach((name, i) => {
    keys[`${name} (.env)`] = hex(i);
    lines.push(`${name}=${hex(i)}`);
    keys[`${name} (shell)`] = hex(100 + i);
    shell[name] = hex(100 + i);
  });
  keys['CLARIFAI_BEARER'] = hex(200);
  lines.push(`CLARIFAI_BEARER="Key ${hex(200)}"`);
  const letters = 'qwertyuiopasdfghjklzxcvbnmqwerty';
  keys['CLARIFAI_TOKEN_LETTERS'] = letters;
  lines.push(`CLARIFAI_SOMETHING=${letters}`);
  const dir = project({ '.env': `${lines.join('\n')}\n` });
  for (const argv of [['env', dir], ['env', dir, '--json'], ['check', '--offline', dir], ['check', '--offline', dir, '--json']]) {
    const r = await runCli(argv, { env: shell });
    const out = r.stdout + r.stderr;
    for (const [where, key] of Object.entries(keys)) {
      const leak = windows(key).find((w) => out.includes(w));
      assert.equal(leak, undefined, `${argv.join(' ')}: ${where} shows ${leak}`);
    }
  }
  // Ordinary values stay readable.
  const plain = await runCli(['env', project({ '.env': 'CLARIFAI_USER_ID=alice\nCLARIFAI_APP_ID=my-photo-app\n' })], { env: { PATH: process.env.PATH } });
  assert.match(plain.stdout, /"alice"/u);
  assert.match(plain.stdout, /"my-photo-app"/u);
});

test('env --expect HTTPS_PROXY shows the proxy but not its password', async () => {
  const r = await runCli(['env', project(), '--expect', 'HTTPS_PROXY'], { env: { PATH: process.env.PATH, HTTPS_PROXY: 'http://alice:hunter2hunter2@proxy.corp.example:3128' } });
  assert.doesNotMatch(r.stdout + r.stderr, /hunter2/u);
  assert.match(r.stdout, /proxy\.corp\.example:3128/u);
  const json = await runCli(['env', project(), '--expect', 'HTTPS_PROXY', '--json'], { env: { PATH: process.env.PATH, HTTPS_PROXY: 'http://alice:hunter2hunter2@proxy.corp.example:3128' } });
  assert.doesNotMatch(json.stdout + json.stderr, /hunter2/u);
});

test('a 32-character key of only letters or only digits typed on the command line is masked in the usage error', async () => {
  for (const key of ['qwertyuiopasdfghjklzxcvbnmqwerty', '12345678901234567890123456789012']) {
    const r = await runCli(['check', '--timeout', key], { env: { PATH: process.env.PATH } });
    assert.equal(r.code, 2);
    assert.ok(!(r.stdout + r.stderr).includes(key.slice(4, 14)), r.stderr);
  }
});
