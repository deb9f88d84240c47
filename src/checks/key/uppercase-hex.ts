// Warns about a key written in uppercase hex, which no observed Clarifai key is; whether the API accepts it is unknown.
import { mask } from '../../core/secret.js';
import { defineCheck, type CheckMeta } from '../../types/check.js';
import { keyFinding, keyLikeTargets, notSentClause, sourceLabel, subject } from './lib/targets.js';

const meta: CheckMeta = {
  id: 'key/uppercase-hex',
  category: 'key',
  severity: 'warning',
  title: 'Key in uppercase',
  description:
    'The key has the right length and characters but uses uppercase A-F (caps lock, or a tool that uppercased it). Every Clarifai key observed is lowercase; whether the API accepts uppercase is not known, so it may reject this.',
};

export const check = defineCheck({
  meta,
  requires: ['env'],
  run(ctx) {
    return keyLikeTargets(ctx).flatMap((t) => {
      const core = t.analysis.core;
      if (t.sessionToken || !/^[0-9a-fA-F]{32}$/u.test(core) || !/[A-F]/u.test(core)) return [];
      const all = !/[a-f]/u.test(core);
      const upper = [...core].filter((c) => /[A-F]/u.test(c)).length;
      const lower = mask(core.toLowerCase()).replace(/ \(\d+ chars\)$/u, '');
      const l = t.definition.location;
      const fix =
        l.source === 'shell'
          ? `Set it in lowercase where your shell profile, CI secret or container config sets it: export ${t.name}=$(printf '%s' "$${t.name}" | tr 'A-F' 'a-f'), or copy the key again from Clarifai.`
          : `In ${sourceLabel(l)}, write ${t.name}=${lower} (the full key) in lowercase; copying it again from Clarifai is safest.`;
      return [
        keyFinding(meta, t, {
          severity: 'warning',
          message: `${subject(t)} is ${all ? 'all uppercase' : `partly uppercase (${upper} of its letters)`}; every Clarifai key observed is lowercase and it is not known whether the API accepts uppercase, so it may reject this${notSentClause(t)}.`,
          fix,
        }),
      ];
    });
  },
});
