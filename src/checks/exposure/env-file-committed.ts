// Reports a .env-family file holding a real-looking credential that git tracks (committed) or does not ignore.
import { looksLikeSecretName } from '../../providers/clarifai/variables.js';
import { ignoreEnvFileFix, withFix } from '../../fix/edits.js';
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { looksLikeRealSecret, shellQuote, showValue } from '../env/lib/env.js';

const meta: CheckMeta = {
  id: 'exposure/env-file-committed',
  category: 'exposure',
  severity: 'error',
  title: '.env file with a credential committed to git',
  description:
    'A .env-family file that holds a real-looking credential is tracked by git, so the key is in the repository and its history; or the file is not ignored, so the next `git add .` commits it. Skipped when the folder is not a git repository.',
};

const EXAMPLE = /\.(?:example|sample|template|dist|defaults?)$/iu;

export const check = defineCheck({
  meta,
  requires: ['env'],
  run({ evidence }) {
    if (!evidence.env.gitRepo) return [];
    const out: Finding[] = [];
    for (const file of evidence.env.files) {
      if (file.unreadable || file.gitTracked === undefined) continue;
      const secrets = Object.entries(file.parsed).filter(([name, value]) => looksLikeSecretName(name) && looksLikeRealSecret(value));
      if (secrets.length === 0) continue;
      const [name, value] = secrets[0]!;
      const entry = [...file.entries].reverse().find((e) => e.name === name);
      const location = { file: file.display, ...(entry ? { line: entry.line, column: entry.column } : {}) };
      const what = `${secrets.map(([n]) => n).join(', ')} (${name} = ${showValue(name, value)})`;
      const path = shellQuote(file.display);
      const ignoreLine = file.display.startsWith('..') ? file.display.split('/').at(-1)! : file.display;
      if (file.gitTracked) {
        const example = EXAMPLE.test(file.display);
        out.push(
          finding(meta, {
            message: `${file.display} is committed to git and holds ${what}: anyone with a copy of the repository can use ${secrets.length > 1 ? 'these credentials' : 'this credential'}.`,
            fix: example
              ? `Replace the value in ${file.display} with a placeholder (${name}=your_pat_here) and commit; then rotate the key at https://clarifai.com/me/settings/secrets, because it stays in the git history.`
              : `Run git rm --cached ${path} && echo ${shellQuote(ignoreLine)} >> .gitignore && git commit -m "Stop tracking ${file.display}"; then rotate the key at https://clarifai.com/me/settings/secrets, because it stays in the git history.`,
            location,
            ...withFix(example ? undefined : ignoreEnvFileFix(file, true)),
          }),
        );
      } else if (file.gitIgnored === false) {
        out.push(
          finding(meta, {
            severity: 'warning',
            message: `${file.display} holds ${what} and is not ignored by git, so the next git add . would commit it.`,
            fix: `Add it to .gitignore: echo ${shellQuote(ignoreLine)} >> .gitignore`,
            location,
            ...withFix(ignoreEnvFileFix(file, false)),
          }),
        );
      }
    }
    return out;
  },
});
