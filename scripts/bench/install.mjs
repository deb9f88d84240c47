// What installing keydoctor costs: `npm pack`, then `npm install` of the tarball into an empty folder (uses the registry).
//
//   npm run bench -- install
//
// Reports the tarball and installed sizes, the number of packages installed, the biggest ones, and any install
// script a dependency would run (keydoctor itself ships built files and has none).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'kd-bench-install-'));
const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0];
const app = join(work, 'app');
mkdirSync(app);
writeFileSync(join(app, 'package.json'), '{"name":"kd-install-bench","version":"1.0.0","private":true}');
const started = Date.now();
execFileSync('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', join(work, packed.filename)], { cwd: app, stdio: 'ignore' });
const seconds = (Date.now() - started) / 1000;

/** Every installed package folder (scoped and nested ones included). */
function packages(dir, out = []) {
  let entries = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!e.isDirectory() || e.name === '.bin') continue;
    const p = join(dir, e.name);
    if (e.name.startsWith('@')) packages(p, out);
    else {
      out.push(p);
      packages(join(p, 'node_modules'), out);
    }
  }
  return out;
}
const size = (p) => {
  const s = statSync(p);
  if (!s.isDirectory()) return s.size;
  return readdirSync(p).reduce((t, f) => t + size(join(p, f)), 0);
};
const all = packages(join(app, 'node_modules'));
const deps = all.filter((p) => !p.endsWith('/node_modules/keydoctor'));
const scripts = [];
for (const p of all) {
  const m = JSON.parse(readFileSync(join(p, 'package.json'), 'utf8'));
  for (const hook of ['preinstall', 'install', 'postinstall']) if (m.scripts?.[hook]) scripts.push(`${m.name}: ${hook}`);
}
const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`;
console.log(`tarball ${packed.filename}: ${mb(packed.size)} packed, ${mb(packed.unpackedSize)} unpacked, ${packed.entryCount} files`);
console.log(`npm install of the tarball: ${seconds.toFixed(1)} s, node_modules ${mb(size(join(app, 'node_modules')))}, ${deps.length} dependency packages (all levels)`);
console.log(`install scripts that would run: ${scripts.length === 0 ? 'none' : scripts.join(', ')}`);
const top = all.map((p) => [p.slice(p.lastIndexOf('node_modules/') + 13), size(p)]).sort((a, b) => b[1] - a[1]).slice(0, 8);
console.log('biggest: ' + top.map(([n, b]) => `${n} ${mb(b)}`).join(', '));
rmSync(work, { recursive: true, force: true });
