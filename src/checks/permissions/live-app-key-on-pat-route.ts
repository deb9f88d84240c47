// permissions/live-app-key-on-pat-route: an app-specific key is used on a call that accepts only a personal access token.
import { defineCheck, finding } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { credentialLabel, envLocation, exchangeLocation, targetExchange, targetLabel, usableCredentials } from '../../live/facts.js';

const meta = {
  id: 'permissions/live-app-key-on-pat-route',
  problem: 'permissions/app-key-on-pat-route',
  category: 'permissions',
  severity: 'error',
  title: 'An app key on a PAT-only call',
  description: 'The route table marks the call PATAuth ("An app-specific API key will not work"), and the probes show the key is an app-specific key.',
} as const;

export const check = defineCheck({
  meta,
  requires: ['live'],
  run({ evidence }) {
    const live = evidence.live;
    const out: Finding[] = [];
    live.targets.forEach((t, i) => {
      if (t.route.kind !== 'match' || t.route.authType !== 'PATAuth') return;
      for (const v of usableCredentials(live)) {
        if (v.kind !== 'app_key') continue;
        const ex = targetExchange(live, v.id, i);
        if (ex?.status?.code === 10000) continue;
        out.push(
          finding(meta, {
            message: `${credentialLabel(v)} is an app-specific key (app ${v.userId}/${v.appId}), but ${targetLabel(t)} accepts only a personal access token.`,
            fix: 'Create a personal access token at https://clarifai.com/me/settings/secrets, put it in CLARIFAI_PAT, and send it instead of the app key for this call.',
            location: envLocation(v),
            ...(ex ? { related: [exchangeLocation(ex)] } : {}),
          }),
        );
      }
    });
    return out;
  },
});
