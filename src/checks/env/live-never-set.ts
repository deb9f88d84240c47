// env/live-never-set: Clarifai echoed `invalid key(None)` / `(undefined)` / `()`: the app sends the text of a variable that was never set.
import { defineCheck, finding } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { configured, credentialLabel, envLocation, exchangeLocation, exchangesOf, sourcePhrase } from '../../live/facts.js';

const meta = {
  id: 'env/live-never-set',
  category: 'env',
  severity: 'error',
  title: 'The key variable was never set',
  description: 'Clarifai answered 11009 with details `invalid key(None)`, `invalid key(undefined)`, `invalid key(null)` or `invalid key()`: what reached it is what Python or JavaScript prints for a missing value.',
} as const;

const LANG: Record<string, string> = {
  None: "Python's None",
  undefined: "JavaScript's undefined",
  null: 'null',
  '': 'an empty value',
};

export const check = defineCheck({
  meta,
  requires: ['live'],
  run({ evidence }) {
    const live = evidence.live;
    const out: Finding[] = [];
    for (const v of configured(live)) {
      const ex = exchangesOf(live, v.id).find((e) => e.status?.code === 11009 && /^invalid key\((None|undefined|null|)\)$/u.test(e.status.details));
      if (!ex) continue;
      const word = /^invalid key\((.*)\)$/u.exec(ex.status!.details)![1]!;
      out.push(
        finding(meta, {
          message: `Clarifai received "Key ${word}" from ${credentialLabel(v)} and answered 11009 ${ex.status!.details}: that is ${LANG[word] ?? word}, what an app sends when the variable was never set.`,
          fix: `Put the real key in ${sourcePhrase(v.location)} (and make sure your app loads it before it builds the Authorization header, e.g. call dotenv's config() first).`,
          location: envLocation(v),
          related: [exchangeLocation(ex)],
        }),
      );
    }
    return out;
  },
});
