// Flags an Authorization value that is the key alone, without the `Key ` scheme word Clarifai requires.
import { addSchemeFix, withFix } from '../../fix/edits.js';
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { looksLikeSecretName } from '../../providers/clarifai/variables.js';
import { correctedValueFor, looksLikeCredentialExpression, readAuthValue, TOKEN } from '../endpoint/lib/auth-value.js';
import { clarifaiFiles, isForClarifai } from '../endpoint/lib/clarifai-context.js';
import { siteLocation, where, scrubFinding } from '../endpoint/lib/site.js';

const meta: CheckMeta = {
  id: 'headers/missing-scheme',
  category: 'headers',
  severity: 'error',
  title: 'Authorization value has no "Key " scheme word',
  description:
    'Clarifai expects `Authorization: Key <token>`. Sending the bare PAT or API key (as many other APIs accept) leaves ' +
    'the header malformed, and the API answers 11102 "Empty or malformed authorization header".',
};

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const code = evidence.code;
    const files = clarifaiFiles(code);
    const out: Finding[] = [];
    for (const site of code.authHeaders) {
      if (site.name.toLowerCase() !== 'authorization' || !isForClarifai(site, files)) continue;
      const v = readAuthValue(site.value);
      if (v.word !== '' || v.rest.trim() !== TOKEN) continue;
      // A lone expression may be a prebuilt header (`auth`); only a plain credential is a sure miss.
      const credential =
        v.exprs.length === 0 ||
        v.exprs.every((e) => looksLikeCredentialExpression(e) || site.envNames.some((n) => looksLikeSecretName(n) && e.includes(n)));
      if (!credential) continue;
      out.push(
        finding(meta, {
          message: `The ${site.name} value built at ${where(site)} is the key alone (\`${site.value}\`), without the \`Key \` scheme word.`,
          fix: `Send \`${correctedValueFor(site.value, site.file)}\` — the word Key and one space before the key.`,
          location: siteLocation(site),
          ...withFix(addSchemeFix(site, v.exprs, `Add \`Key \` before the key in the ${site.name} value at ${where(site)}.`)),
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
