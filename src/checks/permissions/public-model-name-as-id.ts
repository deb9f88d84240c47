// Flags a public model referred to by its display name or old API name ("General", `general-v1.3`) where Clarifai expects its id.
import type { PublicModel } from '../../providers/clarifai/public-models.js';
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { CodeSite } from '../../types/code-evidence.js';
import type { Finding, Severity } from '../../types/diagnostic.js';
import { siteLocation, where, scrubFinding } from '../endpoint/lib/site.js';
import { isPublicOwner, modelNamedNotById, modelPaths, ownersByFile, publicModelPath } from './lib/model-target.js';

const meta: CheckMeta = {
  id: 'permissions/public-model-name-as-id',
  category: 'permissions',
  severity: 'error',
  title: 'Public model named by its display name instead of its id',
  description:
    "Clarifai finds a model by its id (`general-image-recognition`, or a v2-era hex id), never by the name shown in the UI " +
    "(\"General\") or the old API name (`general-v1.3`). Asked for `general-v1.3`, Clarifai answered 11101 with details " +
    "\"model_id 'general-v1.3' not found\" (Clarifai/clarifai-python#47) — easy to mistake for a key problem.",
};

/** Old API names carry a version (`general-v1.3`, `food-items-v1.0`): no one's own model is called that by accident. */
const VERSIONED_NAME = /-v\d+(?:\.\d+)*$/u;

/** `the display name of Clarifai's Food model, whose id is food-item-recognition` */
function describe(value: string, model: PublicModel): string {
  const kind = model.displayNames.some((n) => n.toLowerCase() === value.toLowerCase()) ? 'display name' : 'old API name';
  const name = model.displayNames[0] ?? model.key;
  return `the ${kind} of Clarifai's ${name} model, ${model.id ? `whose id is ${model.id}` : 'whose current id no source names'}`;
}

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const code = evidence.code;
    const out: Finding[] = [];
    const report = (site: CodeSite, value: string, model: PublicModel, owner: 'main' | 'unknown', rest = 'outputs') => {
      // Outside clarifai/main a display name may be someone's own model id; only the versioned old names stay errors.
      const severity: Severity = owner === 'main' || VERSIONED_NAME.test(value) ? 'error' : 'warning';
      out.push(
        finding(meta, {
          severity,
          message: `${where(site)} asks for the model "${value}", ${describe(value, model)}: Clarifai looks models up by id, not by name.`,
          fix: model.id
            ? `Use the id ${model.id} (\`${publicModelPath(model, rest)}\`, with a Personal Access Token).`
            : `Use its id instead of the name; the current id is not known to keydoctor, so look the model up at https://clarifai.com/clarifai/main/models.`,
          location: siteLocation(site),
        }),
      );
    };
    const seen = new Set<string>();
    for (const p of modelPaths(code)) {
      const model = modelNamedNotById(p.model.literal);
      // A path under someone else's user is their app: their model may well be called that.
      if (!model || (p.userWritten !== undefined && !isPublicOwner(p.user))) continue;
      seen.add(`${p.site.file}:${p.site.line}`);
      report(p.site, p.model.literal!, model, p.userWritten !== undefined ? 'main' : 'unknown', p.rest);
    }
    for (const owners of ownersByFile(code).values()) {
      const ownerKnown = owners.users.filter((u) => u.resolved !== undefined);
      if (ownerKnown.some((u) => !isPublicOwner(u.resolved))) continue;
      const owner = ownerKnown.length > 0 ? 'main' : 'unknown';
      for (const m of owners.models) {
        const model = modelNamedNotById(m.resolved?.literal);
        if (!model || seen.has(`${m.site.file}:${m.site.line}`)) continue;
        // `MODEL_ID = 'General'` and `model_id=MODEL_ID`: report the place the name is written, once.
        if (m.site.literal === undefined && owners.models.some((o) => o.site.literal === m.resolved!.literal)) continue;
        seen.add(`${m.site.file}:${m.site.line}`);
        report(m.site, m.resolved!.literal!, model, owner);
      }
    }
    return out.map(scrubFinding);
  },
});
