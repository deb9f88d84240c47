// Decides which source wins for each variable, under dotenv's default and under `override: true`.
import { Secret } from '../core/secret.js';
import type { Definition, EnvFile, ResolvedVariable } from '../types/evidence.js';

export function resolveVariables(shell: Record<string, string>, files: readonly EnvFile[]): Map<string, ResolvedVariable> {
  const loaded = files.filter((f) => f.loaded && !f.unreadable).sort((a, b) => a.priority - b.priority);
  // dotenv keeps the last assignment within one file: its line is the one to point at.
  const lastLine = new Map<EnvFile, Map<string, number>>(loaded.map((f) => [f, new Map(f.entries.map((e) => [e.name, e.line]))]));
  const names = new Set<string>(Object.keys(shell));
  for (const f of loaded) for (const n of Object.keys(f.parsed)) names.add(n);
  const out = new Map<string, ResolvedVariable>();
  for (const name of names) {
    const definitions: Definition[] = [];
    const shellValue = shell[name];
    const fromShell: Definition | undefined =
      shellValue !== undefined ? { name, value: new Secret(shellValue), location: { env: name, source: 'shell' } } : undefined;
    if (fromShell) definitions.push(fromShell);
    const fromFiles: Definition[] = [];
    for (const f of loaded) {
      if (!Object.hasOwn(f.parsed, name)) continue;
      const line = lastLine.get(f)!.get(name);
      fromFiles.push({ name, value: new Secret(f.parsed[name]!), location: { env: name, source: f.display, ...(line !== undefined ? { line } : {}) } });
    }
    definitions.push(...fromFiles);
    const firstFile = fromFiles[0];
    const winner = fromShell ?? firstFile;
    const winnerWithOverride = firstFile ?? fromShell;
    let why: string;
    if (fromShell && firstFile) {
      why = 'the shell wins: dotenv never overwrites a variable that is already set';
    } else if (fromShell) {
      why = 'set in the shell environment only';
    } else if (firstFile && fromFiles.length > 1) {
      why = `${firstFile.location.source} is loaded first, and dotenv never overwrites a variable that is already set`;
    } else if (firstFile) {
      why = `defined in ${firstFile.location.source} only`;
    } else {
      why = 'not defined';
    }
    out.set(name, { name, definitions, ...(winner ? { winner } : {}), ...(winnerWithOverride ? { winnerWithOverride } : {}), why });
  }
  return out;
}
