// Flags non-ASCII letters that imitate the key's Latin letters and digits (Cyrillic а, Greek ο, fullwidth ０), naming each.
import { ordinal } from '../../providers/clarifai/key-format.js';
import { defineCheck, type CheckMeta } from '../../types/check.js';
import { keyFinding, keyLikeTargets, notSentClause, rewriteFix, subject } from './lib/targets.js';

const meta: CheckMeta = {
  id: 'key/lookalike-character',
  category: 'key',
  severity: 'error',
  title: 'Look-alike character in the key',
  description:
    'A character in the value looks like a Latin letter or digit but is another one (a Cyrillic or Greek letter, a fullwidth digit): the key was retyped on another keyboard layout, or came through OCR or a font substitution. The API sees a different key.',
};

export const check = defineCheck({
  meta,
  requires: ['env'],
  run(ctx) {
    return keyLikeTargets(ctx).flatMap((t) => {
      const found = t.analysis.lookalikes;
      if (found.length === 0) return [];
      const listed = found.slice(0, 3).map((c) => `${c.label} at position ${c.position}, which looks like "${c.looksLike}"`);
      if (found.length > 3) listed.push(`${found.length - 3} more`);
      const positions = found.slice(0, 3).map((c) => ordinal(c.position));
      return [
        keyFinding(meta, t, {
          message: `${subject(t)} contains ${found.length === 1 ? 'a look-alike character' : `${found.length} look-alike characters`}: ${listed.join('; ')}${notSentClause(t)}.`,
          fix: rewriteFix(
            t,
            `after retyping the ${positions.join(', ')} character${positions.length > 1 ? 's' : ''} on a Latin (US) keyboard layout, or copying the key again from Clarifai`,
          ),
        }),
      ];
    });
  },
});
