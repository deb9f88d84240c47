// Reports that the variable the code actually sends as the key (or the one an SDK reads on its own) is set nowhere, while another credential is.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { siteLocation, scrubFinding } from '../endpoint/lib/site.js';
import { envUses, firstOf, isTestFile, readAt, readIn, sender } from './lib/code-credentials.js';
import { credentialNames, expectedNames, sourceText } from './lib/env.js';
import { nearMiss } from './near-miss-name.js';

const meta: CheckMeta = {
  id: 'env/code-credential-unset',
  category: 'env',
  severity: 'error',
  title: 'The variable the code sends as the key is not set',
  description:
    'keydoctor followed the credential the code sends (an Authorization header, gRPC metadata, an SDK argument such as ' +
    'pat= or apiKey:, or an SDK client that reads CLARIFAI_PAT itself) back to the environment variable it comes from, ' +
    'and that variable is set neither in the shell nor in any .env file the app loads — while another Clarifai ' +
    'credential is. The key is in the wrong variable: the request goes out with no key (`Key undefined`, `Key None`) ' +
    'and Clarifai answers 11009 "API key not found".',
};

export const check = defineCheck({
  meta,
  requires: ['env'],
  run(ctx) {
    const { variables, files } = ctx.evidence.env;
    const isSet = (n: string) => variables.get(n)?.winner !== undefined;
    const names = credentialNames(ctx);
    const setNames = names.filter(isSet);
    // Nothing set at all is env/no-credential's finding (its list includes these names).
    if (setNames.length === 0) return [];
    const expectedSet = expectedNames(ctx).filter(isSet);
    const uses = envUses(ctx.evidence.code).filter((u) => u.origin.kind === 'env' && !u.envNames.some(isSet) && !isTestFile(u.file));
    const out: Finding[] = [];
    for (const { use, others } of firstOf(uses, (u) => u.envNames.join(','))) {
      const wanted = use.envNames;
      // A file the app does not load (env/file-not-loaded) or a typo of a set name (env/code-near-miss) explains it better.
      if (files.some((f) => !f.loaded && wanted.some((n) => Object.hasOwn(f.parsed, n)))) continue;
      if (wanted.some((n) => expectedSet.some((e) => nearMiss(n, e) !== undefined))) continue;
      const other = setNames.find((n) => !wanted.includes(n))!;
      const definition = variables.get(other)!.winner!;
      const name = wanted[0]!;
      const list = wanted.length > 1 ? `${wanted.slice(0, -1).join(', ')} or ${wanted.at(-1)}` : name;
      const sdk = use.sink === 'sdk-default';
      const login = sdk && /Python/u.test(use.sdk ?? '') ? ' (recent versions of the Python SDK fall back to the PAT `clarifai login` saved, which keydoctor cannot see)' : '';
      const value = /\.(?:py|ipynb)$/u.test(use.file) ? 'None' : 'undefined';
      out.push(
        finding(meta, {
          message:
            `${sender(use, true)} ${list}${readAt(use)}, which is not set in the shell or in any loaded .env file, ` +
            `while ${sourceText(definition.location)} sets ${other}` +
            (sdk ? `, which the SDK does not read: the client finds no key${login}.` : `: the key goes out as \`Key ${value}\`.`),
          fix: sdk
            ? `Set ${name}: rename ${other} to ${name} in ${sourceText(definition.location)} (${use.sdk} reads only ${name}), or pass the key explicitly where the client is created.`
            : `Either rename ${other} to ${name} in ${sourceText(definition.location)}, or read ${other} in the code (\`${readIn(use.trace.at(-1)?.file ?? use.file, other)}\`${use.trace.length > 0 ? ` at ${use.trace.at(-1)!.file}:${use.trace.at(-1)!.line}` : ''}).`,
          location: siteLocation(use),
          related: [...use.trace.map(siteLocation), definition.location, ...others.map(siteLocation)],
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
