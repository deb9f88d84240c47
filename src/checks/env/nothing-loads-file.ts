// Reports a credential in a .env file that no code or tool loads (Python that never calls load_dotenv(), Node that never loads dotenv).
import { defineCheck, finding, type Check, type CheckContext, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import type { LoaderEvidence } from '../../types/evidence.js';
import { credentialNames, isPlaceholder } from './lib/env.js';

const meta: CheckMeta = {
  id: 'env/nothing-loads-file',
  category: 'env',
  severity: 'error',
  title: 'Nothing loads the .env file',
  description:
    'A .env file is not read by itself: Python needs load_dotenv() (python-dotenv), Node needs dotenv (require("dotenv").config(), import "dotenv/config") or node --env-file, a shell script needs to source it. When no code, package.json script or tool loads it, the app starts without the credential and sends "Key None" or "Key undefined".',
};

/** The stranded-credential findings for one kind of unloaded file; shared by env/loader-misses-file. */
export function strandedFindings(
  m: CheckMeta,
  ctx: CheckContext<'env' | 'loaders'>,
  kind: LoaderEvidence['unloaded'][number]['kind'],
  explain: (u: LoaderEvidence['unloaded'][number]) => string,
): Finding[] {
  const names = credentialNames(ctx);
  const env = ctx.evidence.env;
  const isSet = (n: string) => env.variables.get(n)?.winner !== undefined;
  const anySet = names.some(isSet);
  const out: Finding[] = [];
  for (const u of ctx.evidence.loaders.unloaded) {
    if (u.kind !== kind) continue;
    const file = env.files.find((f) => f.path === u.path);
    if (!file) continue;
    const stranded = names.filter((n) => Object.hasOwn(file.parsed, n) && !isPlaceholder(file.parsed[n]!) && !isSet(n));
    if (stranded.length === 0) continue;
    const entry = [...file.entries].reverse().find((e) => e.name === stranded[0]);
    out.push(
      finding(m, {
        severity: anySet ? 'warning' : 'error',
        message: `${stranded.join(' and ')} ${stranded.length > 1 ? 'are' : 'is'} defined in ${file.display}${entry ? `:${entry.line}` : ''}, but ${explain(u)}${u.sends && !anySet ? `, so the app reads ${u.sends} instead of the key` : ''}.`,
        fix: u.fix,
        location: { file: file.display, ...(entry ? { line: entry.line, column: entry.column } : {}) },
      }),
    );
  }
  return out;
}

export const check: Check = defineCheck({
  meta,
  requires: ['env', 'loaders'],
  run(ctx) {
    return strandedFindings(meta, ctx, 'none', (u) => `nothing loads that file: ${u.reason}`);
  },
});
