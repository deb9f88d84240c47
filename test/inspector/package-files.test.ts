// The page's static files ship: the packed package lists dist/inspector-page/, and the built bundle serves it from there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('npm pack includes every file of the inspector page, from dist/inspector-page/', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const files = new Set((JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path));
  const page = readdirSync(new URL('../../src/inspector/inspector-page/', import.meta.url));
  assert.deepEqual(page.sort(), ['app.css', 'app.js', 'index.html']);
  for (const f of page) assert.ok(files.has(`dist/inspector-page/${f}`), `dist/inspector-page/${f} is packed`);
  assert.ok(![...files].some((f) => f.startsWith('src/')), 'no sources');
});
