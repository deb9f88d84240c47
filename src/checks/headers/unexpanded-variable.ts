// Flags a shell header that names a variable inside single quotes: curl sends the text `$CLARIFAI_PAT`, not the key.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { clarifaiFiles, isForClarifai } from '../endpoint/lib/clarifai-context.js';
import { siteLocation, where, scrubFinding } from '../endpoint/lib/site.js';

const meta: CheckMeta = {
  id: 'headers/unexpanded-variable',
  category: 'headers',
  severity: 'error',
  title: 'Variable in single quotes is sent as text',
  description:
    'The shell expands `$NAME` inside double quotes only. In `-H \'Authorization: Key $CLARIFAI_PAT\'` curl receives the ' +
    'characters `$CLARIFAI_PAT` and sends them as the key, so every call fails however the variable is set (Clarifai ' +
    'answers 11009 "API key not found", echoing the text it got).',
};

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const code = evidence.code;
    const files = clarifaiFiles(code);
    const out: Finding[] = [];
    for (const site of code.authHeaders) {
      if (!site.unexpanded?.length || !isForClarifai(site, files)) continue;
      const names = site.unexpanded.map((n) => `$${n}`).join(' and ');
      out.push(
        finding(meta, {
          message: `The ${site.name} header at ${where(site)} is in single quotes, so ${names} is sent as those characters, not the variable's value.`,
          fix: `Use double quotes, which expand the variable: -H "${site.name}: ${site.value.trim()}".`,
          location: siteLocation(site),
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
