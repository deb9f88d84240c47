// Flags invisible characters in a key: zero-width spaces and joiners, word joiners, byte order marks, no-break spaces, soft hyphens, bidi controls.
import { describeChars } from '../../providers/clarifai/key-format.js';
import { envValueFix } from '../../fix/edits.js';
import { defineCheck, type CheckMeta } from '../../types/check.js';
import { keyFinding, keyLikeTargets, notSentClause, rewriteFix, subject } from './lib/targets.js';

const meta: CheckMeta = {
  id: 'key/invisible-character',
  category: 'key',
  severity: 'error',
  title: 'Invisible character in the key',
  description:
    'The value contains characters you cannot see (U+200B–U+200D, U+2060, U+FEFF, U+00A0, U+00AD, bidi controls such as U+202E), usually picked up when the key was copied from a web page, chat app, PDF or document. They are sent as part of the key.',
};

export const check = defineCheck({
  meta,
  requires: ['env'],
  run(ctx) {
    return keyLikeTargets(ctx).flatMap((t) => {
      const found = t.analysis.invisible;
      if (found.length === 0) return [];
      const count = found.length === 1 ? 'an invisible character' : `${found.length} invisible characters`;
      return [
        keyFinding(meta, t, {
          message: `${subject(t)} contains ${count}: ${describeChars(found)}${notSentClause(t)}.`,
          fix: rewriteFix(
            t,
            `typed or pasted as plain text, with only the key's own characters (delete and retype around position ${found[0]!.position}; pasting through a plain-text editor drops hidden characters)`,
          ),
          autofix: envValueFix(ctx.evidence.env.files, t.definition.location, t.analysis, 'invisible'),
        }),
      ];
    });
  },
});
