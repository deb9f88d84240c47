// Flags a request for one of Clarifai's public models that names no owner (no user_app_id, no /users/…/apps/… path): it fails with either kind of key.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import { PAT_SETTINGS_URL, PUBLIC_APP_CHANGE } from '../../providers/clarifai/pat-required.js';
import type { Finding } from '../../types/diagnostic.js';
import { siteLocation, where, scrubFinding } from '../endpoint/lib/site.js';
import { publicModelPath } from './lib/model-target.js';
import { modelShown, callLabel, restOfPath, credentialKindOfRequest, namesNoOwner, publicModelOfRequest, publicOwnerFix, REST_CLIENTS } from './lib/requests.js';

const meta: CheckMeta = {
  id: 'permissions/public-model-no-owner',
  category: 'permissions',
  severity: 'error',
  title: "Public model called without naming its owner (clarifai/main)",
  description:
    "A call to one of Clarifai's public models (`PostModelOutputsRequest(model_id='general-image-recognition')`, " +
    "`stub.PostModelOutputs({ model_id })`, `/v2/models/face-detection/outputs`) with no `user_app_id` and no " +
    '`/users/clarifai/apps/main` in the path. With a Personal Access Token Clarifai cannot tell which app is meant ' +
    `("Must provide app external ID in API authorizer"); with an app key it looks in the key's own app, and ${PUBLIC_APP_CHANGE} ` +
    'public models are not reachable from it. Read from the request records of the scan (REST, gRPC in Python and Node, ts-proto).',
};

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const code = evidence.code;
    const out: Finding[] = [];
    for (const r of code.requests ?? []) {
      if (r.client === 'clarifai-python-sdk' || !namesNoOwner(r)) continue;
      const pub = publicModelOfRequest(r);
      if (!pub) continue;
      const kind = credentialKindOfRequest(r)?.kind;
      // A REST call with a credential named like a PAT or an app key is reported by code-pat-without-app and
      // code-app-key-public-model already (unless the file names an owner somewhere, which those checks take on trust).
      if (REST_CLIENTS.has(r.client) && (kind === 'app-key' || (kind === 'pat' && !(code.userAppIdFiles ?? []).includes(r.file)))) continue;
      const rest = REST_CLIENTS.has(r.client);
      out.push(
        finding(meta, {
          message: `${where(r)} calls Clarifai's public model ${modelShown(pub)} (${callLabel(r)}) without ${rest ? 'user_app_id or /users/clarifai/apps/main in the path' : 'user_app_id'}: a PAT then names no app, and an app key reaches only its own app, so the call fails with either kind of key.`,
          fix: `Name the model's owner: ${rest ? `call \`${publicModelPath(pub.model, restOfPath(r.path))}\` or add \`${publicOwnerFix(r)}\` to the body` : `add \`${publicOwnerFix(r)}\` to the request`}, and send a Personal Access Token (create one at ${PAT_SETTINGS_URL}).`,
          location: siteLocation(r),
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
