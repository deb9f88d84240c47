// activation/live-propagation: whether a key Clarifai did not know (11009) is simply new — measured with --wait, never assumed.
import { defineCheck, finding } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { configured, credentialLabel, envLocation } from '../../live/facts.js';

const meta = {
  id: 'activation/live-propagation',
  category: 'activation',
  severity: 'info',
  title: 'A new key may need time to activate',
  description: 'A well-formed key that Clarifai answers with 11009 may be brand new. With --wait, keydoctor retries it and reports whether and when it became valid; Clarifai documents no propagation delay.',
} as const;

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export const check = defineCheck({
  meta,
  requires: ['live'],
  run({ evidence }) {
    const live = evidence.live;
    const out: Finding[] = [];
    for (const w of live.wait ?? []) {
      const v = live.credentials.find((c) => c.id === w.credential);
      if (!v) continue;
      if (w.becameValidAfterMs !== undefined) {
        out.push(
          finding(meta, {
            severity: 'warning',
            message: `${credentialLabel(v)} was unknown to Clarifai at first (11009) and became valid after ${seconds(w.becameValidAfterMs)} of retrying: it was still propagating.`,
            fix: 'Nothing to change in the key. An app that starts right after a key is created should retry 11009 for a while; Clarifai does not document how long propagation takes.',
            location: envLocation(v),
          }),
        );
      } else {
        out.push(
          finding(meta, {
            message: `keydoctor retried ${credentialLabel(v)} ${w.attempts} ${w.attempts === 1 ? 'time' : 'times'} over ${seconds(w.waitedMs)} and Clarifai never accepted it, so it is not just a new key waiting to activate (as far as ${seconds(w.maxWaitMs)} can tell).`,
            fix: 'Treat it as a wrong or deleted key: copy a current one from https://clarifai.com/me/settings/secrets (or the app\'s API Keys page).',
            location: envLocation(v),
          }),
        );
      }
    }
    if (live.wait) return out;
    for (const v of configured(live)) {
      if (v.verdict !== 'invalid' || v.status?.code !== 11009) continue;
      if (!/^[0-9a-f]{32}$/u.test(v.value.reveal())) continue;
      out.push(
        finding(meta, {
          message: `If ${credentialLabel(v)} was created in the last few minutes, Clarifai may not know it yet (11009); Clarifai documents no propagation delay.`,
          fix: 'Run keydoctor check --wait 60 to retry it with backoff and see whether (and when) it becomes valid.',
          location: envLocation(v),
        }),
      );
    }
    return out;
  },
});
