// The value a credential variable has in each entry point: containers and CI carry theirs (`values`); the local runs' are worked out from their loader chains.
import type { EntryPoint, EntryValue, EnvEvidence } from '../../../types/evidence.js';
import { Secret } from '../../../core/secret.js';
import type { FileLocation } from '../../../types/location.js';

/** `docker-compose.yml:7`. */
export function at(v: EntryValue): string {
  return `${v.at.file}${v.at.line ? `:${v.at.line}` : ''}`;
}

export function locationOf(v: EntryValue): FileLocation {
  return { file: v.at.file, ...(v.at.line ? { line: v.at.line } : {}) };
}

/** Entry points that have their own values (compose services, the Dockerfile's image, workflow steps). */
export function valuedEntries(loaders: { entryPoints: EntryPoint[] } | undefined): { entry: EntryPoint; value: EntryValue }[] {
  return (loaders?.entryPoints ?? []).flatMap((entry) => (entry.values ?? []).map((value) => ({ entry, value })));
}

/** What a local run (node, python, notebook, shell) sees for `name`: the shell's value unless an override loader's file defines it, else the first file its chain reads that defines it. */
export function localValue(entry: EntryPoint, name: string, env: EnvEvidence): EntryValue {
  const files = new Map(env.files.map((f) => [f.path, f]));
  const fromFile = (override: boolean): EntryValue | undefined => {
    for (const run of entry.chain) {
      if (run.override !== override) continue;
      for (const r of run.reads) {
        const f = files.get(r.path);
        if (!f || !r.exists || !Object.hasOwn(f.parsed, name)) continue;
        const line = f.entries.filter((e) => e.name === name).at(-1)?.line;
        return { name, value: undefined, at: { file: f.display, ...(line ? { line } : {}) }, from: 'env-file', why: `${run.label.trim()} reads ${f.display}` };
      }
    }
    return undefined;
  };
  const shell = Object.hasOwn(env.shell, name) ? env.shell[name] : undefined;
  const over = fromFile(true);
  if (over) return withValue(over, env, name);
  if (shell !== undefined) return { name, at: { file: 'the shell environment' }, from: 'literal', why: 'the shell sets it and no loader of this run overrides it', value: new Secret(shell) };
  const file = fromFile(false);
  if (file) return withValue(file, env, name);
  return { name, at: { file: entry.chain[0]?.at?.file ?? entry.name }, from: 'unset', why: entry.chain.length === 0 ? 'no loader runs and the shell does not set it' : `neither the shell nor the files its loaders read (${[...new Set(entry.chain.flatMap((r) => r.reads.map((x) => x.display)))].join(', ') || 'none'}) set it` };
}

function withValue(v: EntryValue, env: EnvEvidence, name: string): EntryValue {
  const raw = env.files.find((f) => f.display === v.at.file)?.parsed[name];
  return raw === undefined ? v : { ...v, value: new Secret(raw) };
}
