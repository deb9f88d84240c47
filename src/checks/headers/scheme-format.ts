// Flags an Authorization value whose scheme word is not exactly `Key` followed by one space (`'Key' + k`, `key `, `Key  `).
import { schemeFix, withFix } from '../../fix/edits.js';
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { correctedValueFor, readAuthValue, TOKEN } from '../endpoint/lib/auth-value.js';
import { clarifaiFiles, isForClarifai } from '../endpoint/lib/clarifai-context.js';
import { siteLocation, where, scrubFinding } from '../endpoint/lib/site.js';
import { codePointLabel } from '../../core/visible.js';
import { KEY_SCHEME } from '../../providers/clarifai/authorization.js';

const meta: CheckMeta = {
  id: 'headers/scheme-format',
  category: 'headers',
  severity: 'error',
  title: 'Authorization value is not exactly "Key <token>"',
  description:
    'Clarifai reads the Authorization value as the word `Key` (capital K), one space, then the PAT or API key. ' +
    'A missing space, two spaces, a lowercase `key`, stray whitespace or another scheme word (`Token`, `Basic`) makes ' +
    'the header malformed: the Python client refuses it before sending, and the API answers 11102 "Empty or malformed authorization header".',
};

/** Other scheme words people try; Clarifai's core API knows only `Key` (and `Bearer` is judged by its own check). */
const OTHER_SCHEMES = new Set(['token', 'basic', 'apikey', 'api-key', 'pat', 'clarifai']);

export function schemeProblems(template: string): string[] {
  const v = readAuthValue(template);
  const word = v.word.toLowerCase();
  const problems: string[] = [];
  if (word === 'key') {
    if (v.word !== KEY_SCHEME) problems.push(`the scheme word is \`${v.word}\` but must be \`Key\` with a capital K`);
    if (v.gap === '' && v.rest.startsWith(TOKEN)) problems.push('there is no space between `Key` and the key');
    else if (v.gap.length > 1 || /[^ ]/u.test(v.gap)) problems.push(`\`Key\` is followed by ${describeGap(v.gap)} instead of one space`);
    if (/^[:=]/u.test(v.rest)) problems.push(`\`Key\` is followed by \`${v.rest[0]}\`, which Clarifai reads as part of the key`);
  } else if (OTHER_SCHEMES.has(word) && v.gap !== '') {
    problems.push(`the scheme word is \`${v.word}\`; Clarifai expects \`Key\``);
  } else {
    return [];
  }
  if (v.lead !== '') problems.push('the value starts with whitespace');
  if (/\s$/u.test(v.rest)) problems.push('the value ends with whitespace');
  return problems;
}

/** `'Key' + k`, `key ${k}`, `Key  ${k}`: only the scheme word and the blanks after it are wrong, so rewriting them fixes it. */
function keyWordFix(site: Parameters<typeof schemeFix>[0]) {
  const v = readAuthValue(site.value);
  if (v.word.toLowerCase() !== 'key' || schemeProblems(`Key ${v.rest}`).length > 0) return undefined;
  return schemeFix(site, v.lead + v.word + v.gap, `Write the scheme as \`Key \` (capital K, one space) in the ${site.name} value at ${where(site)}.`);
}

function describeGap(gap: string): string {
  if (/^ +$/u.test(gap)) return `${gap.length} spaces`;
  return [...gap].map((c) => (c === '\t' ? 'a tab' : c === ' ' ? 'a space' : codePointLabel(c))).join(', ');
}

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const code = evidence.code;
    const files = clarifaiFiles(code);
    const out: Finding[] = [];
    for (const site of code.authHeaders) {
      if (site.name.toLowerCase() !== 'authorization' || !isForClarifai(site, files)) continue;
      const problems = schemeProblems(site.value);
      if (problems.length === 0) continue;
      out.push(
        finding(meta, {
          message: `The ${site.name} value built at ${where(site)} is \`${site.value}\`: ${problems.join('; ')}.`,
          fix: `Send exactly \`${correctedValueFor(site.value, site.file)}\` — the word Key, one space, then the key, nothing around it.`,
          location: siteLocation(site),
          ...withFix(keyWordFix(site)),
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
