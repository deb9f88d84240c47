// Whether a JS file runs in the browser (so any key it sends ships to every visitor) or on a server, and why.

export interface Runtime {
  runtime: 'browser' | 'server';
  reason: string;
}

/** Paths that frameworks and hosts run on the server only (Next.js API routes, Vercel `api/`, SvelteKit `+server`, …). */
const SERVER_PATHS: readonly [RegExp, string][] = [
  [/(?:^|\/)(?:pages|app)\/api\//u, 'an API route'],
  [/^api\//u, 'a serverless function in api/'],
  [/(?:^|\/)(?:server|backend|functions|netlify|lambda|serverless|supabase)\//u, 'a server folder'],
  [/(?:^|\/)(?:server|api)\.[cm]?[jt]s$/u, 'a server entry point'],
  [/\.server\.[cm]?[jt]sx?$|(?:^|\/)\+(?:page\.|layout\.)?server\.[jt]s$/u, 'a server-only module'],
  [/(?:^|\/)route\.[jt]s$/u, 'a route handler'],
  [/(?:^|\/)middleware\.[jt]s$/u, 'middleware'],
];

const SERVER_CODE: readonly [RegExp, string][] = [
  [/^\s*['"]use server['"]/mu, "'use server'"],
  [/\bimport\s+['"]server-only['"]/u, "import 'server-only'"],
  [/\bfrom\s+['"](?:express|fastify|koa|hono|@hapi\/hapi|next\/server|@vercel\/node|@netlify\/functions|firebase-functions[\w/-]*|node:[\w/]+|fs|http|https|child_process|dotenv(?:\/config)?)['"]/u, 'imports a server module'],
  [/\brequire\s*\(\s*['"](?:express|fastify|koa|hono|firebase-functions[\w/-]*|node:[\w/]+|fs|http|https|child_process|dotenv)['"]\s*\)/u, 'requires a server module'],
  [/\b(?:getServerSideProps|getStaticProps|getInitialProps)\b/u, 'runs in getServerSideProps'],
  [/\bexport\s+(?:async\s+)?function\s+(?:GET|POST|PUT|DELETE|PATCH|loader|action)\b|\bexports\.handler\b|\bexport\s+(?:const|async\s+function|function)\s+handler\b/u, 'a request handler'],
  [/\bprocess\s*\.\s*(?:argv|exit)\b/u, 'a command-line script'],
];

/** Next.js App Router files are server components unless they say 'use client'. */
const APP_ROUTER = /(?:^|\/)(?:src\/)?app\/(?:.*\/)?(?:page|layout|template|loading|error|not-found|default)\.[jt]sx?$/u;

const BROWSER_CODE: readonly [RegExp, string][] = [
  [/^\s*['"]use client['"]/mu, "a 'use client' component"],
  [/\bfrom\s+['"](?:react|react-dom(?:\/client)?|preact(?:\/hooks)?|solid-js|@angular\/core)['"]|\brequire\s*\(\s*['"]react['"]\s*\)/u, 'a React (or similar) component'],
  [/\bimport\.meta\.env\.VITE_/u, "a Vite client module (import.meta.env.VITE_…)"],
  [/\b(?:document\s*\.\s*(?:getElementById|querySelector(?:All)?|createElement|addEventListener|body)|window\s*\.\s*(?:location|addEventListener|localStorage|document)|localStorage\s*\.\s*(?:getItem|setItem))\b/u, 'code that uses the page (document/window)'],
];

export function runtimeOf(file: string, text: string): Runtime | undefined {
  for (const [re, reason] of SERVER_PATHS) if (re.test(file)) return { runtime: 'server', reason };
  for (const [re, reason] of SERVER_CODE) if (re.test(text)) return { runtime: 'server', reason };
  const useClient = /^\s*['"]use client['"]/mu.test(text);
  if (APP_ROUTER.test(file) && !useClient) return { runtime: 'server', reason: 'a Next.js server component' };
  // Astro frontmatter runs on the server; only `client:` islands reach the browser, and they live in other files.
  if (/\.astro$/u.test(file)) return { runtime: 'server', reason: 'Astro frontmatter' };
  if (/\.vue$/u.test(file)) return { runtime: 'browser', reason: 'a Vue component' };
  if (/\.svelte$/u.test(file)) return { runtime: 'browser', reason: 'a Svelte component' };
  for (const [re, reason] of BROWSER_CODE) if (re.test(text)) return { runtime: 'browser', reason };
  return undefined;
}
