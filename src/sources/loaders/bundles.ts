// Which folders are a frontend framework's app (Next.js, Vite, Create React App, Expo), read from the nearest package.json: the checks decide from it which files ship to the browser and which variables the framework puts there.
import { posix, join } from 'node:path';
import type { ClientBundle } from '../../types/evidence.js';
import { readTextFile } from '../read-text-file.js';

/** Vite frameworks that render on a server too: their `src/` is not all browser code, so keydoctor does not judge it as such. */
const VITE_SSR = /^(?:@remix-run\/|@react-router\/dev$|@sveltejs\/kit$|astro$|nuxt$|vike|vite-plugin-ssr$|@analogjs\/|@solidjs\/start$|@tanstack\/(?:react-)?start$|vinxi$|@builder\.io\/qwik-city$|@redwoodjs\/|waku$)/u;

function readSmall(path: string): string | undefined {
  const r = readTextFile(path, 1024 * 1024);
  return r.ok ? r.bytes.toString('utf8') : undefined;
}

function detect(root: string, dir: string, manifest: unknown): ClientBundle | undefined {
  if (typeof manifest !== 'object' || manifest === null) return undefined;
  const deps = new Set<string>();
  for (const key of ['dependencies', 'devDependencies']) {
    const d = (manifest as Record<string, unknown>)[key];
    if (typeof d === 'object' && d !== null) for (const name of Object.keys(d)) deps.add(name);
  }
  if (deps.has('next')) return { dir, tool: 'next', label: 'Next.js', prefix: 'NEXT_PUBLIC_', access: 'process.env' };
  if (deps.has('expo')) return { dir, tool: 'expo', label: 'Expo', prefix: 'EXPO_PUBLIC_', access: 'process.env' };
  if (deps.has('react-scripts')) return { dir, tool: 'react-scripts', label: 'Create React App', prefix: 'REACT_APP_', access: 'process.env' };
  if (deps.has('vite') && ![...deps].some((d) => VITE_SSR.test(d))) {
    // vite.config's `envPrefix` replaces VITE_ (a literal string; an array keeps its first entry).
    let prefix = 'VITE_';
    for (const name of ['vite.config.ts', 'vite.config.js', 'vite.config.mjs', 'vite.config.mts']) {
      const m = /\benvPrefix\s*:\s*\[?\s*(['"`])([A-Za-z_][\w]*)\1/u.exec(readSmall(join(root, dir, name)) ?? '');
      if (m) prefix = m[2]!;
    }
    return { dir, tool: 'vite', label: 'Vite', prefix, access: 'import.meta.env' };
  }
  return undefined;
}

/** The frontend apps that hold `files` (relative to `root`): each file's nearest package.json decides. */
export function clientBundles(root: string, files: readonly string[]): ClientBundle[] {
  const seen = new Map<string, ClientBundle | null>();
  const out: ClientBundle[] = [];
  for (const file of files) {
    for (let dir = posix.dirname(file); ; dir = posix.dirname(dir)) {
      const key = dir === '.' ? '' : dir;
      if (!seen.has(key)) {
        const text = readSmall(join(root, key, 'package.json'));
        let bundle: ClientBundle | undefined;
        if (text !== undefined) {
          try {
            bundle = detect(root, key, JSON.parse(text));
          } catch {
            bundle = undefined;
          }
          if (bundle) out.push(bundle);
          // A package.json ends the search: the file belongs to that package, frontend or not.
          seen.set(key, bundle ?? null);
        }
      }
      if (seen.has(key) || key === '') break;
    }
  }
  return out;
}
