// Advises when the code reads its Clarifai key from a name of its own (API_KEY, CLARIFI_KEY) rather than CLARIFAI_PAT, which Clarifai's SDKs and tools read.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { browserPrefix } from '../../scan/credential/sdk.js';
import { siteLocation, scrubFinding } from '../endpoint/lib/site.js';
import { envUses, firstOf, isStandardName, isTestFile, readAt, readIn } from './lib/code-credentials.js';
import { expectedNames } from './lib/env.js';
import { nearMiss } from './near-miss-name.js';

const meta: CheckMeta = {
  id: 'env/code-credential-name',
  category: 'env',
  severity: 'info',
  title: 'The key is read from a name of its own',
  description:
    'The code sends a Clarifai key it reads from a variable with a name of its own (API_KEY, key, CLARIFI_KEY). That ' +
    'works as long as the variable is set, and keydoctor checks it like any other credential. But Clarifai\'s Python ' +
    'and Node SDKs, its CLI and most examples read CLARIFAI_PAT, so a key set there (by a teammate, a CI secret, ' +
    '`clarifai login`) will not reach this code, and a key set here will not reach the SDKs.',
};

export const check = defineCheck({
  meta,
  requires: ['env'],
  run(ctx) {
    // Names a bundler needs (REACT_APP_…, VITE_…) are exposure/code-credential-browser's business, not a naming choice.
    const uses = envUses(ctx.evidence.code).filter(
      (u) =>
        u.origin.kind === 'env' && u.sink !== 'sdk-default' && !isTestFile(u.file) && !u.envNames.some(isStandardName) && !u.envNames.some((n) => browserPrefix(n)),
    );
    const { variables } = ctx.evidence.env;
    const isSet = (n: string) => variables.get(n)?.winner !== undefined;
    const expectedSet = expectedNames(ctx).filter(isSet);
    // An unset name one typo from a set one is env/code-near-miss's error, not a naming choice.
    const typo = (n: string) => !isSet(n) && expectedSet.some((e) => nearMiss(n, e) !== undefined);
    const out: Finding[] = [];
    for (const { use, others } of firstOf(uses.filter((u) => !u.envNames.some(typo)), (u) => u.envNames.join(','))) {
      const name = use.envNames[0]!;
      const readFile = use.trace.at(-1)?.file ?? use.file;
      out.push(
        finding(meta, {
          message: `${use.file}:${use.line} sends the Clarifai key from ${use.envNames.join(' or ')}${readAt(use)}; Clarifai's SDKs, CLI and docs use CLARIFAI_PAT.`,
          fix: `Consider reading CLARIFAI_PAT instead (\`${readIn(readFile, 'CLARIFAI_PAT')}\`) and renaming ${name} to CLARIFAI_PAT where it is set, so one variable serves this code and Clarifai's tools.`,
          location: siteLocation(use),
          related: [...use.trace.map(siteLocation), ...others.map(siteLocation)],
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
