// Reports a Dockerfile ENV that sets the credential to an empty or placeholder value which nothing replaces when the container runs.
import { analyzeKeyValue } from '../../providers/clarifai/key-format.js';
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { at, locationOf, valuedEntries } from './lib/entry-values.js';

const meta: CheckMeta = {
  id: 'env/image-env-placeholder',
  category: 'env',
  severity: 'error',
  title: "The image's ENV sets the key to a placeholder",
  description:
    'A Dockerfile `ENV CLARIFAI_PAT=` (empty) or `ENV CLARIFAI_PAT=your_pat_here` is the value every container of the ' +
    'image has unless `docker run -e`, compose `environment:` or `env_file:` replaces it. When nothing does, the app ' +
    'sends the placeholder (or nothing) as its key.',
};

export const check = defineCheck({
  meta,
  requires: ['loaders'],
  run({ evidence }) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const { entry, value: v } of valuedEntries(evidence.loaders)) {
      if (v.from !== 'image' || v.value === undefined) continue;
      const raw = v.value.reveal();
      const empty = raw.trim() === '';
      const identity = analyzeKeyValue(raw).identity;
      // ENV NAME=$ARG takes whatever --build-arg passes (exposure/image-baked-key's concern), not an empty value.
      if (v.fromArg !== undefined || (!empty && identity?.kind !== 'placeholder') || seen.has(`${at(v)}:${v.name}`)) continue;
      seen.add(`${at(v)}:${v.name}`);
      const compose = entry.name.startsWith('docker compose');
      out.push(
        finding(meta, {
          severity: compose ? 'error' : 'warning',
          message: `${at(v)} sets ENV ${v.name} to ${empty ? 'an empty value' : `a placeholder (${identity!.label})`}, and ${compose ? `nothing in the compose file replaces it for the ${/service (.+)\)$/u.exec(entry.name)?.[1] ?? ''} service` : 'the container keeps it unless docker run -e replaces it'}, so the app sends ${empty ? 'no key' : 'the placeholder as its key'}.`,
          fix: `Delete the ENV ${v.name} line from ${v.at.file} and pass the key when the container starts (${compose ? 'environment: or env_file: of the service' : `docker run -e ${v.name} or --env-file .env`}).`,
          location: locationOf(v),
        }),
      );
    }
    return out;
  },
});
