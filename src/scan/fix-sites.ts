// Locates, in the bytes of a JavaScript or Python file, the env names and Authorization values keydoctor fix may rewrite.
//
// The extractors report line and column; a fix needs byte offsets into the file exactly as read, and the file's
// hash so the fix can tell later that the file is still the one scanned. Only the scheme part of a value's first
// string literal is recorded (`Key`, `key `, `Bearer`), never the key.
import { createHash } from 'node:crypto';
import type { FileFacts } from './facts.js';

/** How far past a site the name or value is looked for: a header's value may sit on the next line. */
const WINDOW = 300;
const SCHEME_HEAD = /^[ \t]*(?:(?:key|bearer|token|basic)(?![A-Za-z0-9_])[ \t]*)?/iu;

/** UTF-8 byte offsets of the given text positions, in one pass over the text (a 20 MB line with thousands of sites stays linear). */
function byteOffsets(text: string, indices: readonly number[], base: number): Map<number, number> {
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  const out = new Map<number, number>();
  let at = 0;
  let bytes = base;
  for (const i of sorted) {
    bytes += Buffer.byteLength(text.slice(at, i), 'utf8');
    at = i;
    out.set(i, bytes);
  }
  return out;
}

/**
 * Adds `written` to the env reads and Authorization values of one top-level JS or Python file. `text` is what the
 * extractors read (a BOM removed: `base` is its length in bytes), `bytes` the file as read.
 */
export function locateFixSites(facts: FileFacts, text: string, bytes: Buffer, base: number): void {
  const headers = facts.authHeaders.filter((h) => h.name.toLowerCase() === 'authorization');
  if (facts.envReads.length === 0 && headers.length === 0) return;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const indexOf = (line: number, column: number) => (lineStarts[line - 1] ?? Number.NaN) + column - 1;
  // First the text positions, then all their byte offsets in one pass.
  const names: { read: (typeof facts.envReads)[number]; start: number; end: number }[] = [];
  for (const r of facts.envReads) {
    const from = indexOf(r.line, r.column);
    if (!Number.isFinite(from) || !/^[\w$]+$/u.test(r.name)) continue;
    // The name itself, whole, in the window after the site: `process.env.NAME`, `os.environ["NAME"]`, `{ NAME } = process.env`.
    const m = new RegExp(`(?<![\\w$])${r.name.replaceAll('$', '\\$')}(?![\\w$])`, 'u').exec(text.slice(from, from + WINDOW));
    if (m) names.push({ read: r, start: from + m.index, end: from + m.index + r.name.length });
  }
  const values: { header: (typeof headers)[number]; value: number; literal?: { inside: number; head: string } }[] = [];
  for (const h of headers) {
    const from = indexOf(h.line, h.column);
    if (!Number.isFinite(from)) continue;
    // After the name (and its closing quote), the separator (`:`, `,` in a tuple, `] =`), then the value.
    const sep = new RegExp(`^['"\`]?${h.name}['"\`]?(\\s*\\]\\s*=(?!=)|\\s*[:,]|\\s*=(?!=))\\s*`, 'u').exec(text.slice(from, from + WINDOW));
    if (!sep) continue;
    const value = from + sep[0].length;
    const opening = /^(?:[fFrRbBuU]{1,2})?(['"`])/u.exec(text.slice(value, value + 3));
    const inside = opening ? value + opening[0].length : -1;
    // A quote right after the opening one (an empty string, a triple quote) is left alone.
    const literal = opening && text[inside] !== opening[1] ? { inside, head: SCHEME_HEAD.exec(text.slice(inside, inside + 40))![0] } : undefined;
    values.push({ header: h, value, ...(literal ? { literal } : {}) });
  }
  const at = byteOffsets(text, [...names.flatMap((n) => [n.start, n.end]), ...values.flatMap((v) => [v.value, ...(v.literal ? [v.literal.inside] : [])])], base);
  for (const n of names) n.read.written = { sha256, name: [at.get(n.start)!, at.get(n.end)!] };
  for (const v of values) v.header.written = { sha256, value: at.get(v.value)!, ...(v.literal ? { literal: { at: at.get(v.literal.inside)!, head: v.literal.head } } : {}) };
}
