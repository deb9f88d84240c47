// permissions/live-other-app: an app key is used on a path that names a different user or app than the key belongs to.
import { defineCheck, finding } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { credentialLabel, envLocation, exchangeLocation, targetExchange, targetLabel, targetOwner, usableCredentials } from '../../live/facts.js';

const meta = {
  id: 'permissions/live-other-app',
  problem: 'permissions/app-key-other-app',
  category: 'permissions',
  severity: 'error',
  title: "An app key used on another app's path",
  description: 'An app-specific key implies its own user and app; a path naming another user or app reaches resources the key cannot access.',
} as const;

export const check = defineCheck({
  meta,
  requires: ['live'],
  run({ evidence }) {
    const live = evidence.live;
    const out: Finding[] = [];
    live.targets.forEach((t, i) => {
      const owner = targetOwner(t);
      // clarifai/* is permissions/live-public-model-needs-pat's case.
      if (!owner.userId || owner.userId === 'clarifai' || owner.userId === 'me') return;
      for (const v of usableCredentials(live)) {
        if (v.kind !== 'app_key' || !v.userId) continue;
        const sameUser = v.userId === owner.userId;
        const sameApp = !owner.appId || v.appId === owner.appId;
        if (sameUser && sameApp) continue;
        const ex = targetExchange(live, v.id, i);
        if (ex?.status?.code === 10000) continue;
        out.push(
          finding(meta, {
            message: `${credentialLabel(v)} belongs to app ${v.userId}/${v.appId}, but ${targetLabel(t)} names ${owner.userId}${owner.appId ? `/${owner.appId}` : ''}.`,
            fix: `Use a key of ${owner.userId}${owner.appId ? `/${owner.appId}` : ''} (or a PAT of a user with access), or change the path to /v2/users/${v.userId}/apps/${v.appId}/….`,
            location: envLocation(v),
            ...(ex ? { related: [exchangeLocation(ex)] } : {}),
          }),
        );
      }
    });
    return out;
  },
});
