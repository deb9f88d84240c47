// Reports a Clarifai key baked into a Docker image: written in an ENV or ARG default, or copied from a build ARG into ENV.
import { analyzeKeyValue } from '../../providers/clarifai/key-format.js';
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { looksLikeRealSecret } from '../env/lib/env.js';
import type { Evidence } from '../../types/evidence.js';
import { at, locationOf, valuedEntries } from '../env/lib/entry-values.js';

const meta: CheckMeta = {
  id: 'exposure/image-baked-key',
  category: 'exposure',
  severity: 'error',
  title: 'Clarifai key baked into the Docker image',
  description:
    'An `ENV` value (and an `ARG` default, or whatever `--build-arg` passed into an `ENV`) is stored in the image\'s ' +
    'configuration and layers: anyone who can pull the image reads it with `docker history` or `docker inspect`, and it ' +
    'stays in every registry the image is pushed to. Pass the key when the container starts instead.',
};

export const check = defineCheck({
  meta,
  requires: ['loaders'],
  run({ evidence }) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const { value: v } of valuedEntries(evidence.loaders)) {
      if ((v.from !== 'image' && v.from !== 'arg-only') || seen.has(`${at(v)}:${v.name}`)) continue;
      const raw = v.value?.reveal() ?? '';
      const written = raw !== '' && looksLikeRealSecret(raw) && analyzeKeyValue(raw).identity === undefined;
      if (!written && v.fromArg === undefined) continue;
      // A key written on the line is exposure/hardcoded-key's already (one place, one finding); this check adds the build-arg copy.
      if (written && (evidence as Evidence).code?.keyLiterals.some((k) => k.file === v.at.file && k.line === v.at.line)) continue;
      seen.add(`${at(v)}:${v.name}`);
      out.push(
        finding(meta, {
          severity: written ? 'error' : 'warning',
          message: written
            ? `${at(v)} writes a Clarifai key into the image (${v.from === 'image' ? 'ENV' : 'ARG default'} ${v.name}): anyone who can pull the image reads it with docker history or docker inspect.`
            : `${at(v)} copies the build argument ${v.fromArg} into ENV ${v.name}: the key passed with --build-arg is stored in the image, where docker history and docker inspect show it.`,
          fix: `Remove ${v.name} from ${v.at.file} and pass it when the container starts (docker run -e ${v.name}, or compose environment:/env_file:)${written ? '; then delete this key and create a new one (https://clarifai.com/me/settings/secrets), since the image may already have been shared' : ''}.`,
          location: locationOf(v),
        }),
      );
    }
    return out;
  },
});
