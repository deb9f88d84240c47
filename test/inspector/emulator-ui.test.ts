// `keydoctor emulator --ui` in a real headless Chromium: each request the emulator answers becomes a row with its reason and diagnosis.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { DEMO_TOKENS } from '../../src/emulator/index.js';
import { CSP } from '../../src/inspector/server.js';
import { BIN, baseEnv } from '../intercept/helpers.js';
import { NO_BROWSER, inspectorUrl, launchBrowser, rawGet, readEvents, waitFor } from './helpers.js';

const UNKNOWN = 'feed0000feed0000feed0000feed0000';

let browser: Browser | undefined;
before(async () => {
  if (!NO_BROWSER) browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the emulator page shows a good and a rejected request, the rejected one with the emulator\'s reason and the diagnosis', { skip: NO_BROWSER }, async () => {
  const child = spawn(process.execPath, [BIN, 'emulator', '--ui'], { cwd: mkdtempSync(join(tmpdir(), 'kd-emu-ui-')), env: baseEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => (stdout += c));
  child.stderr!.on('data', (c) => (stderr += c));
  const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  try {
    const { url, port, token } = await waitFor(() => inspectorUrl(stdout), 'the inspector address');
    const rest = /REST {2}(http:\/\/127\.0\.0\.1:\d+)/u.exec(stdout)![1]!;
    // A real client (Node's fetch) against the emulator: one good PAT call, one call with a key it does not know.
    const ok = await fetch(`${rest}/v2/users/me/apps`, { headers: { Authorization: `Key ${DEMO_TOKENS.pat}` } });
    assert.equal(ok.status, 200);
    const bad = await fetch(`${rest}/v2/users/demo-user/apps/demo-app/models/general-image-recognition/outputs`, {
      method: 'POST',
      headers: { Authorization: `Key ${UNKNOWN}`, 'Content-Type': 'application/json' },
      body: '{"inputs":[]}',
    });
    assert.equal(bad.status, 401);

    const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(url);
    await page.locator('tr.row').nth(1).waitFor();
    assert.equal(await page.locator('tr.row.ok').count(), 1);
    assert.match(await page.locator('#mode').innerText(), /emulator/u);
    await page.locator('tr.row.rejected').click();
    const text = await page.locator('#detail').innerText();
    assert.match(text, /The emulator denied it: no key with this token/u);
    assert.match(text, /key\/unknown-key/u);
    assert.match(text, /root cause/u);
    assert.match(text, /11009/u);
    assert.match(await page.locator('pre.curl').innerText(), /-H "Authorization: Key \$CLARIFAI_PAT"/u);
    // A third request arrives while the page is open: it appears without a reload.
    await fetch(`${rest}/v2/users/me/apps`, { headers: { Authorization: 'Bearer' } });
    await page.locator('tr.row').nth(2).waitFor();
    const shots = mkdtempSync(join(tmpdir(), 'kd-emu-ui-shot-'));
    await page.screenshot({ path: join(shots, 'emulator-1280.png') });
    const dom = await page.evaluate(() => document.documentElement.outerHTML);
    for (const k of [UNKNOWN, DEMO_TOKENS.pat]) assert.ok(!dom.includes(k), `the DOM holds ${k.slice(0, 4)}…`);
    assert.deepEqual(problems, []);
    await page.close();

    const sse = await readEvents(port, token, (t) => /event: snapshot\ndata: .*\n\n/u.test(t));
    for (const k of [UNKNOWN, DEMO_TOKENS.pat]) assert.ok(!sse.text.includes(k), `the event stream holds ${k.slice(0, 4)}…`);
    assert.match(sse.text, /"code":11009/u);
    assert.equal((await rawGet(port, '/api/events')).status, 403);
    assert.equal((await rawGet(port, '/api/state', { host: 'localhost.attacker.example' })).status, 403);
    assert.equal((await rawGet(port, '/')).headers['content-security-policy'], CSP);
  } finally {
    child.kill('SIGINT');
  }
  assert.equal(await done, 0, stderr);
  assert.match(stderr, /stopped after 3 requests/u);
});
