// Node's loaders: how package.json scripts start the app (`node --env-file`, `-r dotenv/config`, dotenv-cli, env-cmd) and which files dotenv, dotenv-flow and Node itself read.
import { join } from 'node:path';
import type { EnvLoaderSite } from '../../types/code-evidence.js';
import type { LoaderFileRead, LoaderRun } from '../../types/evidence.js';

/** A package.json script (or `main`) as keydoctor understands it: the program it starts and the files its command line loads. */
export interface NodeScript {
  name: string;
  command: string;
  /** Loaders on the command line, in the order they run. */
  chain: LoaderRun[];
  /** `next`, `vite`, `react-scripts`, `expo`… when the script starts a framework's CLI (which loads .env files itself). */
  framework?: { tool: string; verb: string };
  /** The script starts no app keydoctor can follow (`tsc`, `eslint`, `jest`…) and loads no file. */
  tooling: boolean;
}

export type Reader = (path: string, why: string) => LoaderFileRead;

const FRAMEWORK_BINS: Record<string, string> = {
  next: 'next',
  vite: 'vite',
  'react-scripts': 'react-scripts',
  expo: 'expo',
  nuxt: 'nuxt',
  nuxi: 'nuxt',
  astro: 'astro',
  remix: 'remix',
  gatsby: 'gatsby',
  parcel: 'parcel',
  'vue-cli-service': 'vue-cli-service',
};

/** Splits a script into its `&&` / `;` / `||` parts and each part into words (quotes removed). */
function commands(script: string): string[][] {
  return script.split(/&&|\|\||;/u).map((part) =>
    [...part.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/gu)].map((m) => m[1] ?? m[2] ?? m[3]!),
  );
}

/** Reads one package.json script: the loaders its command line runs before the app. */
export function parseScript(name: string, command: string, projectDir: string, read: Reader, shellNodeEnv?: string): NodeScript {
  const chain: LoaderRun[] = [];
  let framework: NodeScript['framework'];
  let tooling = true;
  for (let words of commands(command)) {
    // Leading VAR=value assignments (cross-env too) do not load files; NODE_ENV matters to dotenv-flow and frameworks.
    if (words[0] === 'cross-env' || words[0] === 'cross-env-shell') words = words.slice(1);
    let nodeEnv = shellNodeEnv;
    while (words[0] && /^[A-Za-z_]\w*=/u.test(words[0])) {
      if (words[0].startsWith('NODE_ENV=')) nodeEnv = words[0].slice('NODE_ENV='.length);
      words = words.slice(1);
    }
    const tool = words[0];
    if (!tool) continue;
    if (tool === 'dotenv' || tool === 'dotenvx') {
      // dotenv-cli: `dotenv -e .env.local -e .env -- node app.js`; the first file wins (no override unless -o).
      const files: string[] = [];
      for (let i = 1; i < words.length && words[i] !== '--'; i++) if ((words[i] === '-e' || words[i] === '-f') && words[i + 1]) files.push(words[++i]!);
      chain.push({
        loader: tool === 'dotenvx' ? 'dotenvx' : 'dotenv-cli',
        label: `${tool} ${files.map((f) => `-e ${f}`).join(' ') || '(.env)'}`.trim(),
        at: { file: 'package.json', script: name },
        reads: (files.length ? files : ['.env']).map((f) => read(join(projectDir, f), `named in the "${name}" script`)),
        override: words.includes('-o') || words.includes('--override'),
        setsEnvironment: true,
        rules: 'node-dotenv',
      });
      const dd = words.indexOf('--');
      words = dd === -1 ? [] : words.slice(dd + 1);
    } else if (tool === 'env-cmd') {
      const f = words.indexOf('-f') !== -1 ? words[words.indexOf('-f') + 1] : words.indexOf('--file') !== -1 ? words[words.indexOf('--file') + 1] : undefined;
      chain.push({
        loader: 'env-cmd',
        label: `env-cmd${f ? ` -f ${f}` : ''}`,
        at: { file: 'package.json', script: name },
        reads: [read(join(projectDir, f ?? '.env'), f ? `named in the "${name}" script` : 'env-cmd reads ./.env by default')],
        override: false,
        setsEnvironment: true,
        rules: 'node-dotenv',
      });
      words = words.filter((w, i) => i > 0 && w !== '-f' && w !== '--file' && w !== f);
    }
    const bin = words[0];
    if (!bin) continue;
    if (FRAMEWORK_BINS[bin]) {
      // `next lint`, `next telemetry`, `expo install`: the framework's CLI, but not the app.
      if (/^(?:lint|telemetry|info|install|doctor|prebuild|upgrade|login|whoami)$/u.test(words[1] ?? '')) continue;
      framework = { tool: FRAMEWORK_BINS[bin]!, verb: words[1] ?? '' };
      tooling = false;
      continue;
    }
    if (/^(?:node|nodemon|ts-node|tsx|ts-node-dev|bun|deno)$/u.test(bin)) {
      tooling = false;
      if (bin === 'bun') {
        chain.push({
          loader: 'bun',
          label: 'bun (loads .env files itself)',
          at: { file: 'package.json', script: name },
          reads: ['.env.local', '.env'].map((f) => read(join(projectDir, f), 'Bun loads .env, .env.<NODE_ENV> and .env.local itself')),
          override: false,
          setsEnvironment: true,
          rules: 'node-dotenv',
        });
      }
      for (let i = 1; i < words.length; i++) {
        const w = words[i]!;
        const envFile = /^--env-file(?:-if-exists)?(?:=(.*))?$/u.exec(w);
        if (envFile) {
          const f = envFile[1] ?? words[++i] ?? '.env';
          chain.push({
            loader: 'node --env-file',
            label: `node ${w.includes('=') ? w : `${w} ${f}`}`,
            at: { file: 'package.json', script: name },
            reads: [read(join(projectDir, f), `named by --env-file in the "${name}" script`)],
            // Node's --env-file never overwrites a variable the environment already has.
            override: false,
            setsEnvironment: true,
            rules: 'node-dotenv',
          });
        }
        if ((w === '-r' || w === '--require' || w === '--import') && /^dotenv(?:-flow)?\/config/u.test(words[i + 1] ?? '')) {
          const flow = words[i + 1]!.startsWith('dotenv-flow');
          const pathArg = words.find((x) => /^dotenv_config_path=/u.test(x))?.split('=')[1];
          chain.push({
            loader: flow ? 'dotenv-flow' : 'node-dotenv',
            label: `${w} ${words[i + 1]}${pathArg ? ` dotenv_config_path=${pathArg}` : ''}`,
            at: { file: 'package.json', script: name },
            // dotenv-flow reads its whole family (most specific first, each with dotenv's parse rules); dotenv one file.
            reads: flow
              ? flowFamily(nodeEnv).map((f) => read(join(projectDir, pathArg ?? '.', f), `dotenv-flow reads ${f}${nodeEnv ? ` (NODE_ENV=${nodeEnv})` : ''}`))
              : [read(join(projectDir, pathArg ?? '.env'), pathArg ? 'named by dotenv_config_path' : 'dotenv reads .env in the working folder')],
            override: words.some((x) => x === 'dotenv_config_override=true'),
            setsEnvironment: true,
            rules: 'node-dotenv',
          });
        }
      }
    }
  }
  return { name, command, chain, ...(framework ? { framework } : {}), tooling: tooling && chain.length === 0 };
}

