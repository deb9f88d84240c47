// Reports a credential the image gets only as a build ARG: build arguments are gone when the container runs, so the app reads nothing.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { at, locationOf, valuedEntries } from './lib/entry-values.js';

const meta: CheckMeta = {
  id: 'env/build-arg-only',
  category: 'env',
  severity: 'error',
  title: 'The key is only a build argument',
  description:
    'A Dockerfile `ARG` exists only while the image is built (`docker build --build-arg`, compose `build.args`); the ' +
    'containers started from the image do not have it. An app that reads the key from its environment at run time gets ' +
    'nothing unless `docker run -e`, compose `environment:` or `env_file:` passes it.',
};

export const check = defineCheck({
  meta,
  requires: ['loaders'],
  run({ evidence }) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const { entry, value: v } of valuedEntries(evidence.loaders)) {
      if (v.from !== 'arg-only' || seen.has(`${at(v)}:${v.name}`)) continue;
      seen.add(`${at(v)}:${v.name}`);
      const compose = entry.name.startsWith('docker compose');
      out.push(
        finding(meta, {
          // Started by compose, keydoctor knows nothing passes it; with plain docker run, `-e` may.
          severity: compose ? 'error' : 'warning',
          message: `${at(v)} declares ARG ${v.name}, but a build argument is gone when the container runs: ${entry.name} has no ${v.name}${compose ? '' : ' unless docker run -e passes it'}, so the app reads nothing.`,
          fix: `Pass ${v.name} when the container starts (${compose ? `environment: or env_file: of the service` : `docker run -e ${v.name} or --env-file`}), and remove the ARG; do not copy it into ENV, which would store the key in the image.`,
          location: locationOf(v),
        }),
      );
    }
    return out;
  },
});
