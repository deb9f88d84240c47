// Flags an Authorization value built from a variable nothing defines: the request would go out as `Key undefined`.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { clarifaiFiles, isForClarifai } from '../endpoint/lib/clarifai-context.js';
import { credentialKindOf } from '../endpoint/lib/credential-name.js';
import { familyOf, siteLocation, splitTemplate, where, type CodeFamily, scrubFinding } from '../endpoint/lib/site.js';
import { nearMiss } from '../env/near-miss-name.js';
import { browserPrefix } from '../../scan/credential/sdk.js';

const meta: CheckMeta = {
  id: 'headers/undefined-value',
  category: 'headers',
  severity: 'warning',
  title: 'Authorization value built from an undefined variable',
  description:
    'The header is built from an environment variable that neither the shell keydoctor ran in nor any loaded .env file ' +
    'defines. At run time the value becomes `Key undefined` (JavaScript), `Key None` (Python os.getenv) or `Key ` (shell), and ' +
    'Clarifai answers 11009 "API key not found" with details `invalid key(undefined)` — or 11102 for an empty key. It is a ' +
    'warning because the variable may be set where the app really runs (CI, a container, a hosting dashboard).',
};

/** What a missing variable becomes in each language, and what the header then carries. */
const MISSING: Record<CodeFamily, { value: string; note: string }> = {
  js: { value: 'undefined', note: '' },
  python: { value: 'None', note: ' (or stop with a KeyError from os.environ[…])' },
  shell: { value: '', note: '' },
  other: { value: '', note: '' },
};

/** The header value with its one hole filled the way the language fills a missing variable. */
function sent(value: string, family: CodeFamily): string {
  const parts = splitTemplate(value);
  const holes = parts.filter((p) => 'expr' in p).length;
  const missing = MISSING[family];
  if (holes !== 1) return `a value without the key${missing.note}`;
  return `\`${parts.map((p) => ('expr' in p ? missing.value : p.literal)).join('')}\`${missing.note}`;
}

export const check = defineCheck({
  meta,
  requires: ['env', 'code'],
  run({ evidence }) {
    const code = evidence.code;
    const { variables } = evidence.env;
    const defined = [...variables.values()].filter((v) => v.winner !== undefined).map((v) => v.name);
    const files = clarifaiFiles(code);
    const server = new Set((code.runtimes ?? []).filter((r) => r.runtime === 'server').map((r) => r.file));
    const out: Finding[] = [];
    for (const site of code.authHeaders) {
      // A curl line in Markdown documents a command for the reader's own shell; only code and scripts run here.
      if (!isForClarifai(site, files) || /\.(?:md|markdown|mdx)$/iu.test(site.file)) continue;
      // A near miss that is defined is the better explanation; the env near-miss checks report it.
      const missing = site.envNames.filter(
        (n) => variables.get(n)?.winner === undefined && !defined.some((d) => nearMiss(n, d) !== undefined || nearMiss(d, n) !== undefined),
      );
      if (missing.length === 0) continue;
      const names = missing.join(' and ');
      // A public-prefix variable in code that is not server code ships to the browser (exposure/code-credential-browser):
      // "define it" would ship the key, so the advice agrees with the exposure finding — move the call to a server.
      const shipped = missing.find((n) => browserPrefix(n)) !== undefined && !server.has(site.file);
      out.push(
        finding(meta, {
          message: `The ${site.name} value built at ${where(site)} reads ${names}, which neither the shell nor a loaded .env file defines, so it would send ${sent(site.value, familyOf(site.file))}.`,
          fix: shipped
            ? `Do not set ${names} for the app: ${browserPrefix(missing.find((n) => browserPrefix(n))!)!.tool} would put the key in the JavaScript every visitor downloads. Move the Clarifai call to a server route that reads CLARIFAI_PAT from its own environment, and have the app call that route.`
            : `Define ${names} where the app runs: add \`${missing[0]}=<your ${credentialKindOf(missing[0]!) === 'app-key' ? 'API key' : 'PAT'}>\` to a git-ignored .env the app loads (dotenv), or export it in the shell/CI; and make the code fail fast when it is missing.`,
          location: siteLocation(site),
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
