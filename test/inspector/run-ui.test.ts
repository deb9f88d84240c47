// `keydoctor run --ui` in a real headless Chromium: a good and a rejected call appear live, the rejected one is diagnosed, nothing leaks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { DEMO_TOKENS, type RunningEmulator } from '../../src/emulator/index.js';
import { CSP } from '../../src/inspector/server.js';
import { BIN, baseEnv, startUpstream } from '../intercept/helpers.js';
import { NO_BROWSER, inspectorUrl, launchBrowser, rawGet, readEvents, waitFor } from './helpers.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/two-calls/', import.meta.url));
/** The app key in the fixture's .env, which the emulator does not know (11009). */
const STALE = readFileSync(join(FIXTURE, '.env'), 'utf8').match(/CLARIFAI_API_KEY=(\w+)/u)![1]!;
const PLANTED = [STALE, DEMO_TOKENS.pat];

function assertNoKey(where: string, text: string): void {
  for (const k of PLANTED) assert.ok(!text.includes(k), `${where} holds the planted key ${k.slice(0, 4)}…`);
}

let emu: RunningEmulator;
let browser: Browser | undefined;
before(async () => {
  emu = await startUpstream();
  if (!NO_BROWSER) browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await emu.close();
});

function startKd(args: string[], extra: Record<string, string> = {}): { child: ChildProcess; stderr: () => string; done: Promise<{ code: number | null; stderr: string }> } {
  const tmp = mkdtempSync(join(tmpdir(), 'kd-ui-test-'));
  const child = spawn(process.execPath, [BIN, 'run', ...args], { cwd: FIXTURE, env: { ...baseEnv({ CLARIFAI_PAT: DEMO_TOKENS.pat, ...extra }), TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  child.stdout!.resume();
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  return { child, stderr: () => stderr, done };
}

test('the page lists both calls live, opens the rejected one with its diagnosis, and never shows a key', { skip: NO_BROWSER }, async () => {
  const holdFile = join(mkdtempSync(join(tmpdir(), 'kd-ui-hold-')), 'go');
  const kd = startKd(['--ui', '--upstream', emu.restUrl, '--', process.execPath, 'index.mjs'], { HOLD_FILE: holdFile });
  try {
    const { url, port, token } = await waitFor(() => inspectorUrl(kd.stderr()), 'the inspector address on stderr');
    // The whole event stream of the run, from before the first call until the command has exited.
    const stream = readEvents(port, token, (t) => t.includes('"state":"exited"'));
    const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(url);
    // Live: the first call is on the page while the app is still running (it waits for the hold file).
    await page.locator('tr.row.ok').waitFor();
    assert.equal(await page.locator('tr.row').count(), 1);
    assert.equal(await page.locator('body').getAttribute('data-state'), 'running');
    writeFileSync(holdFile, '');
    await page.locator('tr.row').nth(1).waitFor();
    await page.locator('body[data-state="exited"]').waitFor();
    assert.match(await page.locator('#status').innerText(), /exited with code 0\. keydoctor keeps serving this page until you press Ctrl-C/u);
    assert.equal(await page.locator('tr.row').count(), 2);
    assert.equal(await page.locator('tr.row.ok').count(), 1);
    assert.equal(await page.locator('tr.row.rejected').count(), 1);
    assert.match(await page.locator('tr.row.rejected').innerText(), /POST\s+api\.clarifai\.com\/v2\/users\/clarifai\/apps\/main\/models\/general-image-recognition\/outputs/u);
    assert.match(await page.locator('tr.row.rejected').innerText(), /11009 API key not found/u);
    assert.match(await page.locator('tr.row.rejected').innerText(), /CLARIFAI_API_KEY at \.env:1/u);
    assert.match(await page.locator('tr.row.ok').innerText(), /the shell's CLARIFAI_PAT/u);
    assert.equal(await page.locator('svg#timeline rect.mark').count(), 2);
    assert.equal(await page.locator('svg#timeline rect.mark.rejected').count(), 1);

    // The keyboard alone: Tab reaches the rows, ↓ moves to the rejected call, Enter opens it.
    await page.locator('tr.row').first().focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('rejected')), true);
    await page.keyboard.press('Enter');
    const detail = page.locator('#detail');
    await detail.waitFor({ state: 'visible' });
    const text = await detail.innerText();
    assert.match(text, /root cause/u);
    assert.match(text, /key\/live-rejected/u);
    assert.match(text, /Clarifai rejects CLARIFAI_API_KEY \(\.env:1\): Clarifai answered 11009 API key not found/u);
    assert.match(text, /Fix: Copy a current key into \.env line 1/u);
    assert.match(text, /Authorization\s+Key dead…00 \(32 chars\)/u);
    const curl = await page.locator('pre.curl').innerText();
    assert.match(curl, /curl -X POST 'https:\/\/api\.clarifai\.com\/v2\/users\/clarifai\/apps\/main\/models\/general-image-recognition\/outputs'/u);
    assert.match(curl, /-H "Authorization: Key \$CLARIFAI_API_KEY"/u);
    // The button puts exactly that text on the clipboard.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    await page.locator('#copy-curl').click();
    await page.locator('#detail [role="status"]', { hasText: 'copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, curl);
    assertNoKey('the copied curl', copied);
    // The run's other finding (the .env is not git-ignored) is not about one call: it is listed for the whole run.
    assert.match(await page.locator('#run-findings').innerText(), /exposure\/env-file-committed/u);

    const shots = mkdtempSync(join(tmpdir(), 'kd-ui-shot-'));
    const png = await page.screenshot({ path: join(shots, 'inspector-1280.png'), fullPage: true });
    assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')]);

    // Escape closes the call and gives the focus back to its row; the filter keeps only the failing call.
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('rejected')), true);
    await page.locator('#only-failures').check();
    assert.equal(await page.locator('tr.row').count(), 1);
    assert.equal(await page.locator('tr.row.rejected').count(), 1);

    // A narrow window still shows every part of the call.
    await page.locator('#only-failures').uncheck();
    await page.setViewportSize({ width: 420, height: 900 });
    await page.locator('tr.row.rejected').click();
    assert.ok(await page.locator('#detail').isVisible());
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= 420, `no sideways scrolling at 420px (page is ${scrollWidth}px wide)`);
    // …and uses the window's width: the list and the opened call each take (nearly) all of it, one above the other.
    const boxes = await page.evaluate(() => ['.calls', '#detail'].map((s) => document.querySelector(s)!.getBoundingClientRect()).map((r) => ({ width: r.width, top: r.top })));
    for (const b of boxes) assert.ok(b.width >= 380, `a box only ${b.width}px wide at 420px`);
    assert.ok(boxes[1]!.top > boxes[0]!.top, 'the call follows the list');

    assertNoKey('the DOM', await page.evaluate(() => document.documentElement.outerHTML));
    assertNoKey('the page text', await page.evaluate(() => document.body.innerText));
    assert.deepEqual(problems, [], 'no script error and no CSP violation in the console');
    await page.close();

    // The event stream, live updates included, and a fresh snapshot: both rows, masked.
    const live = await stream;
    assert.match(live.text, /^event: rows$/mu);
    assert.match(live.text, /^event: meta$/mu);
    assertNoKey('the live event stream', live.text);
    const sse = await readEvents(port, token, (t) => /event: snapshot\ndata: .*\n\n/u.test(t));
    assert.equal(sse.status, 200);
    assert.match(sse.type ?? '', /^text\/event-stream/u);
    assert.match(sse.text, /"code":11009/u);
    assert.match(sse.text, /"code":10000/u);
    assertNoKey('the event stream', sse.text);
    const state = await rawGet(port, '/api/state', { 'x-keydoctor-token': token });
    assert.equal(state.status, 200);
    assert.equal((JSON.parse(state.body) as { rows: unknown[] }).rows.length, 2);
    assertNoKey('/api/state', state.body);

    // Every served file carries the CSP and nosniff, and none holds a key.
    for (const path of ['/', '/app.js', '/app.css']) {
      const r = await rawGet(port, path);
      assert.equal(r.status, 200, path);
      assert.equal(r.headers['content-security-policy'], CSP, path);
      assert.equal(r.headers['x-content-type-options'], 'nosniff', path);
      assertNoKey(path, r.body);
    }
    assert.match(CSP, /default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'/u);
    // The page's own markup has no inline script or style for the CSP to allow.
    const html = (await rawGet(port, '/')).body;
    assert.doesNotMatch(html, /<script>|<style|\sstyle=|\son[a-z]+=/u);

    // No token, a wrong token, a wrong Host, another method: refused.
    assert.equal((await rawGet(port, '/api/events')).status, 403);
    assert.equal((await rawGet(port, `/api/events?token=${token.slice(0, -1)}x`)).status, 403);
    assert.equal((await rawGet(port, '/api/state')).status, 403);
    assert.equal((await rawGet(port, '/api/state', { 'x-keydoctor-token': 'nope' })).status, 403);
    assert.equal((await rawGet(port, `/api/state?token=${token}`, { host: `attacker.example:${port}` })).status, 403);
    assert.equal((await rawGet(port, '/', { host: 'attacker.example' })).status, 403);
    assert.equal((await rawGet(port, `/api/state?token=${token}`, {}, 'POST')).status, 405);
    assert.equal((await rawGet(port, '/../package.json')).status, 404);

    // In the browser, a wrong token gets no rows and says why.
    const wrong = await browser!.newPage();
    await wrong.goto(url.replace(/#token=.*/u, '#token=wrong'));
    await wrong.locator('#status', { hasText: 'refused this page' }).waitFor();
    assert.equal(await wrong.locator('tr.row').count(), 0);
    await wrong.close();

    // The command has exited; the page keeps serving until Ctrl-C, then keydoctor ends with the command's code.
    await waitFor(() => (/press Ctrl-C to stop it/u.test(kd.stderr()) ? true : undefined), 'the keep-serving notice');
    assert.equal((await rawGet(port, '/')).status, 200);
    kd.child.kill('SIGINT');
    const r = await kd.done;
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /key\/live-rejected/u, 'the terminal report is printed as without --ui');
    assertNoKey('stderr', r.stderr);
    await assert.rejects(rawGet(port, '/'), /ECONNREFUSED/u);
  } finally {
    kd.child.kill('SIGKILL');
  }
});

test('--ui-exit stops serving when the command exits', async () => {
  const kd = startKd(['--ui-exit', '--upstream', emu.restUrl, '--', process.execPath, 'index.mjs']);
  const r = await kd.done;
  assert.equal(r.code, 0, r.stderr);
  const at = inspectorUrl(r.stderr);
  assert.ok(at, r.stderr);
  assert.doesNotMatch(r.stderr, /press Ctrl-C/u);
  await assert.rejects(rawGet(at!.port, '/'), /ECONNREFUSED/u);
  assertNoKey('stderr', r.stderr);
});
