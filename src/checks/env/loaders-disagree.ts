// Reports a credential variable that two ways of starting the same app give different values (the compose service and the local run, Next's .env.local and a script's .env).
import { analyzeKeyValue } from '../../providers/clarifai/key-format.js';
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import type { EntryPoint, EntryValue } from '../../types/evidence.js';
import type { Location } from '../../types/location.js';
import { at, localValue, locationOf } from './lib/entry-values.js';

const meta: CheckMeta = {
  id: 'env/loaders-disagree',
  category: 'env',
  severity: 'warning',
  title: 'Two ways of starting the app see different keys',
  description:
    'Each way of starting the app loads its environment its own way: `docker compose up` gives the service what ' +
    '`environment:` and `env_file:` say, `node -r dotenv/config` reads `.env`, `next dev` prefers `.env.local`, a CI step ' +
    'gets its `env:`. When they give the same variable different values, the app works one way and fails the other, ' +
    'which looks like a flaky key. keydoctor names both, and which one the failing run most likely used.',
};

/** Why a value would be rejected, or undefined when it looks like a key. */
function wrong(v: EntryValue): string | undefined {
  if (v.from === 'unset' || v.value === undefined) return 'it has no value';
  const raw = v.value.reveal();
  if (raw.trim() === '') return 'its value is blank';
  const a = analyzeKeyValue(raw);
  if (a.identity) return `its value is ${a.identity.label}`;
  if (a.cleaned !== raw) return 'its value carries copy-paste damage (spaces, quotes or invisible characters)';
  return undefined;
}

function shown(v: EntryValue): string {
  if (v.value === undefined) return 'nothing';
  return v.value.reveal() === '' ? 'a blank value' : v.value.toString();
}

function where(v: EntryValue): string {
  return v.at.file === 'the shell environment' ? 'the shell' : at(v);
}

export const check = defineCheck({
  meta,
  requires: ['env', 'loaders'],
  run({ evidence }) {
    const env = evidence.env;
    const entries = evidence.loaders.entryPoints.filter((e) => e.name !== 'tools that load .env themselves');
    // The credentials containers and CI steps get, and those the code sends.
    const names = new Set([...entries.flatMap((e) => (e.values ?? []).map((v) => v.name)), ...(evidence.code?.credentials ?? []).flatMap((c) => c.envNames)]);
    const out: Finding[] = [];
    for (const name of names) {
      const seen: { entry: EntryPoint; value: EntryValue }[] = [];
      for (const entry of entries) {
        const value = entry.values ? entry.values.find((v) => v.name === name) : localValue(entry, name, env);
        // A CI secret's value is GitHub's: nothing to compare. A local run with no loader that gets nothing is not a way
        // the app is meant to start (a container's code, run locally by nobody); a CI step without it is env/workflow-credential's.
        if (!value || value.from === 'secret') continue;
        if (value.from === 'unset' && (entry.runtime === 'ci' || (entry.runtime !== 'container' && entry.chain.length === 0))) continue;
        seen.push({ entry, value });
      }
      const groups = new Map<string, typeof seen>();
      for (const s of seen) {
        const k = s.value.value?.reveal() ?? '\u0000unset';
        groups.set(k, [...(groups.get(k) ?? []), s]);
      }
      if (groups.size < 2) continue;
      const kinds = [...groups.values()].map((g) => g[0]!);
      // Dev and production modes of one framework read different files on purpose.
      const tools = new Set(kinds.map((k) => k.entry.framework?.tool ?? k.entry.name));
      if (tools.size < 2) continue;
      const good = kinds.filter((k) => wrong(k.value) === undefined);
      if (good.length === 0) continue;
      const bad = kinds.find((k) => wrong(k.value) !== undefined);
      const parts = kinds.map((k) => {
        const runs = groups.get(k.value.value?.reveal() ?? '\u0000unset')!.map((g) => g.entry.name);
        const verb = k.value.value === undefined ? (runs.length > 1 ? 'get' : 'gets') : runs.length > 1 ? 'send' : 'sends';
        return `${runs.length > 1 ? `${runs.slice(0, -1).join(', ')} and ${runs.at(-1)}` : runs[0]} ${verb} ${shown(k.value)}${k.value.from === 'unset' ? '' : ` (${where(k.value)})`}`;
      });
      const likely = bad
        ? `the run that fails is most likely ${bad.entry.name}: ${wrong(bad.value)!} (${bad.value.why})`
        : `both look like keys: whichever run fails sends the other one (keydoctor check --live tells which key Clarifai accepts)`;
      const pick = bad ?? kinds[0]!;
      const location: Location = pick.value.at.file === 'the shell environment' ? { env: name, source: 'shell' } : locationOf(pick.value);
      out.push(
        finding(meta, {
          message: `${name} differs between the ways this app starts: ${parts.join('; ')}; ${likely}.`,
          fix: bad
            ? `Give ${bad.entry.name} the same key as ${good[0]!.entry.name} (${where(good[0]!.value)}), in the place it reads from (${where(bad.value)}); keep one source of truth for the key.`
            : `Keep one key: set ${name} in one place that every way of starting the app reads, and delete the other.`,
          location,
          related: kinds.filter((k) => k !== pick && k.value.at.file !== 'the shell environment' && k.value.from !== 'unset').map((k) => locationOf(k.value)),
        }),
      );
    }
    return out;
  },
});
