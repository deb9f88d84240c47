// Reports a name the code reads that nothing defines while a defined, expected name is a near miss (CLARIFIAI_API_KEY).
import { codeRenameFix, withFix } from '../../fix/edits.js';
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { EnvRead } from '../../types/code-evidence.js';
import type { Finding } from '../../types/diagnostic.js';
import { envReadIn, familyOf, siteLocation, where, scrubFinding } from '../endpoint/lib/site.js';
import { expectedNames, sourceText } from './lib/env.js';
import { nearMiss } from './near-miss-name.js';
/** A name read in thousands of places is listed by its first few; the rest are counted. */
const MAX_LISTED = 10;

const meta: CheckMeta = {
  id: 'env/code-near-miss',
  category: 'env',
  severity: 'error',
  title: 'Code reads a misspelt variable name',
  description:
    'The code reads a variable that neither the shell nor any loaded .env file defines, while a variable with almost the ' +
    'same name is defined — here the typo is in the code, so renaming the .env entry would be the wrong fix. The code gets ' +
    'undefined (None in Python), and the request goes out as `Key undefined`. env/near-miss-name covers the other direction.',
};

export const check = defineCheck({
  meta,
  requires: ['env', 'code'],
  run(ctx) {
    const code = ctx.evidence.code;
    const { variables } = ctx.evidence.env;
    const isSet = (name: string) => variables.get(name)?.winner !== undefined;
    // The defined side must be a name something expects; otherwise env/near-miss-name already blames the definition.
    const expected = expectedNames(ctx).filter(isSet);
    const readsByName = new Map<string, EnvRead[]>();
    for (const r of code.envReads) {
      if (isSet(r.name)) continue;
      const list = readsByName.get(r.name);
      if (list) list.push(r);
      else readsByName.set(r.name, [r]);
    }
    const out: Finding[] = [];
    for (const [name, reads] of readsByName) {
      const match = expected.map((e) => ({ e, why: nearMiss(name, e) })).find((m) => m.why !== undefined);
      if (!match) continue;
      const definition = variables.get(match.e)!.winner!;
      const first = reads[0]!;
      const headers = code.authHeaders.filter((h) => h.envNames.includes(name));
      const consequence = headers.length > 0 ? `, so the ${headers[0]!.name} header built at ${where(headers[0]!)} goes out without the key` : '';
      out.push(
        finding(meta, {
          message: `${where(first)} reads ${name}, which nothing defines, while ${sourceText(definition.location)} defines ${match.e} — ${name} ${match.why}${consequence}.`,
          fix: `Read the defined name in the code: \`${envReadIn(familyOf(first.file), match.e)}\` at ${reads.slice(0, MAX_LISTED).map((r) => where(r)).join(', ')}${reads.length > MAX_LISTED ? ` and ${reads.length - MAX_LISTED} more places` : ''}.`,
          location: siteLocation(first),
          related: [definition.location, ...reads.slice(1, MAX_LISTED).map(siteLocation), ...headers.slice(0, MAX_LISTED).map(siteLocation)],
          // Renamed in the code only when the defined name is also the one the rest of the code reads or the docs name.
          ...withFix(
            code.envReads.some((r) => r.name === match.e) || (code.documentedNames ?? []).some((d) => d.name === match.e)
              ? codeRenameFix(reads, match.e, `Read ${match.e} instead of ${name} at ${reads.map((r) => where(r)).slice(0, MAX_LISTED).join(', ')}${reads.length > MAX_LISTED ? ` and ${reads.length - MAX_LISTED} more places` : ''}.`)
              : undefined,
          ),
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
