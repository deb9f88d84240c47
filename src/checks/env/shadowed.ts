// Reports a variable whose value in one source hides a different value in another: "I fixed .env but nothing changed".
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import type { Definition } from '../../types/evidence.js';
import { expectedNames, showValue, sourceText } from './lib/env.js';

const meta: CheckMeta = {
  id: 'env/shadowed',
  category: 'env',
  severity: 'warning',
  title: 'Variable shadowed by another source',
  description:
    'The same variable is defined in the shell and in a loaded .env file (or in two loaded files) with different values. dotenv never overwrites a variable that is already set, so the shell wins, and among files the first one loaded wins (.env.local before .env); edits to the losing source change nothing.',
};

/** Clarifai names, --expect names and names the code reads, plus anything else that mentions Clarifai. */
function relevant(name: string, expected: readonly string[]): boolean {
  return expected.includes(name) || /clarifai/iu.test(name);
}

export const check = defineCheck({
  meta,
  requires: ['env'],
  run(ctx) {
    const expected = expectedNames(ctx);
    const out: Finding[] = [];
    for (const variable of ctx.evidence.env.variables.values()) {
      if (!relevant(variable.name, expected) || variable.definitions.length < 2) continue;
      const { name } = variable;
      const shell = variable.definitions.find((d) => d.location.source === 'shell');
      const files = variable.definitions.filter((d) => d.location.source !== 'shell');
      const winner = variable.winner!;
      const same = (d: Definition) => d.value.reveal() === winner.value.reveal();
      const losers = variable.definitions.filter((d) => d !== winner);
      const differing = losers.filter((d) => !same(d));
      const related = losers.map((d) => d.location);
      if (shell && files.length > 0) {
        const overrideFile = files[0]!;
        if (differing.length === 0) {
          out.push(
            finding(meta, {
              severity: 'info',
              message: `${name} is set in the shell environment and in ${files.map((d) => sourceText(d.location)).join(', ')} with the same value; the shell copy is the one used, so a later edit to the file alone will change nothing.`,
              fix: `Keep one source: run unset ${name} (and remove it from your shell profile) to let ${overrideFile.location.source} decide, or delete the line from ${sourceText(overrideFile.location)}.`,
              location: winner.location,
              related,
            }),
          );
          continue;
        }
        out.push(
          finding(meta, {
            message: `${name} is set in the shell environment (${showValue(name, shell.value.reveal())}) and differently in ${differing.map((d) => `${sourceText(d.location)} (${showValue(name, d.value.reveal())})`).join(', ')}; the shell value wins because dotenv never overwrites a variable that is already set, so editing the file changes nothing (with dotenv.config({ override: true }) ${sourceText(overrideFile.location)} would win).`,
            fix: `Run unset ${name} and remove it from your shell profile, CI settings or container environment so ${sourceText(overrideFile.location)} is used, or load the file with dotenv.config({ override: true }).`,
            location: winner.location,
            related,
          }),
        );
        continue;
      }
      if (differing.length === 0) continue;
      // Files that different ways of starting the app read (the compose service's env_file, the local run's .env) do not
      // shadow each other: env/loaders-disagree reports that.
      const loaders = ctx.evidence.loaders;
      if (loaders && loaders.entryPoints.length > 0) {
        const paths = new Map(ctx.evidence.env.files.map((f) => [f.display, f.path]));
        const both = [winner, ...differing].map((d) => paths.get(d.location.source));
        if (!loaders.entryPoints.some((e) => both.every((p) => e.chain.some((r) => r.reads.some((x) => x.path === p))))) continue;
      }
      // Only files define it: the first loaded file wins, whatever override says.
      out.push(
        finding(meta, {
          message: `${name} is defined in ${sourceText(winner.location)} (${showValue(name, winner.value.reveal())}) and differently in ${differing.map((d) => `${sourceText(d.location)} (${showValue(name, d.value.reveal())})`).join(', ')}; ${winner.location.source} wins because it is loaded first and dotenv never overwrites a variable that is already set.`,
          fix: `Edit ${name} in ${sourceText(winner.location)}, or delete that line so ${differing[0]!.location.source} is used; changes to ${differing.map((d) => d.location.source).join(', ')} have no effect while ${winner.location.source} defines it.`,
          location: winner.location,
          related,
        }),
      );
    }
    return out;
  },
});
