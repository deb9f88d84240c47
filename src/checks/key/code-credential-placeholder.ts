// Flags code that sends a placeholder written into the code (PAT = 'YOUR_PAT_HERE', os.environ['CLARIFAI_PAT'] = '<your pat>') as the Clarifai key.
import { analyzeKeyValue } from '../../providers/clarifai/key-format.js';
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { siteLocation, scrubFinding, where } from '../endpoint/lib/site.js';
import { capPerFile, isTestFile, readIn } from '../env/lib/code-credentials.js';

const meta: CheckMeta = {
  id: 'key/code-credential-placeholder',
  category: 'key',
  severity: 'error',
  title: 'Code sends a placeholder as the key',
  description:
    'The credential the code sends is a string written into the code, and that string is a placeholder from an example ' +
    "(YOUR_PAT_HERE, <your-api-key>, xxx) — Clarifai's own snippets ship with PAT = 'YOUR_PAT_HERE' and " +
    'os.environ["CLARIFAI_PAT"] = "YOUR_PAT_HERE". No real key is sent, so Clarifai rejects every request.',
};

const EXAMPLE_DIR = /(?:^|\/)(?:examples?|samples?|snippets?|code_snippets|docs?|tutorials?)\//u;

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const use of evidence.code.credentials ?? []) {
      // Examples and docs snippets ship placeholders on purpose, for the reader to replace.
      if (use.origin.kind !== 'literal' || isTestFile(use.file) || EXAMPLE_DIR.test(use.file)) continue;
      const identity = analyzeKeyValue(use.origin.value.reveal()).identity;
      // An empty string assigned once and sent in a header (or set as the variable the SDK reads) is sent empty; an SDK
      // argument may fall back to the environment, and the tracer already turns a re-assigned empty default into unknown.
      if (identity?.kind !== 'placeholder' || (identity.label === 'empty' && use.sink === 'sdk-argument')) continue;
      const at = use.trace.at(-1) ?? use;
      const key = `${at.file}:${at.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const setsEnv = /environ|process\.env/u.test(at.snippet);
      out.push(
        finding(meta, {
          message:
            `${use.sink === 'sdk-default' ? `${(use.sdk ?? 'the SDK').replace(/^./u, (c) => c.toUpperCase())} at ${where(use)} sends` : `${where(use)} sends`} ` +
            `the value set at ${where(at)} (\`${at.snippet}\`) as the Clarifai key: that is ${identity.label === 'empty' ? 'an empty string' : identity.label}, not a key.`,
          fix: setsEnv
            ? `Delete the line at ${where(at)} and set CLARIFAI_PAT outside the code (a git-ignored .env or the shell: export CLARIFAI_PAT=<your PAT>); create a PAT at https://clarifai.com/me/settings/secrets.`
            : `Read the key from the environment instead (\`${readIn(at.file, 'CLARIFAI_PAT')}\`) at ${where(at)}, and set CLARIFAI_PAT in a git-ignored .env or the shell; create a PAT at https://clarifai.com/me/settings/secrets.`,
          location: siteLocation(use),
          related: use.trace.map(siteLocation),
        }),
      );
    }
    return capPerFile(meta, out).map(scrubFinding);
  },
});
