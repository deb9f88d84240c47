// Flags a key whose length is not 32 or that has non-hex characters, once quotes, whitespace and other copy damage are set aside.
import { KEY_LENGTH, type KeyAnalysis } from '../../providers/clarifai/key-format.js';
import { defineCheck, type CheckMeta } from '../../types/check.js';
import { keyFinding, keyLikeTargets, notSentClause, replaceFix, subject } from './lib/targets.js';

const meta: CheckMeta = {
  id: 'key/wrong-format',
  category: 'key',
  severity: 'error',
  title: 'Not 32 hexadecimal characters',
  description:
    'Every Clarifai API key and PAT observed is exactly 32 characters of 0-9 and a-f. A value that is shorter, longer or has other characters was cut off, doubled, mistyped or is not a key; the API answers such keys with "Invalid format of key.".',
};

/** What was set aside before counting, so the count matches what the user sees as "the key". */
function setAside(a: KeyAnalysis): string[] {
  const parts: string[] = [];
  if (a.wrappers.length) parts.push('quotes');
  if (a.leadingWhitespace.length + a.trailingWhitespace.length + a.internalWhitespace.length) parts.push('whitespace');
  if (a.invisible.length) parts.push('invisible characters');
  if (a.scheme !== undefined) parts.push(`"${a.scheme}"`);
  return parts;
}

function shown(c: { char: string; label: string }): string {
  return /^[\x21-\x7e]$/u.test(c.char) ? `"${c.char}"` : c.label;
}

export const check = defineCheck({
  meta,
  requires: ['env'],
  run(ctx) {
    return keyLikeTargets(ctx).flatMap((t) => {
      if (t.sessionToken) return [];
      const a = t.analysis;
      const length = [...a.core].length;
      if (length === KEY_LENGTH && a.nonHex.length === 0) return [];
      const problems: string[] = [];
      if (length !== KEY_LENGTH) {
        const aside = setAside(a);
        const counted = aside.length ? `${length} characters without the ${aside.join(' and ')}` : `${length} characters`;
        const diff = length < KEY_LENGTH ? `${KEY_LENGTH - length} short of` : `${length - KEY_LENGTH} more than`;
        problems.push(`is ${counted}, ${diff} the ${KEY_LENGTH} a Clarifai key has`);
      }
      if (a.nonHex.length) {
        const list = a.nonHex.slice(0, 3).map((c) => `${shown(c)} at position ${c.position}`);
        if (a.nonHex.length > 3) list.push(`${a.nonHex.length - 3} more`);
        problems.push(`has characters that are not hexadecimal (0-9, a-f): ${list.join(', ')}`);
      }
      let hint = '';
      if (a.nonHex.length === 0 && length === 40) hint = ' A 40-character hex string is usually a git commit or SHA-1 hash.';
      if (a.nonHex.length === 0 && length === 2 * KEY_LENGTH) hint = ' 64 hex characters are two keys pasted together, or a SHA-256 hash.';
      return [
        keyFinding(meta, t, {
          message: `${subject(t)} ${problems.join(', and ')}${notSentClause(t)}.`,
          fix: `${replaceFix(t)} A key is exactly 32 characters of 0-9 and a-f.${hint}`,
        }),
      ];
    });
  },
});
