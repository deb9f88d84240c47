// Reports a .env value holding bytes that are not UTF-8 (a file saved as Windows-1252 or Latin-1): dotenv turns them into U+FFFD.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { at, fileLocation, severityFor, showValue, capPerFile } from './lib/env.js';

const meta: CheckMeta = {
  id: 'env/invalid-utf8',
  category: 'env',
  severity: 'error',
  title: 'Value with bytes that are not UTF-8',
  description:
    'dotenv reads .env files as UTF-8. Bytes that are not valid UTF-8 (from a file saved as Windows-1252, Latin-1 or Mac Roman) become U+FFFD REPLACEMENT CHARACTER in the value, so the value the app gets differs from what the editor shows.',
};

export const check = defineCheck({
  meta,
  requires: ['env'],
  run(ctx) {
    const out: Finding[] = [];
    for (const file of ctx.evidence.env.files) {
      const found: Finding[] = [];
      if (!file.loaded || file.unreadable) continue;
      for (const e of file.entries) {
        const count = [...e.value].filter((ch) => ch === '\uFFFD').length;
        if (count === 0) continue;
        found.push(
          finding(meta, {
            severity: severityFor(ctx, e.name),
            message: `${e.name} in ${at(file, e.line)} contains ${count === 1 ? 'a byte' : `${count} bytes`} that ${count === 1 ? 'is' : 'are'} not UTF-8, which dotenv reads as U+FFFD: the app gets ${showValue(e.name, e.value)}.`,
            fix: `Re-save ${file.display} as UTF-8 and retype the value on line ${e.line} (keys are plain ASCII letters and digits, so any other character there was pasted by mistake).`,
            location: fileLocation(file, e.line, e.valueColumn),
          }),
        );
      }
      out.push(...capPerFile(meta, file, found));
    }
    return out;
  },
});
