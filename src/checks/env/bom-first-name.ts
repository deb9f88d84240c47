// Reports a UTF-8 BOM that python-dotenv reads as part of the first name (`\ufeffCLARIFAI_PAT`), so the credential is never set.
import { bomFix, withFix } from '../../fix/edits.js';
import { defineCheck, finding, type Check, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { shellQuote } from './lib/env.js';
import { credentialNames, expectedNames } from './lib/env.js';

const meta: CheckMeta = {
  id: 'env/bom-first-name',
  category: 'env',
  severity: 'error',
  title: 'A BOM hides the first variable',
  description:
    'Windows editors (Notepad, PowerShell\'s Out-File -Encoding utf8) start a file with a UTF-8 byte-order mark. Node\'s dotenv ignores it, but python-dotenv opens the file as "utf-8" and keeps it: the first name becomes "\\ufeffCLARIFAI_PAT", and CLARIFAI_PAT is never set.',
};

export const check: Check = defineCheck({
  meta,
  requires: ['env'],
  run(ctx) {
    const names = new Set([...credentialNames(ctx), ...expectedNames(ctx)]);
    const out: Finding[] = [];
    for (const file of ctx.evidence.env.files) {
      if (!file.loaded || file.unreadable) continue;
      for (const key of Object.keys(file.parsed)) {
        if (!key.startsWith('\uFEFF')) continue;
        const name = key.slice(1);
        if (!names.has(name) && !/clarifai/iu.test(name)) continue;
        const entry = file.entries.find((e) => e.name === key);
        const run = ctx.evidence.loaders?.entryPoints.flatMap((e) => e.chain).find((r) => r.rules === 'python-dotenv' && r.reads.some((x) => x.path === file.path));
        const by = run ? `python-dotenv's ${run.label.trim()}${run.at ? ` (${run.at.file}${run.at.line ? `:${run.at.line}` : ''})` : ''}` : 'python-dotenv';
        out.push(
          finding(meta, {
            severity: names.has(name) && credentialNames(ctx).includes(name) ? 'error' : 'warning',
            message: `${file.display} starts with a UTF-8 BOM, and ${by} reads its first name as "\\ufeff${name}", so ${name} is not set.`,
            fix: `Save ${file.display} as UTF-8 without BOM: sed -i '1s/^\\xEF\\xBB\\xBF//' ${shellQuote(file.display)} (VS Code: "Save with Encoding" → UTF-8), or start the file with a comment line.`,
            location: { file: file.display, line: 1, column: 1, ...(entry ? { snippet: `\\ufeff${name}=…` } : {}) },
            ...withFix(bomFix(file)),
          }),
        );
      }
    }
    return out;
  },
});
