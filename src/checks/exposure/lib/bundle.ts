// Whether a file is part of a frontend framework's browser bundle, and whether that framework puts a variable read there into the bundle (its prefix and access rule).
import type { FileRuntime } from '../../../types/code-evidence.js';
import type { ClientBundle } from '../../../types/evidence.js';

/** Files a framework runs in Node, whatever folder they sit in. */
const NODE_FILES = /(?:^|\/)(?:[\w.-]+\.config\.[cm]?[jt]s|setupProxy\.[cm]?js|server\.[cm]?[jt]s)$|(?:^|\/)(?:server|scripts)\//u;

/** The frontend app whose browser bundle holds `file`, with why keydoctor thinks so; undefined for server code or files of no known app. */
export function clientBundleOf(file: string, bundles: readonly ClientBundle[] | undefined, runtimes: readonly FileRuntime[] | undefined): { bundle: ClientBundle; why: string } | undefined {
  const runtime = runtimes?.find((r) => r.file === file);
  if (runtime?.runtime === 'server') return undefined;
  const best = bundleFor(file, bundles);
  if (!best) return undefined;
  const rest = best.dir === '' ? file : file.slice(best.dir.length + 1);
  if (NODE_FILES.test(rest)) return undefined;
  switch (best.tool) {
    case 'next':
      // pages/ (not pages/api/) is rendered in the browser too; app/ only with 'use client' (runtimeOf says server otherwise).
      if (/^(?:src\/)?pages\/(?!api\/)/u.test(rest)) return { bundle: best, why: 'a page (pages/)' };
      if (/^(?:src\/)?app\//u.test(rest)) return runtime?.runtime === 'browser' ? { bundle: best, why: runtime.reason } : undefined;
      if (/^(?:src\/)?components\//u.test(rest) || runtime?.runtime === 'browser') return { bundle: best, why: runtime ? runtime.reason : 'a component' };
      return undefined;
    case 'vite':
    case 'react-scripts':
      return rest.startsWith('src/') ? { bundle: best, why: 'client code (src/)' } : undefined;
    case 'expo':
      // Expo Router API routes (`+api.ts`) run on the server; everything else ships in the app.
      return /\+api\.[jt]sx?$/u.test(rest) ? undefined : { bundle: best, why: 'app code (all of it ships in the app bundle)' };
  }
}

/** The frontend app a file belongs to (client or server part), by the deepest folder. */
export function bundleFor(file: string, bundles: readonly ClientBundle[] | undefined): ClientBundle | undefined {
  let best: ClientBundle | undefined;
  for (const b of bundles ?? []) if ((b.dir === '' || file.startsWith(`${b.dir}/`)) && (!best || b.dir.length > best.dir.length)) best = b;
  return best;
}

/** How a read is written on its line: `import.meta.env.X` or `process.env.X` (or neither: a helper, a destructuring). */
export function accessOf(snippet: string, name: string): 'process.env' | 'import.meta.env' | undefined {
  if (new RegExp(`import\\.meta\\.env(?:\\.|\\[\\s*['"])${name}\\b`, 'u').test(snippet)) return 'import.meta.env';
  if (new RegExp(`process\\.env(?:\\.|\\[\\s*['"])${name}\\b`, 'u').test(snippet)) return 'process.env';
  return undefined;
}

/** Whether the framework inlines `name` read with `access` into the browser bundle. */
export function ships(bundle: ClientBundle, name: string, access: 'process.env' | 'import.meta.env' | undefined): boolean {
  return name.startsWith(bundle.prefix) && (access === undefined || access === bundle.access);
}
