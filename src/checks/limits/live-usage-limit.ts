// limits/live-usage-limit: Clarifai refused a call because a usage limit or the plan is exhausted (11000, 11003, 11004, 11006).
import { defineCheck, finding } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { credentialLabel, envLocation, exchangeLocation, statusText } from '../../live/facts.js';

const meta = {
  id: 'limits/live-usage-limit',
  category: 'limits',
  severity: 'error',
  title: 'A usage limit is exhausted',
  description: 'Clarifai answered 11003 (hourly limit), 11004 (monthly limit), 11006 (account limits) or 11000 (plan problem): the key is known, but the account may not make more calls now.',
} as const;

const LIMITS: Record<number, { what: string; when: string }> = {
  11003: {
    what: 'the hourly usage limit is used up',
    when: 'Retry later within the next hour (Clarifai does not document when the hourly window resets), or raise the limit by upgrading the plan at https://clarifai.com/settings/billing.',
  },
  11004: {
    what: 'the monthly usage limit is used up',
    when: 'Wait for the next billing month or upgrade the plan at https://clarifai.com/settings/billing; retrying sooner will fail the same way.',
  },
  11006: {
    what: "the account's limits are exceeded",
    when: 'Check the account’s usage and limits at https://clarifai.com/settings/billing; retrying will not help until the account is changed.',
  },
  11000: {
    what: 'the account has a plan problem',
    when: 'Check the plan and payment details at https://clarifai.com/settings/billing.',
  },
};

export const check = defineCheck({
  meta,
  requires: ['live'],
  run({ evidence }) {
    const live = evidence.live;
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const e of live.exchanges) {
      const code = e.status?.code;
      if (code === undefined || !LIMITS[code]) continue;
      const cred = live.credentials.find((c) => c.id === e.credential);
      if (!cred || seen.has(`${cred.variable}:${code}`)) continue;
      seen.add(`${cred.variable}:${code}`);
      out.push(
        finding(meta, {
          message: `Clarifai refused a call with ${credentialLabel(cred)} because ${LIMITS[code]!.what}: ${statusText(e.status!)}.`,
          fix: LIMITS[code]!.when,
          location: envLocation(cred),
          related: [exchangeLocation(e)],
        }),
      );
    }
    return out;
  },
});
