// Flags quote characters (straight, curly, backticks, angle brackets) that ended up inside a key value.
import { describeChars } from '../../providers/clarifai/key-format.js';
import { envValueFix } from '../../fix/edits.js';
import { defineCheck, type CheckMeta } from '../../types/check.js';
import { keyFinding, keyLikeTargets, notSentClause, rewriteFix, subject } from './lib/targets.js';

const meta: CheckMeta = {
  id: 'key/wrapping-quotes',
  category: 'key',
  severity: 'error',
  title: 'Quotes left in the key',
  description:
    'The value still has quotes around it: curly quotes from a document or chat (dotenv only removes matching straight quotes), a doubled pair ("\'…\'"), a stray unmatched quote, or quotes that docker --env-file keeps literally.',
};

const CURLY = /[“”‘’„‚«»‹›＂＇]/u;

export const check = defineCheck({
  meta,
  requires: ['env'],
  run(ctx) {
    return keyLikeTargets(ctx).flatMap((t) => {
      const wrappers = t.analysis.wrappers;
      if (wrappers.length === 0) return [];
      const first = wrappers[0]!;
      const last = wrappers[wrappers.length - 1]!;
      const paired = wrappers.length >= 2 && first.position === 1 && last.position === t.analysis.length;
      const shape = wrappers.some((w) => CURLY.test(w.char))
        ? 'typographic (curly) quotes, which dotenv and shells keep as part of the value'
        : paired
          ? 'quotes that became part of the value'
          : 'a stray quote that has no partner, so it stayed in the value';
      const shellHint = 'docker --env-file and compose env_file keep quotes literally, so write the value there without quotes';
      return [
        keyFinding(meta, t, {
          message: `${subject(t)} has ${shape}: ${describeChars(wrappers)}${notSentClause(t)}.`,
          fix: rewriteFix(t, 'with no quotes, or one pair of plain straight quotes "…" that dotenv removes', shellHint),
          autofix: envValueFix(ctx.evidence.env.files, t.definition.location, t.analysis, 'wrappers'),
        }),
      ];
    });
  },
});
