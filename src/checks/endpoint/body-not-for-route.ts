// Flags a REST body whose fields are not fields of the request message of the route it is sent to (`POST /v2/models` with `{model_id, version_id}` is PostModels).
import { apiTable, type Binding, type RpcInfo } from '../../providers/clarifai/api-table.js';
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { describeRpc, displayPath, routesFor } from './lib/routes.js';
import { siteLocation, where, scrubFinding } from './lib/site.js';

const meta: CheckMeta = {
  id: 'endpoint/body-not-for-route',
  category: 'endpoint',
  severity: 'error',
  title: "Body fields that the route's request message does not have",
  description:
    'Each Clarifai route is one RPC, and its body is that RPC\'s request message (google.api.http `body: "*"`). A JSON ' +
    'body field the message does not have is not used (whether Clarifai drops it or answers an error is not documented), so the call does something else than meant: `POST /v2/models` ' +
    'with `{"model_id": …, "version_id": …}` is PostModels, which creates a model from `model`/`models` and has neither ' +
    'id, when `GET /v2/models/{model_id}` was meant. The fields come from the request messages in Clarifai\'s protos.',
};

/** REST JSON takes a field by its proto name or its lowerCamelCase JSON name. */
const protoName = (k: string) => k.replace(/[A-Z]/gu, (c) => `_${c.toLowerCase()}`);

/** Routes whose request message has every one of these fields, ids in the path first, GET first. */
function meantInstead(fields: string[], not: Set<string>, short: boolean): { rpc: RpcInfo; binding: Binding }[] {
  const scored: { rpc: RpcInfo; binding: Binding; score: number }[] = [];
  for (const rpc of apiTable.rpcs) {
    if (not.has(rpc.name)) continue;
    const own = apiTable.requestFields[rpc.requestType] ?? [];
    if (!fields.every((f) => own.includes(f))) continue;
    for (const binding of rpc.bindings) {
      if (short === binding.path.includes('{user_app_id.user_id}')) continue;
      const inPath = fields.filter((f) => binding.path.includes(`{${f}}`)).length;
      // One resource named by its ids (`…/models/{model_id}`), reading before changing.
      if (inPath === 0 || !binding.path.endsWith('}')) continue;
      scored.push({ rpc, binding, score: inPath * 10 + (binding.method === 'GET' ? 15 : 0) - binding.path.length / 100 });
    }
  }
  scored.sort((a, b) => b.score - a.score);
  const out: { rpc: RpcInfo; binding: Binding }[] = [];
  for (const s of scored) if (out.length < 2 && !out.some((o) => o.rpc.name === s.rpc.name)) out.push(s);
  return out;
}

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const out: Finding[] = [];
    for (const r of evidence.code.requests ?? []) {
      if (!r.path || !r.bodyFields || r.bodyFields.length === 0 || r.path.includes('{…}') || !['fetch', 'axios', 'requests', 'httpx'].includes(r.client)) continue;
      const hits = routesFor(r.method, r.path);
      if (hits.length === 0) continue;
      const fields = r.bodyFields.map(protoName);
      const stray = (h: (typeof hits)[number]) => {
        const own = new Set([...(apiTable.requestFields[h.rpc.requestType] ?? []), ...Object.keys(h.params).map((p) => p.split('.')[0]!)]);
        return fields.filter((f) => !own.has(f));
      };
      // With no known method every route at the path must reject the fields.
      if (!hits.every((h) => stray(h).length > 0)) continue;
      const hit = hits[0]!;
      const extra = stray(hit);
      // Named as the code writes them (`modelId`), compared by proto name.
      const written = r.bodyFields.filter((f) => extra.includes(protoName(f)));
      const own = apiTable.requestFields[hit.rpc.requestType] ?? [];
      const method = r.method ?? hit.binding.method;
      const instead = meantInstead(fields.filter((f) => f !== 'user_app_id'), new Set([hit.rpc.name]), !r.path.startsWith('/v2/users/'));
      const list = (xs: string[]) => xs.map((x) => `\`${x}\``).join(', ');
      out.push(
        finding(meta, {
          message: `${where(r)} sends ${list(written)} in the body of ${method} ${r.path}, which is ${hit.rpc.name} (it ${describeRpc(hit.rpc)}): ${hit.rpc.requestType} has no such field${extra.length === 1 ? '' : 's'} (it takes ${list(own)}), so the call does not use ${extra.length === 1 ? 'it' : 'them'}.`,
          fix:
            instead.length > 0
              ? `If you mean to ${describeRpc(instead[0]!.rpc, true)}, call ${instead.map((i) => `\`${i.binding.method} ${displayPath(i.binding.path)}\` (${i.rpc.name})`).join(' or ')} with the ids in the path; otherwise send the fields ${hit.rpc.requestType} takes.`
              : `Send the fields ${hit.rpc.requestType} takes (${list(own)}), or call the route whose request has ${list(written)}.`,
          location: siteLocation(r),
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
