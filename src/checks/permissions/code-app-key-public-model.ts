// Flags a credential named like an app API key sent to clarifai/main (Clarifai's public models), which needs a PAT.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
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
    'An app API key reaches only its own app. Since API 9.3 (March 2023), and again with API 11.6 (June 2025), calls to ' +
    "resources outside the key's app — such as Clarifai's public models and workflows under user `clarifai`, app `main` — " +
    'fail with an app key; they need a Personal Access Token with `users/clarifai/apps/main` in the path. The exact error ' +
    'code for this failure is not documented. keydoctor judges the credential by its variable name.',
};

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const code = evidence.code;
    const out: Finding[] = [];
    for (const p of credentialedPaths(code)) {
      if (p.kind !== 'app-key' || !/^\/v2\/users\/clarifai\/apps\/main(?:\/|$)/u.test(p.url.path)) continue;
      out.push(
        finding(meta, {
          message: `${where(p.site)} calls ${p.url.shownPath} on Clarifai's public app clarifai/main with ${p.variable}, named like an app API key; app keys cannot reach other users' apps.`,
          fix: 'Use a Personal Access Token for this call (create one at https://clarifai.com/me/settings/secrets, store it as CLARIFAI_PAT) and keep users/clarifai/apps/main in the path.',
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
