// Flags spaces, tabs, carriage returns and line breaks before, after or inside a key value.
import type { CharAt } from '../../providers/clarifai/key-format.js';
import { envValueFix } from '../../fix/edits.js';
import { defineCheck, type CheckMeta } from '../../types/check.js';
import { keyFinding, keyLikeTargets, notSentClause, rewriteFix, severityFor, subject } from './lib/targets.js';

const meta: CheckMeta = {
  id: 'key/whitespace',
  category: 'key',
  severity: 'error',
  title: 'Whitespace in the key',
  description:
    'The value has a line break (echo, copy-paste, a file read whole), a carriage return (Windows line endings), or spaces and tabs around or inside it. Clients either refuse such a header or send the whitespace as part of the key.',
};

function kinds(list: readonly CharAt[]): string {
  const count = (ch: string) => list.filter((c) => c.char === ch).length;
  const parts: string[] = [];
  const n = count('\n');
  const r = count('\r');
  const sp = count(' ');
  const tab = count('\t');
  const other = list.length - n - r - sp - tab;
  if (r) parts.push(r === 1 ? 'a carriage return (\\r)' : `${r} carriage returns (\\r)`);
  if (n) parts.push(n === 1 ? 'a line break' : `${n} line breaks`);
  if (sp) parts.push(sp === 1 ? 'a space' : `${sp} spaces`);
  if (tab) parts.push(tab === 1 ? 'a tab' : `${tab} tabs`);
  if (other) parts.push(other === 1 ? 'a vertical tab or form feed' : `${other} vertical tabs or form feeds`);
  return parts.join(' and ');
}

export const check = defineCheck({
  meta,
  requires: ['env'],
  run(ctx) {
    return keyLikeTargets(ctx).flatMap((t) => {
      const { leadingWhitespace: lead, trailingWhitespace: trail, internalWhitespace: inside } = t.analysis;
      if (lead.length + trail.length + inside.length === 0) return [];
      const problems: string[] = [];
      if (lead.length) problems.push(`starts with ${kinds(lead)}`);
      if (trail.length) problems.push(`ends with ${kinds(trail)}`);
      if (inside.length) problems.push(`has ${kinds(inside)} inside it at position ${inside.map((c) => c.position).slice(0, 3).join(', ')} (the key was split when copied)`);
      const all = [...lead, ...trail, ...inside];
      const breaks = all.some((c) => c.char === '\n' || c.char === '\r');
      // HTTP servers trim spaces at the end of a header value; a trailing space alone may well pass, so it is only a warning.
      const onlyTrailingBlanks = lead.length === 0 && inside.length === 0 && !breaks && trail.every((c) => c.char === ' ' || c.char === '\t');
      const shellHint = all.some((c) => c.char === '\r')
        ? "the value came from a file with Windows line endings: read it with $(tr -d '\\r\\n' < file)"
        : breaks
          ? `when you pipe or store the key use printf '%s' instead of echo, which adds a line break`
          : undefined;
      const why = onlyTrailingBlanks
        ? '; HTTP servers usually trim this, but gRPC metadata and tools that compare the value may not'
        : '';
      return [
        keyFinding(meta, t, {
          severity: onlyTrailingBlanks ? 'warning' : severityFor(t),
          message: `${subject(t)} ${problems.join(' and ')}${why}${notSentClause(t)}.`,
          fix: rewriteFix(
            t,
            inside.length ? 'as one unbroken line of 32 characters' : 'with nothing before or after it (no space, and if it is quoted, the closing quote right after the key)',
            shellHint,
          ),
          autofix: envValueFix(ctx.evidence.env.files, t.definition.location, t.analysis, 'whitespace'),
        }),
      ];
    });
  },
});
