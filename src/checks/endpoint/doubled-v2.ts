// Flags a doubled API prefix: v2 twice in a row, or a base that already ends in /v2 joined with a path that starts with /v2.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { UrlSite } from '../../types/code-evidence.js';
import type { Finding } from '../../types/diagnostic.js';
import { parseCodeUrl } from './lib/code-url.js';
import { siteLocation, where, scrubFinding } from './lib/site.js';

const meta: CheckMeta = {
  id: 'endpoint/doubled-v2',
  category: 'endpoint',
  severity: 'error',
  title: 'API prefix /v2 doubled in a URL',
  description:
    'Clarifai routes start with one /v2. Joining a base that already ends in /v2 (`https://api.clarifai.com/v2`) with a ' +
    'path that starts with /v2 gives `/v2/v2/…`, which matches no route; the same mistake with full URLs gives ' +
    '`…/v2//v2/https://api.clarifai.com/v2/…` (seen in Clarifai/clarifai-python#96).',
};

const DOUBLED = /\/v2\/+(?:v2(?:\/|$)|https?:)/iu;

/** A literal base that ends in /v2 and has nothing after it. */
function isV2Base(site: UrlSite): boolean {
  const url = parseCodeUrl(site.url);
  return url.host !== undefined && !url.pathHasExpression && /^\/v2\/?$/u.test(url.path);
}

function undoubled(url: string): string {
  return url.replace(/\/v2\/+(?:https?:\/\/[^/]+\/v2\/?)?(?:v2\/?)?/iu, '/v2/');
}

export const check = defineCheck({
  meta,
  requires: ['env', 'code'],
  run({ evidence }) {
    const code = evidence.code;
    const out: Finding[] = [];
    const apiBase = evidence.env.variables.get('CLARIFAI_API_BASE')?.winner;
    const apiBaseEndsInV2 = apiBase !== undefined && /\/v2\/?\s*$/u.test(apiBase.value.reveal());
    // One base ending in /v2 per file is enough to suspect a doubled join there.
    const v2Bases = new Map<string, UrlSite>();
    for (const b of code.urls) if (!v2Bases.has(b.file) && isV2Base(b)) v2Bases.set(b.file, b);
    for (const site of code.urls) {
      if (site.kind !== 'rest') continue;
      const url = parseCodeUrl(site.url);
      if (DOUBLED.test(url.path)) {
        out.push(
          finding(meta, {
            message: `${where(site)} builds ${site.url}, with the /v2 prefix twice.`,
            fix: `Keep one /v2: \`${undoubled(site.url)}\` (if a base already ends in /v2, append paths without it).`,
            location: siteLocation(site),
          }),
        );
        continue;
      }
      if (!url.leadingExpression || !/^\/v2(?:\/|$)/u.test(url.path)) continue;
      const expr = /^\$\{([^}]*)\}/u.exec(site.url.trim())?.[1] ?? 'the base';
      // The base is CLARIFAI_API_BASE from the environment, and the environment sets it with /v2.
      if (apiBaseEndsInV2 && /CLARIFAI_API_BASE/u.test(expr)) {
        out.push(
          finding(meta, {
            message: `${where(site)} appends ${url.shownPath} to CLARIFAI_API_BASE, which ${apiBase.location.source} sets to ${apiBase.value.reveal().trim()} — the request goes to /v2/v2/….`,
            fix: 'Set `CLARIFAI_API_BASE=https://api.clarifai.com` (no /v2: the official SDKs add it themselves), or drop /v2 from the appended path.',
            location: siteLocation(site),
            related: [apiBase.location],
          }),
        );
        continue;
      }
      // A base ending in /v2 written in the same file is the likely value of the leading expression.
      const base = v2Bases.get(site.file);
      if (base) {
        out.push(
          finding(meta, {
            severity: 'warning',
            message: `${where(site)} appends ${url.shownPath} to \`${expr}\`, and ${where(base)} defines a base that already ends in /v2 (${base.url}).`,
            fix: `If \`${expr}\` is that base, drop /v2 from one side: base \`${base.url.replace(/\/v2\/?$/u, '')}\`, or append \`${url.shownPath.replace(/^\/v2/u, '')}\`.`,
            location: siteLocation(site),
            related: [siteLocation(base)],
          }),
        );
      }
    }
    return out.map(scrubFinding);
  },
});
