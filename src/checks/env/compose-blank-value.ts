// Reports a compose service whose credential comes from `${VAR}` with VAR set neither in the shell nor in the project .env: the container gets a blank value (or compose refuses to start).
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { at, locationOf, valuedEntries } from './lib/entry-values.js';

const meta: CheckMeta = {
  id: 'env/compose-blank-value',
  category: 'env',
  severity: 'error',
  title: 'Compose fills the key from a variable that is not set',
  description:
    'Compose replaces `${VAR}` in docker-compose.yml with the value from the shell that runs compose, or from the `.env` ' +
    'file beside docker-compose.yml — and from nowhere else: a service\'s `env_file:` goes to the container, it is not ' +
    'used for `${…}`. When VAR is set in neither place, compose warns "The VAR variable is not set. Defaulting to a ' +
    'blank string." and the container gets an empty value; and since `environment:` beats `env_file:`, that blank value ' +
    'also replaces a key the env_file would have passed. `${VAR?msg}` makes compose refuse to start instead.',
};

export const check = defineCheck({
  meta,
  requires: ['env', 'loaders'],
  run({ evidence }) {
    const out: Finding[] = [];
    const files = new Map(evidence.env.files.map((f) => [f.path, f]));
    for (const { entry, value: v } of valuedEntries(evidence.loaders)) {
      if (entry.runtime !== 'container' || (v.problem === undefined && !(v.from === 'interpolated' && v.value?.reveal() === ''))) continue;
      const missing = (v.interpolated ?? []).filter((x) => x.from === 'unset' || x.from === 'default').map((x) => x.name);
      const ref = missing[0] ?? v.name;
      const service = /service (.+)\)$/u.exec(entry.name)?.[1] ?? entry.name;
      // The classic mix-up: the key is in the service's env_file, which compose does not use for ${…}.
      const envFile = entry.chain
        .filter((r) => r.loader === 'compose env_file')
        .flatMap((r) => r.reads)
        .map((r) => files.get(r.path))
        .find((f) => f && Object.hasOwn(f.parsed, ref));
      const line = envFile?.entries.find((e) => e.name === ref)?.line;
      const what =
        v.problem === 'required'
          ? `so compose refuses to start (required variable ${ref} is missing a value)`
          : `so the ${service} container gets a blank ${v.name}${v.problem === 'blank' ? ` (compose only warns: "The ${ref} variable is not set. Defaulting to a blank string.")` : ' (its default is empty)'}`;
      out.push(
        finding(meta, {
          message:
            `${at(v)} sets ${v.name} from \${${ref}} for the ${service} service, but ${ref} is set neither in the shell nor in a .env beside ${entry.cwd === '.' ? 'the compose file' : `${entry.cwd}/`}, ${what}` +
            (envFile ? `; ${envFile.display}${line ? `:${line}` : ''} defines it, but an env_file goes to the container, not into \${…}, and environment: beats env_file.` : '.'),
          fix: envFile
            ? `Delete the ${v.name} line from environment: at ${at(v)} (env_file ${envFile.display} already passes ${v.name} to the container), or run compose with that file for interpolation: docker compose --env-file ${envFile.display} up.`
            : `Put ${ref}=<your PAT> in a git-ignored .env beside the compose file, or export ${ref} in the shell before docker compose up.`,
          location: locationOf(v),
        }),
      );
    }
    return out;
  },
});
