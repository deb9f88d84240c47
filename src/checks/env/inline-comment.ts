// Reports an unquoted value that dotenv cut at a `#`, which starts a comment even in the middle of a word.
import { looksLikeSecretName } from '../../providers/clarifai/variables.js';
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { at, fileLocation, severityFor, showValue, capPerFile } from './lib/env.js';

const meta: CheckMeta = {
  id: 'env/inline-comment',
  category: 'env',
  severity: 'error',
  title: 'Value cut at a #',
  description:
    'In an unquoted value, dotenv treats # as the start of a comment even with no space before it, so `CLARIFAI_PAT=ab#cd` sets `ab`. Quote the value to keep the #.',
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
        if (e.endLine !== e.line) continue;
        const written = e.raw.slice(e.valueColumn - 1);
        if (/^["'`]/u.test(written)) continue;
        const hash = written.indexOf('#');
        // `value # comment` is a deliberate comment; `val#ue` is a value that lost its end.
        if (hash <= 0 || /\s/u.test(written[hash - 1]!)) continue;
        const dropped = written.slice(hash).trimEnd();
        const secret = looksLikeSecretName(e.name);
        const cut = secret ? `dropped ${[...dropped].length} characters from the # on` : `dropped "${dropped}"`;
        found.push(
          finding(meta, {
            severity: severityFor(ctx, e.name),
            message: `dotenv cut ${e.name} at the # in ${at(file, e.line, e.valueColumn + hash)}: it kept ${showValue(e.name, e.value)} and ${cut}, because an unquoted # starts a comment.`,
            fix: `Quote the value in ${at(file, e.line)}: ${e.name}="${secret ? '…#…' : written.trimEnd()}"`,
            location: fileLocation(file, e.line, e.valueColumn + hash, `${e.name}=${secret ? '…' : written.slice(0, hash)}#…`),
          }),
        );
      }
      out.push(...capPerFile(meta, file, found));
    }
    return out;
  },
});
