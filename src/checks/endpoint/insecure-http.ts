// Flags a Clarifai API URL with plain `http://` to a host that is not this machine: the key would travel unencrypted.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { isClarifaiHost, isLoopbackHost, parseCodeUrl } from './lib/code-url.js';
import { siteLocation, where, scrubFinding } from './lib/site.js';

const meta: CheckMeta = {
  id: 'endpoint/insecure-http',
  category: 'endpoint',
  severity: 'error',
  title: 'Clarifai API called over plain http://',
  description:
    "Clarifai's API is served at https://api.clarifai.com. A request over http:// sends the Authorization header — the " +
    'key itself — in clear text across the network. Only a local emulator or proxy on this machine (localhost, 127.0.0.1) ' +
    'may be reached over http. On-premises deployments can serve http, but the key is just as exposed there.',
};

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const code = evidence.code;
    const out: Finding[] = [];
    for (const site of code.urls) {
      if (site.kind !== 'rest') continue; // a scheme on a gRPC base is endpoint/grpc-base-scheme
      const url = parseCodeUrl(site.url);
      if (url.scheme !== 'http' || url.host === undefined || isLoopbackHost(url.host)) continue;
      const clarifai = isClarifaiHost(url.host);
      out.push(
        finding(meta, {
          severity: clarifai ? 'error' : 'warning',
          message: `${where(site)} calls ${site.url} over plain http, so the key is sent unencrypted to ${url.host}.`,
          fix: clarifai
            ? `Use https: \`${site.url.replace(/^http:/iu, 'https:')}\`.`
            : `Use https:// if ${url.host} serves TLS; if it is a local emulator, point at 127.0.0.1 or localhost instead.`,
          location: siteLocation(site),
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
