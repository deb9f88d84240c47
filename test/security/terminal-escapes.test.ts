// Issue #16 item 6: untrusted text (a server's description and user id, pasted text, file names, a base URL from
// .env) never writes escape sequences to the terminal. Only keydoctor's own colours may appear, and only with colour on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { terminalSafe } from '../../src/core/terminal-safe.js';
import { terminalReporter } from '../../src/reporters/terminal.js';
import { runCli } from '../helpers/cli.js';
import { T, httpServer, project } from '../live/helpers.js';

/** OSC 52 (write "hi" to the clipboard), clear screen, cursor home, BEL, CR, a C1 CSI and a bidi override. */
const PAYLOAD = '\u001b]52;c;aGk=\u0007\u001b[2J\u001b[H\rOK\u009b31m\u202e';
const OWN = /\u001b\[(?:1|2|22|31|32|33|36|39)m/gu;
/** keydoctor's own one-line progress meter on a terminal: carriage return and erase-line, redrawn in place. */
const OWN_PROGRESS = /\r\u001b\[K/gu;
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

function assertTerminalSafe(text: string, label: string): void {
  const bare = text.replace(OWN, '').replace(OWN_PROGRESS, '');
  const bad = UNSAFE.exec(bare);
  assert.equal(bad, null, `${label}: raw U+${bad?.[0].charCodeAt(0).toString(16).padStart(4, '0')} reaches the terminal near ${JSON.stringify(bare.slice(Math.max(0, (bad?.index ?? 0) - 30), (bad?.index ?? 0) + 10))}`);
}

test('terminalSafe: controls become visible \\uXXXX escapes; own colours kept only when asked', () => {
  assert.equal(terminalSafe(`a${PAYLOAD}b\tc\n`), 'a\\u001b]52;c;aGk=\\u0007\\u001b[2J\\u001b[H\\u000dOK\\u009b31m\\u202eb\tc\n');
  assert.equal(terminalSafe('\u001b[31mred\u001b[39m'), '\\u001b[31mred\\u001b[39m');
  assert.equal(terminalSafe('\u001b[31mred\u001b[39m\u001b]52;c;x\u0007', true), '\u001b[31mred\u001b[39m\\u001b]52;c;x\\u0007');
  // JSON stays valid and means the same: an escape inside a string decodes to the same character.
  const json = JSON.stringify({ s: 'x\u009by\u202e' });
  assert.deepEqual(JSON.parse(terminalSafe(json)), { s: 'x\u009by\u202e' });
});

test('a server\'s description and user id (live check), text and JSON, colour on and off', async () => {
  const { url } = await httpServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    if (req.url?.startsWith('/v2/users/me') && !req.url.includes('scopes')) res.end(JSON.stringify({ status: { code: 10000, description: `Ok${PAYLOAD}` }, user: { id: `alice${PAYLOAD}` } }));
    else res.end(JSON.stringify({ status: { code: 11009, description: `Bad key${PAYLOAD}`, details: `nope${PAYLOAD}` } }));
  });
  for (const flags of [['--color'], ['--no-color'], ['--json'], ['--verbose', '--color']]) {
    const r = await runCli(['check', project(), ...flags], { env: { PATH: process.env.PATH, CLARIFAI_PAT: T.pat, CLARIFAI_API_BASE: url }, tty: true });
    assertTerminalSafe(r.stdout, `check ${flags.join(' ')} stdout`);
    assertTerminalSafe(r.stderr, `check ${flags.join(' ')} stderr`);
    if (flags[0] !== '--json') assert.match(r.stdout + r.stderr, /\\u001b\]52/u, `check ${flags.join(' ')}: the payload is not shown`);
  }
});

test('text pasted to explain', async () => {
  for (const flags of [[], ['--json'], ['--color']]) {
    const r = await runCli(['explain', ...flags, '-'], { stdin: `{"status":{"code":11009,"description":"API key not found${PAYLOAD}"}}\nError: 401 Unauthorized ${PAYLOAD}` });
    assertTerminalSafe(r.stdout + r.stderr, `explain ${flags.join(' ')}`);
  }
});

test('scanned file names and a base URL from .env (scan, env, check --offline, check)', async () => {
  const name = `evil\u001b]52;c;aGk=\u0007\u001b[2J`;
  const dir = project({
    '.env': `CLARIFAI_PAT=${T.pat}\nCLARIFAI_API_BASE=https://x${PAYLOAD}.example\nCLARIFAI_USER_ID=bob${PAYLOAD}\n`,
  });
  mkdirSync(join(dir, name));
  writeFileSync(join(dir, name, `app${PAYLOAD}.py`), `from clarifai.client.user import User\nCLARIFAI_PAT = "${T.appKey}"\nrequests.post("https://api.clarifai.com/v1/models", headers={"Authorization": "Bearer " + os.environ["CLARIFAI_PAT"]})\n`);
  for (const argv of [['scan', dir], ['scan', dir, '--json'], ['scan', dir, '--format', 'sarif'], ['env', dir], ['check', '--offline', dir, '--color'], ['check', dir]]) {
    const r = await runCli(argv, { env: { PATH: process.env.PATH }, tty: true });
    assertTerminalSafe(r.stdout, `${argv.join(' ')} stdout`);
    assertTerminalSafe(r.stderr, `${argv.join(' ')} stderr`);
  }
  const scan = await runCli(['scan', dir], { env: { PATH: process.env.PATH } });
  assert.match(scan.stdout, /evil\\u001b\]52/u, 'the file name is not shown');
});

test('the terminal reporter escapes a finding\'s fields itself (library users print it directly)', () => {
  const report = {
    version: '0',
    command: 'check',
    findings: [{ id: 'key/placeholder', category: 'key', severity: 'error', message: `m${PAYLOAD}`, fix: `f${PAYLOAD}`, location: { file: `a${PAYLOAD}.js`, line: 1, snippet: `s${PAYLOAD}` } }],
    checks: [],
    categories: [{ category: 'key', status: 'checked' }],
    credentials: [],
    summary: { errors: 1, warnings: 0, infos: 0, checksRun: 1, checksSkipped: 0, checksCrashed: 0 },
    notes: [`n${PAYLOAD}`],
  } as unknown as Parameters<typeof terminalReporter>[0];
  const out = terminalReporter(report, { color: true, unicode: true });
  assert.match(out, /m\\u001b\]52/u, 'the finding is not shown');
  assertTerminalSafe(out, 'terminalReporter');
  assert.match(out, /\u001b\[31m/u, 'the reporter\'s own colours are gone');
});
