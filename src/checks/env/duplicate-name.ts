// Reports a name assigned more than once in one .env file: dotenv keeps the last, which is rarely the one edited.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import type { EnvFileEntry } from '../../types/evidence.js';
import { at, fileLocation, showValue, capPerFile } from './lib/env.js';

const meta: CheckMeta = {
  id: 'env/duplicate-name',
  category: 'env',
  severity: 'warning',
  title: 'Variable defined twice in one file',
  description:
    'The same name is assigned on several lines of one .env file. dotenv keeps the last assignment, so editing an earlier line changes nothing.',
};

export const check = defineCheck({
  meta,
  requires: ['env'],
  run(ctx) {
    const out: Finding[] = [];
    for (const file of ctx.evidence.env.files) {
      const found: Finding[] = [];
      if (file.unreadable) continue;
      const byName = new Map<string, EnvFileEntry[]>();
      for (const e of file.entries) {
        const list = byName.get(e.name);
        if (list) list.push(e);
        else byName.set(e.name, [e]);
      }
      for (const [name, entries] of byName) {
        if (entries.length < 2) continue;
        const last = entries.at(-1)!;
        const earlier = entries.slice(0, -1);
        const differ = earlier.some((e) => e.value !== last.value);
        const lines = listLines(entries);
        found.push(
          finding(meta, {
            // Identical repeats are harmless, and so is anything in a file nothing loads.
            severity: differ && file.loaded ? 'warning' : 'info',
            message: differ
              ? `${name} is defined ${entries.length} times in ${file.display} (lines ${lines}) with different values; dotenv keeps the last one, ${at(file, last.line)} (${showValue(name, last.value)}).`
              : `${name} is defined ${entries.length} times in ${file.display} (lines ${lines}) with the same value; dotenv keeps the last one, ${at(file, last.line)}.`,
            fix: `Delete the extra ${name} ${earlier.length === 1 ? 'line' : 'lines'} (${listLines(earlier)}) from ${file.display}, keeping the value you mean on one line.`,
            location: fileLocation(file, last.line, last.column),
            related: earlier.slice(0, MAX_LINES_LISTED).map((e) => fileLocation(file, e.line, e.column)),
          }),
        );
      }
      out.push(...capPerFile(meta, file, found));
    }
    return out;
  },
});

/** A name repeated on thousands of lines (a generated or garbage file) is listed by its first lines only. */
const MAX_LINES_LISTED = 20;

function listLines(entries: readonly EnvFileEntry[]): string {
  const shown = entries.slice(0, MAX_LINES_LISTED).map((e) => e.line).join(', ');
  return entries.length > MAX_LINES_LISTED ? `${shown} and ${entries.length - MAX_LINES_LISTED} more` : shown;
}
