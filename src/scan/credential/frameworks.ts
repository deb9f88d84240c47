// Which folders hold a client-side app (Create React App, a Vite SPA, Vue CLI, Expo / React Native), read from the nearest package.json.
import { posix } from 'node:path';
import { join } from 'node:path';
import { readTextFile } from '../../sources/read-text-file.js';

export interface FrontendApp {
  /** The folder of the package.json, relative to the scan root ('' for the root). */
  dir: string;
  tool: string;
  /** Expo / React Native: every JS file ships in the app; otherwise only `src/`. */
  everywhere: boolean;
}

/** Full-stack Vite frameworks render on a server too: their `src/` is not all browser code. */
const VITE_SERVER_FRAMEWORKS = /^(?:@remix-run\/|@react-router\/dev$|@sveltejs\/kit$|astro$|nuxt$|vike|vite-plugin-ssr$|@analogjs\/|@solidjs\/start$|@tanstack\/(?:react-)?start$|vinxi$|@builder\.io\/qwik-city$|@redwoodjs\/|waku$|hono$|express$)/u;

function detect(manifest: unknown): Pick<FrontendApp, 'tool' | 'everywhere'> | undefined {
  if (typeof manifest !== 'object' || manifest === null) return undefined;
  const m = manifest as Record<string, unknown>;
  const deps = new Set<string>();
  for (const key of ['dependencies', 'devDependencies']) {
    const d = m[key];
    if (typeof d === 'object' && d !== null) for (const name of Object.keys(d)) deps.add(name);
  }
  if (deps.has('expo') || deps.has('react-native')) return { tool: deps.has('expo') ? 'an Expo app' : 'a React Native app', everywhere: true };
  if (deps.has('react-scripts')) return { tool: 'a Create React App project', everywhere: false };
  if (deps.has('@vue/cli-service')) return { tool: 'a Vue CLI project', everywhere: false };
  if (deps.has('vite') && ![...deps].some((d) => VITE_SERVER_FRAMEWORKS.test(d))) return { tool: 'a Vite app', everywhere: false };
  return undefined;
}

/**
 * The client-side apps that hold `files` (paths relative to `root`): each file's nearest package.json is read once.
 * Only this reads the disk; a manifest that cannot be read or parsed says nothing.
 */
export function frontendApps(root: string, files: readonly string[]): FrontendApp[] {
  const seen = new Map<string, FrontendApp | undefined>();
  const out: FrontendApp[] = [];
  for (const file of files) {
    for (let dir = posix.dirname(file); ; dir = posix.dirname(dir)) {
      const key = dir === '.' ? '' : dir;
      if (!seen.has(key)) {
        const read = readTextFile(join(root, key, 'package.json'), 1024 * 1024);
        let app: FrontendApp | undefined;
        if (read.ok) {
          try {
            const found = detect(JSON.parse(read.bytes.toString('utf8')));
            if (found) app = { dir: key, ...found };
          } catch {
            app = undefined;
          }
          if (app) out.push(app);
        }
        // A package.json ends the search even when it is not a frontend app: the file belongs to that package.
        seen.set(key, read.ok ? (app ?? { dir: key, tool: '', everywhere: false }) : undefined);
      }
      if (seen.get(key) !== undefined || key === '') break;
    }
  }
  return out;
}

/** The app a file is client code of: under `src/` of a CRA / Vite / Vue CLI app, anywhere in an Expo / React Native app. */
export function clientAppOf(file: string, apps: readonly FrontendApp[]): FrontendApp | undefined {
  let best: FrontendApp | undefined;
  for (const app of apps) {
    const prefix = app.dir === '' ? '' : `${app.dir}/`;
    if (!file.startsWith(prefix) || (best && best.dir.length > app.dir.length)) continue;
    const rest = file.slice(prefix.length);
    // CRA's src/setupProxy.js and a Vite app's src/server/ run in Node, not in the page.
    if (/(?:^|\/)(?:setupProxy|server|vite\.config|.*\.config)\.[cm]?[jt]s$|(?:^|\/)server\//u.test(rest)) continue;
    if (app.everywhere || rest.startsWith('src/')) best = app;
  }
  return best;
}
