// Flags a misspelt Clarifai API host (api.clarifia.com, api.clarifai.co) or the website host used for API calls.
import { distance } from 'fastest-levenshtein';
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { isClarifaiHost, parseCodeUrl } from './lib/code-url.js';
import { siteLocation, where, scrubFinding } from './lib/site.js';

const meta: CheckMeta = {
  id: 'endpoint/host-typo',
  category: 'endpoint',
  severity: 'error',
  title: 'Misspelt Clarifai API host',
  description:
    "Clarifai's API host is `api.clarifai.com` (REST: https://api.clarifai.com/v2/…; gRPC: api.clarifai.com). A misspelt " +
    'domain fails to resolve — or, worse, resolves to someone else, who then receives the key. `clarifai.com` without ' +
    '`api.` is the website, not the API.',
};

/** Website hosts people paste into API URLs; the API lives on api.clarifai.com. */
const WEBSITE_HOSTS = new Set(['clarifai.com', 'www.clarifai.com', 'portal.clarifai.com']);

/** Last labels that are file extensions, not top-level domains (`.json` is not a TLD; `.py`, `.sh` … are, but no API lives there). */
const FILE_EXTENSION = /^(?:json|jsonl|txt|csv|tsv|log|ya?ml|toml|xml|html?|md|py|js|ts|sh|jpe?g|png|gif|webp|zip|gz|tar|pkl|pt|bin|out)$/u;

/** Why a host is a misspelling of Clarifai's, or undefined when it is not. */
export function hostTypo(host: string, path: string): string | undefined {
  if (isClarifaiHost(host)) {
    return WEBSITE_HOSTS.has(host) && /^\/v2(?:\/|$)/u.test(path) ? `${host} is the website; the API is api.clarifai.com` : undefined;
  }
  const labels = host.split('.');
  if (labels.length < 2) return undefined;
  const domain = labels.at(-2)!;
  const tld = labels.at(-1)!;
  // `clarifai.json`, `clarifai_results.csv`: a file name (curl -o, a path in a script), not a host.
  if (FILE_EXTENSION.test(tld)) return undefined;
  if (domain === 'clarifai') return `the domain ends in .${tld}, not .com`;
  if (domain.length >= 6 && distance(domain, 'clarifai') <= 2) return `${domain} is not spelled clarifai`;
  return undefined;
}

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const code = evidence.code;
    const out: Finding[] = [];
    for (const site of code.urls) {
      const url = parseCodeUrl(site.url);
      if (url.host === undefined) continue;
      const why = hostTypo(url.host, url.path);
      if (!why) continue;
      // The API is served over https only, so the suggestion never keeps a plain http scheme.
      const fixed = `${url.scheme ? 'https://' : ''}api.clarifai.com${url.port ? `:${url.port}` : ''}`;
      out.push(
        finding(meta, {
          message: `${where(site)} sends requests to ${url.host}: ${why}.`,
          fix: `Use the host api.clarifai.com (${site.kind === 'grpc-base' ? `gRPC target \`api.clarifai.com\`` : `\`${fixed}${url.shownPath}\``}).`,
          location: siteLocation(site),
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
