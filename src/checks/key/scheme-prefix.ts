// Flags a key value that starts with a scheme word (`Key `, `Bearer `, `Authorization: Key `) pasted from a header.
import { envValueFix } from '../../fix/edits.js';
import { defineCheck, type CheckMeta } from '../../types/check.js';
import { keyFinding, keyLikeTargets, notSentClause, rewriteFix, subject } from './lib/targets.js';

const meta: CheckMeta = {
  id: 'key/scheme-prefix',
  category: 'key',
  severity: 'error',
  title: 'Scheme word pasted into the key',
  description:
    'The value starts with "Key ", "Bearer " or "Authorization: Key ", copied from a curl command or header. Clients add "Key " themselves, so the API receives "Key Key …" or "Key Bearer …" and rejects it.',
};

export const check = defineCheck({
  meta,
  requires: ['env'],
  run(ctx) {
    return keyLikeTargets(ctx).flatMap((t) => {
      const scheme = t.analysis.scheme;
      if (scheme === undefined) return [];
      return [
        keyFinding(meta, t, {
          message: `${subject(t)} starts with "${scheme}", which belongs in the Authorization header, not in the key${notSentClause(t)}.`,
          fix: rewriteFix(t, `without "${scheme}" in front (the client adds "Key " itself, so this would send "Key ${scheme} …")`),
          autofix: envValueFix(ctx.evidence.env.files, t.definition.location, t.analysis, 'scheme'),
        }),
      ];
    });
  },
});