/** The dotenv-flow family in the order it reads (first wins): `.env.<NODE_ENV>.local`, `.env.local` (not under test), `.env.<NODE_ENV>`, `.env`. */
export function flowFamily(nodeEnv: string | undefined): string[] {
  return [...(nodeEnv ? [`.env.${nodeEnv}.local`] : []), ...(nodeEnv !== 'test' ? ['.env.local'] : []), ...(nodeEnv ? [`.env.${nodeEnv}`] : []), '.env'];
}

/** What one dotenv / dotenv-flow / loadEnvFile call found in code reads. `cwd` is the folder the app runs from. */
export function nodeCodeLoader(site: EnvLoaderSite, projectDir: string, cwd: string, nodeEnv: string | undefined, read: Reader): LoaderRun {
  const base = site.pathBase === 'file' ? join(projectDir, site.file, '..') : cwd;
  const label = (site.snippet.length > 80 ? `${site.snippet.slice(0, 77)}…` : site.snippet).replace(/\p{Cc}/gu, '?');
  const run: LoaderRun = {
    loader: site.loader,
    label,
    at: { file: site.file, line: site.line },
    reads: [],
    override: site.override === true,
    setsEnvironment: true,
    rules: 'node-dotenv',
  };
  if (site.pathExpr !== undefined) {
    run.note = `the path is an expression keydoctor cannot follow (${site.pathExpr})`;
    return run;
  }
  if (site.loader === 'dotenv-flow') {
    // dotenv-flow's `path` is the folder that holds the family.
    const dir = site.path !== undefined ? join(base, site.path) : cwd;
    run.reads = flowFamily(nodeEnv).map((f) => read(join(dir, f), `dotenv-flow reads ${f}${nodeEnv ? ` (NODE_ENV=${nodeEnv})` : ''}`));
    return run;
  }
  const path = site.path ?? '.env';
  run.reads = [read(join(base, path), site.path !== undefined ? `the path ${site.call === 'loadEnvFile' ? 'process.loadEnvFile' : 'config'} is given` : 'dotenv reads .env in the folder the app runs from')];
  return run;
}

export type FrameworkFiles = { files: string[]; mode: string; publicPrefix: string; dir: string };

/**
 * The .env files a framework's CLI loads itself, highest priority first, and the prefix that ships a variable to the
 * browser. Next.js, Create React App and Expo: `.env.<mode>.local`, `.env.local` (not in test), `.env.<mode>`, `.env`;
 * Vite: the same names in `envDir`, mode `development` for the dev server and `production` for builds.
 */
export function frameworkFiles(tool: string, verb: string, projectDir: string, envDir?: string): FrameworkFiles | undefined {
  const build = /^(?:build|start|preview|export|generate)$/u.test(verb);
  const prefix: Record<string, string> = { next: 'NEXT_PUBLIC_', vite: 'VITE_', 'react-scripts': 'REACT_APP_', expo: 'EXPO_PUBLIC_', nuxt: 'NUXT_PUBLIC_', astro: 'PUBLIC_', gatsby: 'GATSBY_', parcel: '', 'vue-cli-service': 'VUE_APP_', remix: '' };
  if (!(tool in prefix)) return undefined;
  const mode = tool === 'react-scripts' && verb === 'test' ? 'test' : tool === 'next' && verb === 'start' ? 'production' : build ? 'production' : 'development';
  const files = [`.env.${mode}.local`, ...(mode !== 'test' ? ['.env.local'] : []), `.env.${mode}`, '.env'];
  return { files, mode, publicPrefix: prefix[tool]!, dir: tool === 'vite' && envDir ? join(projectDir, envDir) : projectDir };
}
