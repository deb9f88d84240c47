// key/live-rejected: the API itself rejected the credential the app sends, and no nearby value works either.
import { defineCheck, finding } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { candidatesOf, configured, credentialLabel, envLocation, exchangeLocation, exchangesOf, sourcePhrase, statusText } from '../../live/facts.js';
import { UNSET_ECHOES } from '../../probes/probe.js';

const meta = {
  id: 'key/live-rejected',
  category: 'key',
  severity: 'error',
  title: 'Clarifai rejects the key',
  description: 'Clarifai answered the probes with a key error (11008 invalid key, 11009 key not found, 11102 malformed header), or the value cannot even be sent in a header.',
} as const;

function fixFor(code: number | undefined, details: string, where: string): string {
  if (code === 11008 && /format/iu.test(details)) {
    return `Replace the value in ${where} with the key exactly as Clarifai shows it: 32 lowercase hex characters, nothing around it (see the key/* findings above for what is wrong with it).`;
  }
  if (code === 11009) {
    return `Copy a current key into ${where}: a personal access token from https://clarifai.com/me/settings/secrets, or an app key from your app's Settings → API Keys. Clarifai does not know this one (deleted, mistyped, or from another account; if you created it minutes ago, run keydoctor check --wait 60).`;
  }
  if (code === 11102) return `Make the header exactly "Authorization: Key <key>": the value in ${where} must be the key alone (no scheme word, no spaces).`;
  return `Replace the value in ${where} with a current key from https://clarifai.com/me/settings/secrets.`;
}

export const check = defineCheck({
  meta,
  requires: ['live'],
  run({ evidence }) {
    const live = evidence.live;
    const out: Finding[] = [];
    for (const v of configured(live)) {
      if (v.verdict !== 'invalid') continue;
      // A candidate that works is the clearer story; key/live-candidate-works or env/live-other-source-works tells it.
      if (candidatesOf(live, v.id).some((c) => c.verdict === 'valid')) continue;
      // `invalid key(None)` and friends mean "never set": env/live-never-set explains that.
      if (v.status?.code === 11009 && UNSET_ECHOES.some((w) => v.status!.details === `invalid key(${w})`)) continue;
      const evidenceExchange = exchangesOf(live, v.id).find((e) => e.status?.code === v.status?.code) ?? exchangesOf(live, v.id)[0];
      const said = v.status ? `Clarifai answered ${statusText(v.status)}` : v.reason;
      out.push(
        finding(meta, {
          message: `Clarifai rejects ${credentialLabel(v)}: ${said}.`,
          fix: fixFor(v.status?.code, v.status?.details ?? '', sourcePhrase(v.location)),
          location: envLocation(v),
          ...(evidenceExchange ? { related: [exchangeLocation(evidenceExchange)] } : {}),
        }),
      );
    }
    return out;
  },
});
