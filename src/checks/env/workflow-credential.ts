// Reports a GitHub Actions step that runs the app or its tests without the credential variable the code reads (not passed at all, or passed under another name).
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { nearMiss } from './near-miss-name.js';
import { at, locationOf } from './lib/entry-values.js';

const meta: CheckMeta = {
  id: 'env/workflow-credential',
  category: 'env',
  severity: 'warning',
  title: 'A workflow runs the app without the key',
  description:
    'A GitHub Actions step gets only the variables that `env:` sets at workflow, job or step level (repository secrets ' +
    'are not variables: each must be passed, `CLARIFAI_PAT: ${{ secrets.CLARIFAI_PAT }}`). A step that runs the app or ' +
    'its tests without the variable the code reads sends no key, and Clarifai answers 11009 in CI only. It is a warning ' +
    'because the tests may not call Clarifai.',
};

export const check = defineCheck({
  meta,
  requires: ['code', 'loaders'],
  run({ evidence }) {
    const code = evidence.code;
    const read = new Set([...(code.credentials ?? []).flatMap((c) => c.envNames), ...code.envReads.filter((r) => /clarifai/iu.test(r.name)).map((r) => r.name)]);
    const out: Finding[] = [];
    for (const entry of evidence.loaders.entryPoints) {
      if (entry.runtime !== 'ci' || !entry.values) continue;
      const wanted = entry.values.filter((v) => read.has(v.name));
      if (wanted.length === 0 || wanted.some((v) => v.from !== 'unset')) continue;
      const name = wanted[0]!.name;
      const other = entry.values.find((v) => v.from !== 'unset' && !read.has(v.name) && (nearMiss(v.name, name) !== undefined || /CLARIFAI/u.test(v.name) || v.secret?.endsWith(`.${name}`)));
      const python = [...read].length > 0 && (code.credentials ?? []).some((c) => /\.(?:py|ipynb)$/u.test(c.file));
      const step = /step "(.*)"$/u.exec(entry.name)?.[1] ?? entry.name;
      const file = entry.chain[0]?.at?.file ?? '.github/workflows';
      out.push(
        finding(meta, {
          message: other
            ? `The step "${step}" (${file}) sets ${other.name}${other.secret ? ` from ${other.secret}` : ''}, but the code reads ${name}, which no env: of the workflow, job or step sets: in CI the app sends ${python ? '`Key None`' : '`Key undefined`'}.`
            : `The step "${step}" (${file}) runs the app without ${name}: no env: of the workflow, job or step sets it, so in CI the app sends ${python ? '`Key None`' : '`Key undefined`'}.`,
          fix: other
            ? `Rename ${other.name} to ${name} in the env: at ${at(other)} (${name}: ${other.secret ? `\${{ ${other.secret} }}` : '…'}).`
            : `Add to the step (or the job): env: { ${name}: \${{ secrets.${name} }} }, and create the repository secret ${name} (Settings → Secrets and variables → Actions).`,
          location: other ? locationOf(other) : locationOf(wanted[0]!),
        }),
      );
    }
    return out;
  },
});
