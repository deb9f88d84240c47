// Flags a credential named like an app API key sent to a route that accepts only a Personal Access Token (PATAuth).
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { credentialedPaths } from '../endpoint/lib/credential-paths.js';
import { routesFor } from '../endpoint/lib/routes.js';
import { siteLocation, where, scrubFinding } from '../endpoint/lib/site.js';

const meta: CheckMeta = {
  id: 'permissions/code-app-key-pat-route',
  problem: 'permissions/app-key-on-pat-route',
  category: 'permissions',
  severity: 'warning',
  title: 'App API key used on a PAT-only route',
  description:
    "Clarifai marks each RPC with the credential it accepts. PATAuth routes (listing apps, managing keys, users, modules, " +
    "compute — 90 RPCs) take only a Personal Access Token: \"An app-specific API key will not work when PATAuth is used\" " +
    '(proto types.proto). keydoctor judges the credential by its variable name, since a PAT and an app key look alike.',
};

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const code = evidence.code;
    const out: Finding[] = [];
    for (const p of credentialedPaths(code)) {
      if (p.kind !== 'app-key') continue;
      const hits = routesFor(p.site.method, p.url.path);
      if (hits.length === 0 || !hits.every((h) => h.rpc.authType === 'PATAuth')) continue;
      const hit = hits[0]!;
      const method = p.site.method?.toUpperCase() ?? hit.binding.method;
      out.push(
        finding(meta, {
          message: `${where(p.site)} calls ${method} ${p.url.shownPath} (${hit.rpc.name}) with ${p.variable}, named like an app API key, but ${hit.rpc.name} accepts only a Personal Access Token.`,
          fix: `Send a PAT for this call: create one at https://clarifai.com/me/settings/secrets, store it as CLARIFAI_PAT, and build the header from it (\`Key \${CLARIFAI_PAT}\`).`,
          location: siteLocation(p.site),
          related: [siteLocation(p.header)],
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
