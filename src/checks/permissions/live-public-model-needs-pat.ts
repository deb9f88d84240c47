// permissions/live-public-model-needs-pat: Clarifai's public models (clarifai/main) need a PAT; an app key is refused since API 9.3/11.6.
import { defineCheck, finding } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { credentialLabel, envLocation, exchangeLocation, targetExchange, targetLabel, targetOwner, usableCredentials } from '../../live/facts.js';

const meta = {
  id: 'permissions/live-public-model-needs-pat',
  problem: 'permissions/app-key-public-model',
  category: 'permissions',
  severity: 'error',
  title: 'Public models need a PAT',
  description: "Since API 9.3 (March 2023) and 11.6 (June 2025), app-specific keys cannot reach resources outside their own app, such as clarifai/main's public models; a PAT with user_id clarifai and app_id main can.",
} as const;

export const check = defineCheck({
  meta,
  requires: ['live'],
  run({ evidence }) {
    const live = evidence.live;
    const out: Finding[] = [];
    live.targets.forEach((t, i) => {
      const owner = targetOwner(t);
      if (owner.userId !== 'clarifai') return;
      for (const v of usableCredentials(live)) {
        if (v.kind !== 'app_key' || (v.userId === 'clarifai' && v.appId === owner.appId)) continue;
        const ex = targetExchange(live, v.id, i);
        if (ex?.status?.code === 10000) continue;
        out.push(
          finding(meta, {
            message: `${credentialLabel(v)} is an app key of ${v.userId}/${v.appId}, and ${targetLabel(t)} reaches Clarifai's public app clarifai/${owner.appId ?? 'main'}: since API 9.3/11.6 that needs a personal access token.`,
            fix: 'Create a personal access token at https://clarifai.com/me/settings/secrets, set CLARIFAI_PAT to it, and send it with user_id "clarifai" and app_id "main" (as in this path).',
            location: envLocation(v),
            ...(ex ? { related: [exchangeLocation(ex)] } : {}),
          }),
        );
      }
    });
    return out;
  },
});
