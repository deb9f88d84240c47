// The app-key-to-public-model cases beyond an explicit users/clarifai/apps/main path: a public model on the short path, and a body that names clarifai/main.
import type { FindingDraft } from '../../../types/check.js';
import { PAT_SETTINGS_URL, PUBLIC_APP_CHANGE } from '../../../providers/clarifai/pat-required.js';
import { soleCredentialKind } from '../../endpoint/lib/credential-name.js';
import { credentialedPaths } from '../../endpoint/lib/credential-paths.js';
import { siteLocation, where } from '../../endpoint/lib/site.js';
import type { CodeEvidence } from '../../../types/code-evidence.js';
import { isPublicOwner, modelPaths, ownersByFile, publicModelOf, publicModelPath } from './model-target.js';

const PAT_FIX = `Use a Personal Access Token for this call (create one at ${PAT_SETTINGS_URL}, store it as CLARIFAI_PAT)`;

/**
 * `/v2/models/general-image-recognition/outputs` (or a v2-era hex id) with a credential named like an app key, and
 * `user_app_id` set to clarifai/main in a file whose every header is built from an app key.
 */
export function appKeyPublicModelDrafts(code: CodeEvidence): FindingDraft[] {
  const out: FindingDraft[] = [];
  const files = new Set<string>();
  const shortPaths = new Map(modelPaths(code).filter((p) => p.userWritten === undefined).map((p) => [p.site, p]));
  for (const c of credentialedPaths(code)) {
    const p = c.kind === 'app-key' ? shortPaths.get(c.site) : undefined;
    const pub = publicModelOf(p?.model.literal);
    if (!p || !pub) continue;
    files.add(c.site.file);
    out.push({
      message: `${where(c.site)} calls ${c.url.shownPath}, Clarifai's public model ${p.model.literal}, with ${c.variable}, named like an app API key; ${PUBLIC_APP_CHANGE} an app key reaches only its own app, not clarifai/main.`,
      fix: `${PAT_FIX} and name the owner: \`${publicModelPath(pub.model, p.rest)}\`.`,
      location: siteLocation(c.site),
      related: [siteLocation(c.header)],
    });
  }
  for (const owners of ownersByFile(code).values()) {
    if (files.has(owners.file) || owners.users.length === 0 || !owners.users.every((u) => isPublicOwner(u.resolved))) continue;
    const headers = code.authHeaders.filter((h) => h.file === owners.file);
    const cred = soleCredentialKind(headers.flatMap((h) => h.envNames));
    if (cred?.kind !== 'app-key') continue;
    const header = headers.find((h) => h.envNames.includes(cred.name))!;
    const owner = owners.users[0]!;
    out.push({
      message: `${where(owner.site)} names clarifai/main as the owner of a request sent with ${cred.name} (${where(header)}), named like an app API key; app keys cannot reach other users' apps.`,
      fix: `${PAT_FIX} and keep user_id 'clarifai', app_id 'main'.`,
      location: siteLocation(owner.site),
      related: [siteLocation(header)],
    });
  }
  return out;
}
