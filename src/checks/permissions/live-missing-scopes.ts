// permissions/live-missing-scopes: the key lacks scopes the target call needs (its cl_depending_scopes; `All` covers all).
import { defineCheck, finding } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { credentialLabel, envLocation, exchangeLocation, statusText, targetExchange, targetLabel, usableCredentials } from '../../live/facts.js';

const meta = {
  id: 'permissions/live-missing-scopes',
  problem: 'permissions/missing-scopes',
  category: 'permissions',
  severity: 'error',
  title: 'The key lacks scopes the call needs',
  description: "The route table lists the scopes each call needs (cl_depending_scopes); the key's own scopes (from GET /v2/myscopes or /v2/users/me/myscopes) lack some, or Clarifai answered 11007.",
} as const;

export const check = defineCheck({
  meta,
  requires: ['live'],
  run({ evidence }) {
    const live = evidence.live;
    const out: Finding[] = [];
    live.targets.forEach((t, i) => {
      if (t.route.kind !== 'match') return;
      for (const v of usableCredentials(live)) {
        const ex = targetExchange(live, v.id, i);
        if (ex?.status?.code === 10000) continue;
        const needed = t.route.authType === 'KeyAuth' ? (t.route.scopes ?? []) : [];
        const missing = v.scopes && !v.scopes.includes('All') ? needed.filter((s) => !v.scopes!.includes(s)) : [];
        if (ex?.status?.code !== 11007 && missing.length === 0) continue;
        const names = missing.length > 0 ? missing.join(', ') : 'some of them';
        out.push(
          finding(meta, {
            message: `${credentialLabel(v)} lacks the scope${missing.length === 1 ? '' : 's'} ${names} that ${targetLabel(t)} needs${ex?.status?.code === 11007 ? ` (Clarifai answered ${statusText(ex.status)})` : t.sent ? '' : ' (judged from its scopes; the call was not sent)'}.`,
            fix: `Give the key ${missing.length > 0 ? `the scopes ${missing.join(', ')}` : `the scopes ${needed.join(', ')}`} (${v.kind === 'pat' ? 'Settings → Secrets → edit the token' : "the app's Settings → API Keys → edit the key"}), or use a key with the All scope.`,
            location: envLocation(v),
            ...(ex ? { related: [exchangeLocation(ex)] } : {}),
          }),
        );
      }
    });
    return out;
  },
});
