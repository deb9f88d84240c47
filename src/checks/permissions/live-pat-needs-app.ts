// permissions/live-pat-needs-app: a personal access token is used without naming the owner's user_id and app_id.
import { defineCheck, finding } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { credentialLabel, envLocation, exchangeLocation, targetExchange, targetLabel, targetOwner, usableCredentials } from '../../live/facts.js';
import { isMissingAppDetail } from '../../live/verdict.js';

const meta = {
  id: 'permissions/live-pat-needs-app',
  problem: 'permissions/pat-without-app',
  category: 'permissions',
  severity: 'error',
  title: 'A PAT without user_id and app_id',
  description: 'A PAT is tied to a user, not an app: calls must name the owner (/v2/users/{user_id}/apps/{app_id}/… or user_app_id). Without them Clarifai answers 11008 "Must provide app external ID in API authorizer".',
} as const;

export const check = defineCheck({
  meta,
  requires: ['env', 'live'],
  run({ evidence }) {
    const live = evidence.live;
    const out: Finding[] = [];
    const unset = ['CLARIFAI_USER_ID', 'CLARIFAI_APP_ID'].filter((n) => !evidence.env.variables.get(n)?.winner?.value.reveal().trim());
    const setThem = unset.length > 0 ? `Set ${unset.join(' and ')} to the resource owner's ids (yours, or clarifai/main for public models) and ` : '';
    live.targets.forEach((t, i) => {
      if (t.route.kind !== 'match') return;
      const owner = targetOwner(t);
      for (const v of usableCredentials(live)) {
        if (v.kind !== 'pat') continue;
        const ex = targetExchange(live, v.id, i);
        const rejected = isMissingAppDetail(ex?.status);
        const namesNoApp = !owner.appId && !(t.route.template ?? '').includes('/users/');
        if (!rejected && !(namesNoApp && t.route.authType === 'KeyAuth' && ex?.status?.code !== 10000)) continue;
        const better = t.route.scopedTemplate ? `${t.method} ${t.route.scopedTemplate}` : 'the /v2/users/{user_id}/apps/{app_id}/… form of the call';
        out.push(
          finding(meta, {
            message: `${credentialLabel(v)} is a personal access token, and ${targetLabel(t)} names no user or app${rejected ? ` (Clarifai answered 11008 ${ex!.status!.details})` : ''}.`,
            fix: `${setThem}${setThem ? 'call' : 'Call'} ${better} with them, or pass user_app_id { user_id, app_id } in the request.`,
            location: envLocation(v),
            ...(ex ? { related: [exchangeLocation(ex)] } : {}),
          }),
        );
      }
    });
    // No call to judge: still say what every PAT call will need, if the SDK variables for it are missing, unless the code
    // names the owner itself (`user_app_id`, USER_ID = 'clarifai'): its calls are judged from the code, not from these.
    const code = evidence.code;
    const codeNamesOwner = (code?.userAppIdFiles?.length ?? 0) > 0 || (code?.idSites ?? []).some((s) => s.role !== 'model' && s.literal !== undefined);
    if (live.targets.length === 0 && unset.length > 0 && !codeNamesOwner) {
      for (const v of usableCredentials(live)) {
        if (v.kind !== 'pat') continue;
        out.push(
          finding(meta, {
            severity: 'warning',
            message: `${credentialLabel(v)} is a personal access token of user ${v.userId ?? '(unknown)'}, but ${unset.join(' and ')} ${unset.length === 1 ? 'is' : 'are'} not set: Clarifai's SDKs need them to name whose app a PAT call is for.`,
            fix: `Set ${unset.join(' and ')} next to the PAT to the owner of what the app calls: ${unset
              .map((n) => `${n}=${n === 'CLARIFAI_USER_ID' ? (v.userId ?? '<your user id>') : '<your app id>'}`)
              .join(' and ')} for your own apps and models, or ${unset.map((n) => `${n}=${n === 'CLARIFAI_USER_ID' ? 'clarifai' : 'main'}`).join(' and ')} for Clarifai's public models.`,
            location: envLocation(v),
          }),
        );
      }
    }
    return out;
  },
});
