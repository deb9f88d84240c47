// key/live-candidate-works: the configured value is rejected, but the same value with its copy-paste damage undone works.
import { defineCheck, finding } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { candidatesOf, configured, credentialLabel, envLocation, sourcePhrase } from '../../live/facts.js';

const meta = {
  id: 'key/live-candidate-works',
  category: 'key',
  severity: 'error',
  title: 'The key works once cleaned',
  description: 'Clarifai rejects the value as configured, and accepts it once surrounding whitespace, quotes, a "Key " prefix or invisible characters are removed.',
} as const;

export const check = defineCheck({
  meta,
  requires: ['live'],
  run({ evidence }) {
    const live = evidence.live;
    const out: Finding[] = [];
    for (const v of configured(live)) {
      if (v.verdict !== 'invalid') continue;
      const cleaned = candidatesOf(live, v.id).find((c) => c.origin === 'cleaned' && c.verdict === 'valid');
      if (!cleaned) continue;
      const inShell = v.location.source === 'shell';
      out.push(
        finding(meta, {
          message: `${credentialLabel(v)} is rejected as written, but the key works once ${cleaned.change}.`,
          fix: inShell
            ? `Set it without the extra characters, e.g. export ${v.variable}="$(printf %s "$${v.variable}" | tr -d '[:space:]"')" — and fix wherever your shell profile or CI secret sets it.`
            : `Edit ${sourcePhrase(v.location)} so it reads ${v.variable}=<the 32-character key> with nothing else on the line.`,
          location: envLocation(v),
        }),
      );
    }
    return out;
  },
});
