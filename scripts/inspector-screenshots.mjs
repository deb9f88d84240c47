// Remakes docs/img/inspector-1280.png and inspector-420.png: `keydoctor run --ui` over the inspector test's fixture, in Chromium.
//
//   npm run build && node scripts/inspector-screenshots.mjs
//
// The fixture app makes one good call (the shell's CLARIFAI_PAT) and one rejected call (a stale key in .env) against
// the emulator; the screenshots show the rejected call opened. Needs /usr/bin/chromium (or KD_CHROMIUM).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/keydoctor.js');
const PAT = '0b0b0b0b0b0b0b0b0b0b0b0b0b0b0000'; // DEMO_TOKENS.pat: the emulator's demo PAT (docs/emulator.md)

function start(args, options, pattern) {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let text = '';
  return {
    child,
    found: new Promise((resolve, reject) => {
      const on = (c) => {
        text += c;
        const m = pattern.exec(text);
        if (m) resolve(m[1]);
      };
      child.stdout.on('data', on);
      child.stderr.on('data', on);
      child.on('close', () => reject(new Error(`keydoctor ${args[0]} ended:\n${text}`)));
    }),
  };
}

const emulator = start(['emulator'], {}, /REST {2}(http:\/\/\S+)/u);
const rest = await emulator.found;
const run = start(['run', '--ui', '--upstream', rest, '--', process.execPath, 'index.mjs'], {
  cwd: join(root, 'test/inspector/fixtures/two-calls'),
  env: { PATH: process.env.PATH, HOME: process.env.HOME, CLARIFAI_PAT: PAT },
}, /inspector at (http:\/\/\S+)/u);
const url = await run.found;
const browser = await chromium.launch({ executablePath: process.env.KD_CHROMIUM ?? '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox'] });
try {
  for (const [width, height] of [[1280, 800], [420, 1100]]) {
    const page = await browser.newPage({ viewport: { width, height }, colorScheme: 'light' });
    await page.goto(url);
    await page.locator('tr.row.rejected').waitFor();
    // Wait for the run to end, so the page shows the final diagnosis and the "keeps serving" status.
    await page.locator('body[data-state="exited"]').waitFor();
    await page.locator('tr.row.rejected').click();
    await page.screenshot({ path: join(root, `docs/img/inspector-${width}.png`) });
    await page.close();
  }
} finally {
  await browser.close();
  run.child.kill('SIGINT');
  emulator.child.kill('SIGINT');
}
console.log('wrote docs/img/inspector-1280.png and docs/img/inspector-420.png');
