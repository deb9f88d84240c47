// Reports a quote dotenv did not close: it stays in the value, or the value runs on over the next lines.
import { looksLikeSecretName } from '../../providers/clarifai/variables.js';
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { at, fileLocation, severityFor, showValue, capPerFile } from './lib/env.js';

const meta: CheckMeta = {
  id: 'env/unclosed-quote',
  category: 'env',
  severity: 'error',
  title: 'Unclosed quote in a .env value',
  description:
    'A value opens a quote that does not close at the end of the line. dotenv then keeps the quote character as part of the value, or, when a later line ends with the same quote, takes every line up to it as one multi-line value, swallowing the variables in between.',
};

const QUOTES = new Set(['"', "'", '`']);
/** A line inside a multi-line value that looks like it was meant as its own assignment. */
const ASSIGNMENT = /^\s*(?:export\s+)?([\w.-]+)\s*=/u;

export const check = defineCheck({
  meta,
  requires: ['env'],
  run(ctx) {
    const out: Finding[] = [];
    for (const file of ctx.evidence.env.files) {
      const found: Finding[] = [];
      if (!file.loaded || file.unreadable) continue;
      for (const e of file.entries) {
        const opening = e.raw.charAt(e.valueColumn - 1);
        if (!QUOTES.has(opening)) continue;
        const snippet = `${e.raw.slice(0, e.valueColumn - 1)}${opening}…`;
        const location = fileLocation(file, e.line, e.valueColumn, snippet);
        if (e.endLine > e.line) {
          // A multi-line value is legitimate (a PEM key); it is a trap only when it swallowed assignments.
          const swallowed = file.lines.slice(e.line, e.endLine).flatMap((l) => ASSIGNMENT.exec(l)?.[1] ?? []);
          if (swallowed.length === 0) continue;
          found.push(
            finding(meta, {
              severity: severityFor(ctx, e.name),
              message: `The ${opening} opened at ${at(file, e.line, e.valueColumn)} for ${e.name} only closes at the end of line ${e.endLine}, so dotenv reads lines ${e.line}–${e.endLine} as one value and never sets ${swallowed.join(', ')}.`,
              fix: `Close the quote on line ${e.line} (${e.name}=${opening}…${opening}) or remove it; values need no quotes unless they contain spaces or #.`,
              location,
            }),
          );
          continue;
        }
        if (e.value.startsWith(opening) && !(e.value.length > 1 && e.value.endsWith(opening))) {
          const secret = looksLikeSecretName(e.name);
          found.push(
            finding(meta, {
              severity: severityFor(ctx, e.name),
              message: `The ${opening} at ${at(file, e.line, e.valueColumn)} is never closed, so dotenv keeps it as part of ${e.name}: the value is ${showValue(e.name, e.value)}${secret ? ', with the quote sent as part of the key' : ''}.`,
              fix: `In ${at(file, e.line)} remove the ${opening} or add the closing one at the end: ${e.name}=${opening}…${opening}.`,
              location,
            }),
          );
        }
      }
      out.push(...capPerFile(meta, file, found));
    }
    return out;
  },
});
