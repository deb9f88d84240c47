// env/live-other-source-works: the value the app sends is rejected, while another source's value for the same variable works.
import { defineCheck, finding } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import type { EnvLocation } from '../../types/location.js';
import { candidatesOf, configured, envLocation, sourcePhrase } from '../../live/facts.js';

const meta = {
  id: 'env/live-other-source-works',
  category: 'env',
  severity: 'error',
  title: 'A shadowed value is the valid one',
  description: 'The winning value of a credential variable is rejected, but a value that lost the precedence contest (the .env value behind a shell value, or the reverse) is valid.',
} as const;

function describe(l: EnvLocation): string {
  return l.source === 'shell' ? "your shell's value" : `the value in ${sourcePhrase(l)}`;
}

export const check = defineCheck({
  meta,
  requires: ['live'],
  run({ evidence }) {
    const live = evidence.live;
    const out: Finding[] = [];
    for (const v of configured(live)) {
      if (v.verdict !== 'invalid') continue;
      const other = candidatesOf(live, v.id).find((c) => c.origin === 'other-source' && c.verdict === 'valid');
      if (!other) continue;
      const winnerIsShell = v.location.source === 'shell';
      const valid = describe(other.location);
      const sent = describe(v.location);
      out.push(
        finding(meta, {
          message: `${v.variable}: ${valid} is valid${other.change ? ` once ${other.change}` : ''}; ${sent} is the one being sent, and Clarifai rejects it.`,
          fix: `${winnerIsShell
            ? `Run "unset ${v.variable}" and remove the old value from your shell profile or CI settings (dotenv never overrides a variable the shell already set), or load the file with dotenv's override: true.`
            : `Fix or remove ${v.variable} in ${sourcePhrase(v.location)} — it is loaded first and wins — so that the valid value from ${sourcePhrase(other.location)} is used.`}${other.change ? ` Also clean the value in ${sourcePhrase(other.location)}: it works only once ${other.change}.` : ''}`,
          location: envLocation(v),
          related: [envLocation(other)],
        }),
      );
    }
    return out;
  },
});
