// Flags an app key sent on a gRPC, ts-proto or Python SDK call for a model in clarifai/main (REST paths are code-app-key-public-model's).
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import { PAT_SETTINGS_URL, PUBLIC_MODELS_NEED_PAT } from '../../providers/clarifai/pat-required.js';
import type { Finding } from '../../types/diagnostic.js';
import { siteLocation, where, scrubFinding } from '../endpoint/lib/site.js';
import { appKeyPublicModelDrafts } from './lib/app-key-public-model.js';
import { callLabel, credentialKindOfRequest, isPublicOwnerValue, ownerOfRequest, REST_CLIENTS } from './lib/requests.js';

const meta: CheckMeta = {
  id: 'permissions/request-app-key-public-model',
  problem: 'permissions/app-key-public-model',
  category: 'permissions',
  severity: 'warning',
  title: "App API key sent on a gRPC or SDK call to Clarifai's public models",
  description:
    `${PUBLIC_MODELS_NEED_PAT} This check reads the scan's request records: a gRPC stub call or request message ` +
    "(Python, Node, ts-proto) naming `user_app_id` clarifai/main, or the Python SDK's `Model(url='https://clarifai.com/clarifai/main/…', pat=…)`, " +
    'sent with a credential named like an app API key (`CLARIFAI_API_KEY`, `api_key`). It is a warning because the kind is judged from the name.',
};

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const code = evidence.code;
    const out: Finding[] = [];
    // A file whose user_app_id and headers the older check already judged is not reported twice.
    const judged = new Set(appKeyPublicModelDrafts(code).flatMap((d) => (d.location && 'file' in d.location ? [d.location.file] : [])));
    for (const r of code.requests ?? []) {
      if (REST_CLIENTS.has(r.client) || judged.has(r.file)) continue;
      const owner = ownerOfRequest(r);
      if (!owner || !isPublicOwnerValue(owner.user)) continue;
      const cred = credentialKindOfRequest(r);
      if (cred?.kind !== 'app-key') continue;
      const sdk = r.client === 'clarifai-python-sdk';
      out.push(
        finding(meta, {
          message: `${where(r)} sends ${cred.name}, named like an app API key, on ${callLabel(r)} for clarifai/main${sdk ? " (the SDK's pat= takes a Personal Access Token)" : ''}; an app key reaches only its own app, not Clarifai's public models.`,
          fix: sdk
            ? `Pass a Personal Access Token (create one at ${PAT_SETTINGS_URL}), or drop pat= and set CLARIFAI_PAT: the SDK reads it itself.`
            : `Send a Personal Access Token in the authorization metadata (create one at ${PAT_SETTINGS_URL}, store it as CLARIFAI_PAT) and keep user_id 'clarifai', app_id 'main'.`,
          location: siteLocation(r),
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
