// Flags a credential named like an app API key sent to clarifai/main (Clarifai's public models), which needs a PAT.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { namesPublicApp, PAT_SETTINGS_URL, PUBLIC_MODELS_NEED_PAT } from '../../providers/clarifai/pat-required.js';
import { credentialedPaths } from '../endpoint/lib/credential-paths.js';
import { siteLocation, where, scrubFinding } from '../endpoint/lib/site.js';
import { appKeyPublicModelDrafts } from './lib/app-key-public-model.js';

const meta: CheckMeta = {
  id: 'permissions/code-app-key-public-model',
  problem: 'permissions/app-key-public-model',
  category: 'permissions',
  severity: 'warning',
  title: "App API key used on Clarifai's public models (clarifai/main)",
  description:
    `${PUBLIC_MODELS_NEED_PAT} The path names the owner (\`users/clarifai/apps/main\`). The exact error ` +
    'code for this failure is not documented. keydoctor judges the credential by its variable name.',
};

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const code = evidence.code;
    const out: Finding[] = [];
    for (const p of credentialedPaths(code)) {
      if (p.kind !== 'app-key' || !namesPublicApp(p.url.path)) continue;
      out.push(
        finding(meta, {
          message: `${where(p.site)} calls ${p.url.shownPath} on Clarifai's public app clarifai/main with ${p.variable}, named like an app API key; app keys cannot reach other users' apps.`,
          fix: `Use a Personal Access Token for this call (create one at ${PAT_SETTINGS_URL}, store it as CLARIFAI_PAT) and keep users/clarifai/apps/main in the path.`,
          location: siteLocation(p.site),
          related: [siteLocation(p.header)],
        }),
      );
    }
    // The same failure written other ways: a public model on the short /v2/models/{id} path, or clarifai/main in user_app_id.
    for (const draft of appKeyPublicModelDrafts(code)) out.push(finding(meta, draft));
    return out.map(scrubFinding);
  },
});
