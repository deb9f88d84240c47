// Shared by the code checks: where a code fact is, which language it is written in, and how its value template reads.
import type { CodeSite } from '../../../types/code-evidence.js';
import type { Finding } from '../../../types/diagnostic.js';
import type { FileLocation, Location } from '../../../types/location.js';
import { maskKeys } from '../../../scan/text.js';

export function siteLocation(site: CodeSite): FileLocation {
  return { file: site.file, line: site.line, column: site.column, snippet: site.snippet };
}

/** `src/app.js:3` — the short form used inside messages (the location carries the column). */
export function where(site: Pick<CodeSite, 'file' | 'line'>): string {
  return `${site.file}:${site.line}`;
}

export type CodeFamily = 'js' | 'python' | 'shell' | 'other';

/** The language family a file is written in, by its name; Markdown counts as shell because its code blocks hold curl. */
export function familyOf(file: string): CodeFamily {
  const name = file.toLowerCase();
  if (/\.(?:[cm]?[jt]sx?)$/u.test(name)) return 'js';
  if (/\.(?:py|pyw|ipynb)$/u.test(name)) return 'python';
  if (/\.(?:sh|bash|zsh|md|markdown|mdx)$/u.test(name) || /(?:^|\/)dockerfile[^/]*$/u.test(name)) return 'shell';
  return 'other';
}

/** How code reads an env variable, in the file's own language (used in fixes). */
export function envReadIn(family: CodeFamily, name: string): string {
  if (family === 'js') return `process.env.${name}`;
  if (family === 'python') return `os.environ["${name}"]`;
  return `$${name}`;
}

export type TemplatePart = { literal: string } | { expr: string };

/**
 * Splits a scan template (`Key ${process.env.X}`) into literal text and `${…}` holes; braces inside a hole
 * nest, so `${a ? `${b}` : c}` stays one hole.
 */
export function splitTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  let i = 0;
  while (i < template.length) {
    if (template.startsWith('${', i)) {
      let depth = 1;
      let j = i + 2;
      while (j < template.length && depth > 0) {
        if (template[j] === '{') depth++;
        else if (template[j] === '}') depth--;
        j++;
      }
      if (depth > 0) break; // unbalanced: keep the rest as literal text
      if (literal) parts.push({ literal });
      literal = '';
      parts.push({ expr: template.slice(i + 2, j - 1).trim() });
      i = j;
    } else {
      literal += template[i];
      i++;
    }
  }
  literal += template.slice(i);
  if (literal) parts.push({ literal });
  return parts;
}

/** The mask `mask()` renders (`3f9a…00 (32 chars)` or `…(8 chars)`), as the scan leaves it in templates. */
export const MASKED_SECRET = /\S{0,4}…(?:\S{0,2} )?\(\d+ chars\)/u;
export const MASKED_SECRETS = new RegExp(MASKED_SECRET.source, 'gu');

/**
 * Masks any key-shaped run left in a finding's text or snippet. The scan masks the keys it recognises, but URLs
 * and header names are echoed as written, and a key pasted into one (`?key=…`) must not reach a report.
 */
export function scrubFinding(f: Finding): Finding {
  const loc = (l: Location): Location => ('snippet' in l && l.snippet !== undefined ? { ...l, snippet: maskKeys(l.snippet) } : l);
  return {
    ...f,
    message: maskKeys(f.message),
    fix: maskKeys(f.fix),
    ...(f.location ? { location: loc(f.location) } : {}),
    ...(f.related ? { related: f.related.map(loc) } : {}),
  };
}
