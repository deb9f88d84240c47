// Reports a README, docs page or example env file that tells users to set a Clarifai credential variable the code never reads.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import type { FileLocation } from '../../types/location.js';
import { siteLocation, scrubFinding, where } from '../endpoint/lib/site.js';
import { capPerFile, envUses, readIn, sender } from './lib/code-credentials.js';
import { looksLikeSecretName } from '../../providers/clarifai/variables.js';

const meta: CheckMeta = {
  id: 'env/code-credential-docs',
  category: 'env',
  severity: 'warning',
  title: 'Docs name a variable the code never reads',
  description:
    'A README, a docs page or an example env file (.env.example) tells users to set a Clarifai credential variable ' +
    '(export CLARIFAI_PAT=…), but the key the code sends comes from another variable, and nothing in the code reads the ' +
    'documented one. Whoever follows the docs sets the wrong variable, and the request goes out with no key.',
};

/** Example env files are the other place projects document their variables. */
const EXAMPLE_FILE = /(?:^|\/)(?:\.env\.(?:example|sample|template|dist|defaults?)|(?:example|sample)\.env|\.env-(?:example|sample))$/iu;

export const check = defineCheck({
  meta,
  requires: ['env', 'code'],
  run(ctx) {
    const code = ctx.evidence.code;
    const uses = envUses(code);
    if (uses.length === 0) return [];
    // What the code reads anywhere counts: a documented name read for something else is not a mistake in the docs.
    const read = new Set([...uses.flatMap((u) => u.envNames), ...code.envReads.map((r) => r.name)]);
    const documented: { name: string; location: FileLocation }[] = [
      ...(code.documentedNames ?? []).map((d) => ({ name: d.name, location: siteLocation(d) })),
      ...ctx.evidence.env.files
        .filter((f) => !f.loaded && EXAMPLE_FILE.test(f.display))
        .flatMap((f) =>
          f.entries.map((e) => ({ name: e.name, location: { file: f.display, line: e.line, column: e.column, snippet: e.raw.replace(/=.*$/u, '=…') } })),
        ),
    ];
    const use = uses[0]!;
    const wanted = [...new Set(uses.flatMap((u) => u.envNames))];
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const d of documented) {
      if (read.has(d.name) || !/clarifai/iu.test(d.name) || !looksLikeSecretName(d.name)) continue;
      const key = `${d.location.file}\u0000${d.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const at = `${d.location.file}${d.location.line !== undefined ? `:${d.location.line}` : ''}`;
      out.push(
        finding(meta, {
          message: `${at} tells users to set ${d.name}, but the code never reads it: ${sender(use)} ${wanted.join(' / ')}.`,
          fix:
            `Document ${wanted[0]} in ${d.location.file} instead of ${d.name}, or change the code at ${where(use.trace.at(-1) ?? use)} to read ${d.name}` +
            `${use.sink === 'sdk-default' ? ` and pass it to the client explicitly` : ` (\`${readIn(use.trace.at(-1)?.file ?? use.file, d.name)}\`)`}.`,
          location: d.location,
          related: [siteLocation(use), ...use.trace.map(siteLocation)],
        }),
      );
    }
    return capPerFile(meta, out).map(scrubFinding);
  },
});
