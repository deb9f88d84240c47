// Flags Clarifai API paths under /v1: every route Clarifai serves is under /v2.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { matchRoute } from '../../providers/clarifai/api-table.js';
import { isJudgeable, parseCodeUrl, showHoles } from './lib/code-url.js';
import { siteLocation, where, scrubFinding } from './lib/site.js';

const meta: CheckMeta = {
  id: 'endpoint/v1-path',
  category: 'endpoint',
  severity: 'error',
  title: 'Clarifai API path under /v1',
  description:
    "Every route in Clarifai's API table (generated from its protos) starts with /v2. A /v1 path comes from pre-2017 " +
    'tutorials and clients and matches no route, so the request fails however good the key is.',
};

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const code = evidence.code;
    const out: Finding[] = [];
    for (const site of code.urls) {
      if (site.kind !== 'rest') continue;
      const url = parseCodeUrl(site.url);
      if (!isJudgeable(url) || !/^\/v1(?:\/|$)/u.test(url.path)) continue;
      // Only a Clarifai host or a bare path in a Clarifai file: a loopback /v1 is probably another local service.
      if (url.host !== undefined && !url.host.endsWith('clarifai.com')) continue;
      const v2 = url.path.replace(/^\/v1/u, '/v2');
      const match = matchRoute(site.method ?? 'GET', v2);
      const hint =
        match.kind === 'match'
          ? ` — that is ${match.rpc.name}`
          : match.kind === 'wrong-method'
            ? ` — served there: ${match.allowed.map((a) => `${a.method} (${a.rpc.name})`).join(', ')}`
            : '; check the route with `keydoctor routes`';
      out.push(
        finding(meta, {
          message: `${where(site)} calls the /v1 path ${url.shownPath}; Clarifai's API has only /v2 routes.`,
          fix: `Use \`${showHoles(v2, url)}\`${hint}.`,
          location: siteLocation(site),
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
