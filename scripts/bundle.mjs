// `npm run build` step 2: bundles what bin/keydoctor.js and `import 'keydoctor'` load into a few files at the top of dist/.
//
// Start-up was mostly the loading of ~170 ES modules. esbuild puts each entry's static graph in one file and keeps every
// dynamic import() a separate chunk, so what loads lazily today (commands, checks, the scan, gRPC, undici, the route
// table, parsers, the emulator) still loads lazily. npm dependencies stay external: they are installed, not copied.
// The bundle sits at dist/ top level, the depth tsc gives dist/version.js, so paths relative to a module
// (../package.json, ./worker.js, ./generated/api-table.json) mean the same in src/, in tsc's dist/ tree and here.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
for (const f of readdirSync(dist)) if (/^chunk-.*\.js$/u.test(f)) rmSync(join(dist, f));

const result = await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts', worker: 'src/scan/worker.ts' },
  outdir: 'dist',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  legalComments: 'none',
  // Whitespace and syntax only: fewer bytes to parse at start-up; names stay readable in stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  keepNames: false,
  logLevel: 'warning',
  metafile: true,
});
mkdirSync(join(dist, 'generated'), { recursive: true });
copyFileSync(join(root, 'src/providers/clarifai/generated/api-table.json'), join(dist, 'generated/api-table.json'));
// The research tables are required as ./data/<name>.json from the module that reads them; so they sit in dist/data/.
mkdirSync(join(dist, 'data'), { recursive: true });
for (const f of readdirSync(join(root, 'src/providers/clarifai/data'))) if (!f.endsWith('.schema.json')) copyFileSync(join(root, 'src/providers/clarifai/data', f), join(dist, 'data', f));
// The inspector page's static files are read as ./inspector-page/<file> from the module that serves them.
mkdirSync(join(dist, 'inspector-page'), { recursive: true });
for (const f of readdirSync(join(root, 'src/inspector/inspector-page'))) copyFileSync(join(root, 'src/inspector/inspector-page', f), join(dist, 'inspector-page', f));
const outputs = Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith('.js'));
if (process.argv.includes('--verbose')) for (const [f, o] of outputs) console.log(`${f}  ${(o.bytes / 1024).toFixed(0)} KB`);
if (process.argv.includes('--inputs')) {
  for (const [f, o] of outputs.sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 3)) {
    console.log(`${f}  ${(o.bytes / 1024).toFixed(0)} KB`);
    for (const [i, b] of Object.entries(o.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, 12)) console.log(`   ${(b.bytesInOutput / 1024).toFixed(1)} KB  ${i}`);
  }
}
