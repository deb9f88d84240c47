// endpoint/live-not-clarifai: something other than Clarifai answered (an HTML page, a WAF 403, a captive portal): the key stays unjudged.
import { defineCheck, finding } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { baseHost, exchangeLocation } from '../../live/facts.js';

const meta = {
  id: 'endpoint/live-not-clarifai',
  category: 'endpoint',
  severity: 'error',
  title: 'The answer was not from Clarifai',
  description: "The base answered without Clarifai's status object: a firewall/WAF block page, a proxy's error, a captive portal, or a server that is not Clarifai's API. A 401 or 403 from such a page says nothing about the key.",
} as const;

export const check = defineCheck({
  meta,
  requires: ['live'],
  run({ evidence }) {
    const live = evidence.live;
    const e = live.exchanges.find((x) => x.error?.kind === 'non-clarifai-body');
    if (!e) return [];
    const status = e.httpStatus !== undefined ? `HTTP ${e.httpStatus}${e.contentType ? `, ${e.contentType.split(';')[0]}` : ''}` : e.error!.message;
    const snippet = e.bodySnippet ? `: ${JSON.stringify(e.bodySnippet.slice(0, 80))}` : '';
    const out: Finding[] = [
      finding(meta, {
        message: `${baseHost(live)} answered ${e.method} ${e.url.replace(/^[a-z]+:\/\/[^/]+/iu, '')} with something that is not a Clarifai response (${status}${snippet}), so keydoctor cannot tell whether the key is valid.`,
        fix: `Check that the base is Clarifai's API (https://api.clarifai.com) and whether a firewall, VPN, proxy or captive portal intercepts it; keydoctor check --verbose prints the curl command to reproduce it.`,
        location: exchangeLocation(e),
      }),
    ];
    return out;
  },
});
