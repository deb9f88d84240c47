// Flags a Clarifai /v2 path in code or curl that matches no route in Clarifai's API table, with the nearest routes.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { cachedMatchRoute, fillTemplate, formatRoute, judgeableRestPaths } from './lib/routes.js';
import { siteLocation, where, scrubFinding } from './lib/site.js';

const meta: CheckMeta = {
  id: 'endpoint/unknown-path',
  category: 'endpoint',
  severity: 'error',
  title: 'Clarifai API path matches no route',
  description:
    "The path matches none of the REST bindings in Clarifai's API table (generated from the protos in clarifai-nodejs-grpc). " +
    'Clarifai answers such requests with 404 / 11101 "Resource does not exist" — an error easily mistaken for a key problem.',
};

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const code = evidence.code;
    const out: Finding[] = [];
    for (const { site, url } of judgeableRestPaths(code)) {
      // Any method will do: a path served under another method exists (endpoint/wrong-method judges the method).
      const match = cachedMatchRoute(site.method ?? 'GET', url.path);
      if (match.kind !== 'no-match') continue;
      // A hole may stand for several segments (`${modelPath}`), so an unmatched path with holes is not proof.
      if (url.pathHasExpression) continue;
      const best = match.nearest[0]?.distance;
      const nearest = match.nearest.filter((n) => n.distance === best).slice(0, 3);
      const first = nearest[0];
      out.push(
        finding(meta, {
          message: `${where(site)} calls ${site.method ? `${site.method} ` : ''}${url.shownPath}, which matches no Clarifai route${
            first ? `; nearest: ${nearest.map((n) => formatRoute(n.binding.method, n.binding, n.rpc)).join(', ')}` : ''
          }.`,
          fix: first
            ? `Use the route you meant, e.g. \`${first.binding.method} ${fillTemplate(first.binding.path, url.path)}\` (\`keydoctor routes ${first.rpc.name}\` shows its paths and auth).`
            : 'Look the route up with `keydoctor routes "<METHOD> <path>"`.',
          location: siteLocation(site),
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
