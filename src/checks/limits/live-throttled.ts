// limits/live-throttled: Clarifai throttled the probes (11005 or HTTP 429): too many requests per second, not a bad key.
import { defineCheck, finding } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { credentialLabel, envLocation, exchangeLocation, statusText } from '../../live/facts.js';

const meta = {
  id: 'limits/live-throttled',
  problem: 'limits/throttled',
  category: 'limits',
  severity: 'warning',
  title: 'Requests are throttled',
  description: 'Clarifai answered 11005 CONN_THROTTLED or HTTP 429: the account sent more requests per second than its rate limit (15 by default).',
} as const;

/** `Retry-After` is seconds or an HTTP date; a date is shown as sent (a check has no clock). */
function retryAfterSeconds(value: string): number | undefined {
  return /^\d+$/u.test(value.trim()) ? Number(value.trim()) : undefined;
}

export const check = defineCheck({
  meta,
  requires: ['live'],
  run({ evidence }) {
    const live = evidence.live;
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const e of live.exchanges) {
      if (e.status?.code !== 11005 && e.httpStatus !== 429) continue;
      // A 429 page that is not Clarifai's is a proxy or WAF speaking: endpoint/live-not-clarifai reports it.
      if (!e.status) continue;
      const cred = live.credentials.find((c) => c.id === e.credential);
      if (!cred || seen.has(cred.variable)) continue;
      seen.add(cred.variable);
      const secs = e.retryAfter ? retryAfterSeconds(e.retryAfter) : undefined;
      const retry =
        secs !== undefined ? `Retry after ${secs} s (the server's Retry-After)` : e.retryAfter ? `Retry after ${e.retryAfter} (the server's Retry-After)` : 'Back off and retry (Clarifai\'s docs suggest about 15 s)';
      out.push(
        finding(meta, {
          message: `Clarifai throttled requests made with ${credentialLabel(cred)}: ${statusText(e.status)}${e.httpStatus ? ` (HTTP ${e.httpStatus})` : ''}.`,
          fix: `${retry}, and keep the app under the account's rate limit (15 requests per second by default; Clarifai can raise it on request) — e.g. limit concurrency or retry with exponential backoff.`,
          location: envLocation(cred),
          related: [exchangeLocation(e)],
        }),
      );
    }
    return out;
  },
});
