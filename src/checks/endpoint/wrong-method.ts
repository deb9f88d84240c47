// Flags a Clarifai route called with an HTTP method it is not served under (GET on a POST-only path, and so on).
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { cachedMatchRoute, describeRpc, judgeableRestPaths } from './lib/routes.js';
import { showHoles } from './lib/code-url.js';
import { siteLocation, where, scrubFinding } from './lib/site.js';

const meta: CheckMeta = {
  id: 'endpoint/wrong-method',
  category: 'endpoint',
  severity: 'error',
  title: 'Clarifai route called with the wrong HTTP method',
  description:
    'The path exists in Clarifai\'s API table, but not for this HTTP method; Clarifai answers 11103 "Method not allowed". ' +
    'The method also decides what a path does: `POST /v2/models` is PostModels, which creates a model, while fetching one ' +
    'is `GET /v2/models/{model_id}`.',
};

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const code = evidence.code;
    const out: Finding[] = [];
    for (const { site, url } of judgeableRestPaths(code)) {
      if (!site.method) continue;
      const method = site.method.toUpperCase();
      const match = cachedMatchRoute(method, url.path);
      if (match.kind !== 'wrong-method') continue;
      // RPCs without a verb in their name (MyScopes) are shown by name alone.
      const served = match.allowed
        .map((a) => (describeRpc(a.rpc, true).startsWith('call ') ? `${a.method} (${a.rpc.name})` : `${a.method} (${a.rpc.name}: ${describeRpc(a.rpc)})`))
        .join(', ');
      // The parent path under the same method is the usual confusion (POST /v2/models/{id} vs POST /v2/models).
      const parentPath = url.path.replace(/\/[^/]+\/?$/u, '');
      const parent = parentPath.length > 3 ? cachedMatchRoute(method, parentPath) : undefined;
      const also = parent?.kind === 'match' ? ` (${method} ${showHoles(parentPath, url)} is ${parent.rpc.name}: it ${describeRpc(parent.rpc)})` : '';
      out.push(
        finding(meta, {
          message: `${where(site)} sends ${method} ${url.shownPath}, but that path serves only ${served}.`,
          fix: `Use the method for what you mean: ${match.allowed.map((a) => `\`${a.method} ${url.shownPath}\` to ${describeRpc(a.rpc, true)}`).join('; ')}${also}.`,
          location: siteLocation(site),
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
