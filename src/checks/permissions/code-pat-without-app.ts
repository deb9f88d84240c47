// Flags a PAT sent to a short legacy path without /users/{user_id}/apps/{app_id}: only an app key implies the app.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { credentialedPaths } from '../endpoint/lib/credential-paths.js';
import { appScopedAlternative, routesFor } from '../endpoint/lib/routes.js';
import { siteLocation, where, scrubFinding } from '../endpoint/lib/site.js';
import { showHoles } from '../endpoint/lib/code-url.js';

const meta: CheckMeta = {
  id: 'permissions/code-pat-without-app',
  problem: 'permissions/pat-without-app',
  category: 'permissions',
  severity: 'error',
  title: 'PAT used on a path that does not name the app',
  description:
    'An app API key implies its user and app, so the short legacy paths (`/v2/models`, `/v2/models/{model_id}/outputs`) ' +
    'work with it. A Personal Access Token belongs to a user, not an app: the request must name the owner of the resource ' +
    'in the path (`/v2/users/{user_id}/apps/{app_id}/…`) or in `user_app_id` in the body. Without it Clarifai answers ' +
    '11008 "Invalid API key or Invalid API key/application pair", details "Must provide app external ID in API authorizer".',
};

/** Scope introspection is meant to be called without an app; it is how a credential is classified. */
const APP_FREE = new Set(['MyScopes']);

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const code = evidence.code;
    const out: Finding[] = [];
    for (const p of credentialedPaths(code)) {
      if (p.kind !== 'pat' || /user_app_id/u.test(p.url.query)) continue;
      const hits = routesFor(p.site.method, p.url.path);
      const short = hits.filter((h) => h.rpc.authType === 'KeyAuth' && !APP_FREE.has(h.rpc.name) && !h.binding.path.includes('{user_app_id.app_id}'));
      if (hits.length === 0 || short.length !== hits.length) continue;
      const hit = short[0]!;
      const scoped = appScopedAlternative(hit);
      if (!scoped) continue;
      const alternative = showHoles(scoped, p.url);
      // GET and DELETE carry no body, so nothing else can name the app; a POST body may hold user_app_id, which
      // Clarifai's own docs snippet does (short path + user_app_id in the body): skip files known to name the owner.
      const bodyless = p.site.method !== undefined && /^(?:GET|DELETE)$/iu.test(p.site.method);
      const ownerInCode = code.userAppIdFiles === undefined ? undefined : code.userAppIdFiles.includes(p.site.file);
      if (!bodyless && ownerInCode === true) continue;
      const method = p.site.method?.toUpperCase() ?? hit.binding.method;
      out.push(
        finding(meta, {
          severity: bodyless ? 'error' : ownerInCode === false ? 'warning' : 'info',
          message: `${where(p.site)} calls ${method} ${p.url.shownPath} (${hit.rpc.name}) with ${p.variable}, named like a PAT, on a path that does not name the app${
            bodyless ? '' : ' (unless the body sets user_app_id)'
          }.`,
          fix: `Name the resource owner in the path: \`${method} ${alternative}\` with your user and app ids (clarifai and main for Clarifai's public models)${
            bodyless ? '' : ', or send `user_app_id: { user_id, app_id }` in the body'
          }.`,
          location: siteLocation(p.site),
          related: [siteLocation(p.header)],
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
