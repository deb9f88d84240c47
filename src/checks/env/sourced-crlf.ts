// Reports a .env with Windows line endings that a shell script sources: the shell keeps the \r at the end of every value.
import { crlfFix, withFix } from '../../fix/edits.js';
import { defineCheck, finding, type Check, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { credentialNames, shellQuote } from './lib/env.js';

const meta: CheckMeta = {
  id: 'env/sourced-crlf',
  category: 'env',
  severity: 'error',
  title: 'A sourced .env with Windows line endings',
  description:
    'dotenv and python-dotenv treat CRLF as a line break, but a POSIX shell that sources the file (`. ./.env`, `source .env`) splits lines on LF only: the carriage return stays at the end of each value, and the key goes out as "…0000\\r", which Clarifai rejects.',
};

export const check: Check = defineCheck({
  meta,
  requires: ['env', 'loaders'],
  run(ctx) {
    const names = credentialNames(ctx);
    const out: Finding[] = [];
    for (const file of ctx.evidence.env.files) {
      if (!file.loaded || file.unreadable || !file.hasCrlf) continue;
      const run = ctx.evidence.loaders.entryPoints.flatMap((e) => e.chain).find((r) => r.rules === 'shell' && r.reads.some((x) => x.path === file.path));
      if (!run) continue;
      const hit = names.map((n) => file.entries.find((e) => e.name === n && e.value.endsWith('\r'))).find((e) => e !== undefined);
      if (!hit) continue;
      out.push(
        finding(meta, {
          message: `${file.display} has Windows line endings and is sourced by ${run.at?.file ?? 'a shell script'}${run.at?.line ? `:${run.at.line}` : ''} (${run.label.trim()}), so ${hit.name} ends with a carriage return (\\r) the shell keeps.`,
          fix: `Convert ${file.display} to LF line endings: sed -i 's/\\r$//' ${shellQuote(file.display)} (or dos2unix ${shellQuote(file.display)}; in git: a .gitattributes line "${file.display} text eol=lf").`,
          location: { file: file.display, line: hit.line, column: hit.column },
          ...withFix(crlfFix(file)),
        }),
      );
    }
    return out;
  },
});
