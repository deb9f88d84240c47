// permissions/live-public-model-needs-pat: Clarifai's public models (clarifai/main) need a PAT; a live call with an app key shows it.
import { defineCheck, finding } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { credentialLabel, envLocation, exchangeLocation, targetExchange, targetLabel, targetOwner, usableCredentials } from '../../live/facts.js';
import { PAT_SETTINGS_URL, PUBLIC_APP_CHANGE, PUBLIC_APP_ID, PUBLIC_MODELS_NEED_PAT, PUBLIC_USER_ID, patRequiredFor } from '../../providers/clarifai/pat-required.js';

const meta = {
  id: 'permissions/live-public-model-needs-pat',
  problem: 'permissions/app-key-public-model',
  category: 'permissions',
  severity: 'error',
  title: 'Public models need a PAT',
  description: PUBLIC_MODELS_NEED_PAT,
} as const;

export const check = defineCheck({
  meta,
  requires: ['live'],
  run({ evidence }) {
    const live = evidence.live;
    const out: Finding[] = [];
    live.targets.forEach((t, i) => {
      const owner = targetOwner(t);
      if (patRequiredFor({ ...(owner.userId !== undefined ? { userId: owner.userId } : {}) }) !== 'public-app') return;
      for (const v of usableCredentials(live)) {
        if (v.kind !== 'app_key' || (v.userId === PUBLIC_USER_ID && v.appId === owner.appId)) continue;
        const ex = targetExchange(live, v.id, i);
        if (ex?.status?.code === 10000) continue;
        out.push(
          finding(meta, {
            message: `${credentialLabel(v)} is an app key of ${v.userId}/${v.appId}, and ${targetLabel(t)} reaches Clarifai's public app ${PUBLIC_USER_ID}/${owner.appId ?? PUBLIC_APP_ID}: ${PUBLIC_APP_CHANGE} that needs a personal access token.`,
            fix: `Create a personal access token at ${PAT_SETTINGS_URL}, set CLARIFAI_PAT to it, and send it with user_id "${PUBLIC_USER_ID}" and app_id "${PUBLIC_APP_ID}" (as in this path).`,
            location: envLocation(v),
            ...(ex ? { related: [exchangeLocation(ex)] } : {}),
          }),
        );
      }
    });
    return out;
  },
});
