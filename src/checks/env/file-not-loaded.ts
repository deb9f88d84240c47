// Reports a credential that sits in a file the app never loads (env, .env.txt, ".env ", .env.production, ../.env).
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import type { EnvFile } from '../../types/evidence.js';
import { credentialNames, isPlaceholder, shellQuote } from './lib/env.js';

const meta: CheckMeta = {
  id: 'env/file-not-loaded',
  category: 'env',
  severity: 'error',
  title: 'Credential in a file that is never loaded',
  description:
    'A Clarifai credential is defined in a file dotenv does not read: a name that is not exactly .env (env, .env.txt, ".env " with a trailing space), an environment-specific file whose NODE_ENV is not set, an example file, or a .env in a parent folder. The app never sees it.',
};

/** The concrete way to make the app read this file, from its name and place. */
function fixFor(file: EnvFile): string {
  const name = file.display;
  const explicit = `Or load it explicitly with dotenv.config({ path: '${name}' }), and check it with keydoctor check --env-file ${shellQuote(name)}.`;
  if (name.startsWith('..')) {
    return `dotenv reads .env from the folder the app runs in: run the app from the folder that holds ${name}, or copy the line into ./.env. ${explicit}`;
  }
  if (name !== name.trimEnd()) return `Rename it: mv ${shellQuote(name)} .env`;
  if (/\.(?:example|sample|template|dist|defaults?)$/iu.test(name)) {
    return `Copy it: cp ${shellQuote(name)} .env, and put only placeholders back in ${name} (it is meant to be shared).`;
  }
  const env = /^\.env\.([^.]+)(?:\.local)?$/u.exec(name);
  if (env && !/^(?:txt|bak|backup|old|orig|save|saved|copy|tmp|swp|new|prev)$/iu.test(env[1]!)) {
    if (name === '.env.local') return `Run the app without NODE_ENV=test (dotenv-flow skips .env.local in tests), or move the line into .env.test.`;
    return `Start the app with NODE_ENV=${env[1]} (dotenv-flow then loads ${name}), or move the line into .env.`;
  }
  return `Rename it: mv ${shellQuote(name)} .env. ${explicit}`;
}

export const check = defineCheck({
  meta,
  requires: ['env'],
  run(ctx) {
    const names = credentialNames(ctx);
    const isSet = (n: string) => ctx.evidence.env.variables.get(n)?.winner !== undefined;
    const anySet = names.some(isSet);
    const out: Finding[] = [];
    // Files the loader model found nothing loads are env/nothing-loads-file's and env/loader-misses-file's (fixes in the project's language).
    const modelled = new Set((ctx.evidence.loaders?.unloaded ?? []).map((u) => u.path));
    for (const file of ctx.evidence.env.files) {
      if (file.loaded || file.unreadable || modelled.has(file.path)) continue;
      // Only what the loaded sources lack, and only real values: placeholders in .env.example are fine.
      const stranded = names.filter((n) => Object.hasOwn(file.parsed, n) && !isPlaceholder(file.parsed[n]!) && !isSet(n));
      if (stranded.length === 0) continue;
      const entry = [...file.entries].reverse().find((e) => e.name === stranded[0]);
      const line = entry ? `:${entry.line}` : '';
      const reason = file.reason.replace(/^not loaded: /u, '');
      out.push(
        finding(meta, {
          severity: anySet ? 'warning' : 'error',
          message: `${stranded.join(' and ')} ${stranded.length > 1 ? 'are' : 'is'} defined in ${file.display}${line}, but the app never loads that file: ${reason}.`,
          fix: fixFor(file),
          location: { file: file.display, ...(entry ? { line: entry.line, column: entry.column } : {}) },
        }),
      );
    }
    return out;
  },
});
