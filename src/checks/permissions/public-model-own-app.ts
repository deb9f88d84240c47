// Flags a request for one of Clarifai's public models that names the caller's own user/app instead of clarifai/main, so the model is looked up in the wrong app.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import { PUBLIC_MODELS_NEED_PAT } from '../../providers/clarifai/pat-required.js';
import type { Finding } from '../../types/diagnostic.js';
import type { Evidence } from '../../types/evidence.js';
import { siteLocation, where, scrubFinding } from '../endpoint/lib/site.js';
import { isPlaceholderId, isPublicOwner, modelPaths, ownersByFile, publicModelOf, publicModelPath, type Resolved } from './lib/model-target.js';
import { modelShown, callLabel, isOwnOwnerValue, ownerOfRequest, publicModelOfRequest, publicOwnerFix } from './lib/requests.js';
import type { RequestValue } from '../../types/code-evidence.js';

const meta: CheckMeta = {
  id: 'permissions/public-model-own-app',
  category: 'permissions',
  severity: 'error',
  title: "Public model requested from the caller's own app",
  description:
    "Clarifai's public models (General, Face Detection, …) live under user `clarifai`, app `main`. A request names the " +
    'owner of the model it wants, in the path (`/v2/users/{user_id}/apps/{app_id}/models/{model_id}/…`) or in ' +
    '`user_app_id`; with your own user and app there, Clarifai looks the model up in your app, where it does not exist. ' +
    "Clarifai's own example of the June 2025 change is exactly this call. " + PUBLIC_MODELS_NEED_PAT + ' The error code of the failure is not documented.',
};

/**
 * An owner someone actually set: a literal that is not a placeholder, or an environment variable, unless the
 * environment read says that variable holds `clarifai` (then the app does name the public owner).
 */
function ownOwner(user: Resolved | undefined, env?: Evidence['env']): user is Resolved {
  if (!user) return false;
  if (user.env !== undefined) return env?.variables.get(user.env)?.winner?.value.reveal().trim() !== 'clarifai';
  return user.literal !== undefined && !isPublicOwner(user) && !isPlaceholderId(user.literal);
}

const FIX_TAIL = "with a Personal Access Token (an app API key cannot reach clarifai/main); your own user and app ids are for your own app's models.";

function valueShown(v: RequestValue): string {
  if ('literal' in v) return v.literal === 'me' ? "me (your own user)" : `'${v.literal}'`;
  return 'env' in v ? `env ${v.env}` : v.expr;
}

/** `me` is Clarifai's alias for the caller: say so. */
function ownerShown(user: Resolved): string {
  return user.literal === 'me' ? "me (your own user)" : user.shown;
}

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const code = evidence.code;
    const out: Finding[] = [];
    const reported = new Set<string>();
    // Request records first: the owner and the model of one call (a short path with user_app_id in its body, a gRPC
    // message, the SDK's url). Owners in the path are the URL loop's below.
    for (const r of code.requests ?? []) {
      const owner = ownerOfRequest(r);
      const pub = publicModelOfRequest(r);
      if (!owner || owner.where === 'path' || !pub || !isOwnOwnerValue(owner.user)) continue;
      reported.add(r.file);
      out.push(
        finding(meta, {
          message: `${where(r)} asks for Clarifai's public model ${modelShown(pub)} (${callLabel(r)}) with user ${valueShown(owner.user!)}${owner.app ? ` and app ${valueShown(owner.app)}` : ''} as its owner instead of clarifai/main, so Clarifai looks for it in that user's app.`,
          fix: `Use \`${publicOwnerFix(r)}\` for this call ${FIX_TAIL}`,
          location: siteLocation(r),
        }),
      );
    }
    for (const p of modelPaths(code)) {
      if (reported.has(p.site.file) && code.requests?.some((r) => r.file === p.site.file && r.line === p.site.line)) continue;
      const pub = publicModelOf(p.model.literal);
      if (!pub || p.userWritten === undefined || !ownOwner(p.user, evidence.env)) continue;
      reported.add(p.site.file);
      out.push(
        finding(meta, {
          message: `${where(p.site)} asks for Clarifai's public model ${p.model.literal} under user ${ownerShown(p.user)} instead of clarifai/main, so Clarifai looks for it in that user's app.`,
          fix: `Call \`${publicModelPath(pub.model, p.rest)}\` ${FIX_TAIL}`,
          location: siteLocation(p.site),
        }),
      );
    }
    for (const owners of ownersByFile(code).values()) {
      if (reported.has(owners.file) || owners.users.length === 0) continue;
      // Every owner in the file must be someone else's: a file that also names clarifai (or an owner we cannot read) is left alone.
      if (!owners.users.every((u) => ownOwner(u.resolved, evidence.env))) continue;
      const publicModels = owners.models.map((m) => ({ m, pub: publicModelOf(m.resolved?.literal) })).filter((x) => x.pub !== undefined);
      if (publicModels.length === 0) continue;
      const owner = owners.users[0]!;
      const { m, pub } = publicModels[0]!;
      out.push(
        finding(meta, {
          message: `${where(owner.site)} names user ${ownerShown(owner.resolved!)} as the owner of a request for Clarifai's public model ${m.resolved!.literal} (${where(m.site)}), so Clarifai looks for it in that user's app instead of clarifai/main.`,
          fix: `Set user_id 'clarifai' and app_id 'main' for this call (or call \`${publicModelPath(pub!.model)}\`) ${FIX_TAIL}`,
          location: siteLocation(owner.site),
          related: [siteLocation(m.site)],
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
