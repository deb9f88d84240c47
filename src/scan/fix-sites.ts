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

/** UTF-8 byte offsets of text positions, asked in any order, linear over the file once. */
function byteOffsets(text: string, base: number): (index: number) => number {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineBytes: number[] = [base];
  for (let l = 1; l < lineStarts.length; l++) lineBytes.push(lineBytes[l - 1]! + Buffer.byteLength(text.slice(lineStarts[l - 1], lineStarts[l]), 'utf8'));
  return (index) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lineBytes[lo]! + Buffer.byteLength(text.slice(lineStarts[lo], index), 'utf8');
  };
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
  const toBytes = byteOffsets(text, base);
  for (const r of facts.envReads) {
    const from = indexOf(r.line, r.column);
    if (!Number.isFinite(from)) continue;
    // The name itself, whole, in the window after the site: `process.env.NAME`, `os.environ["NAME"]`, `{ NAME } = process.env`.
    const window = text.slice(from, from + WINDOW);
    const m = new RegExp(`(?<![\\w$])${r.name.replace(/[^\w]/gu, '\\$&')}(?![\\w$])`, 'u').exec(window);
    if (!m) continue;
    const start = from + m.index;
    r.written = { sha256, name: [toBytes(start), toBytes(start + r.name.length)] };
  }
  for (const h of headers) {
    const from = indexOf(h.line, h.column);
    if (!Number.isFinite(from)) continue;
    const window = text.slice(from, from + WINDOW);
    // After the name (and its closing quote), the separator (`:`, `,` in a tuple, `] =`), then the value.
    const sep = new RegExp(`^['"\`]?${h.name}['"\`]?(\\s*\\]\\s*=(?!=)|\\s*[:,]|\\s*=(?!=))\\s*`, 'u').exec(window);
    if (!sep) continue;
    const value = from + sep[0].length;
    const opening = /^(?:[fFrRbBuU]{1,2})?(['"`])/u.exec(text.slice(value, value + 3));
    let literal: { at: number; head: string } | undefined;
    if (opening) {
      const inside = value + opening[0].length;
      const head = SCHEME_HEAD.exec(text.slice(inside, inside + 40))![0];
      // The head ends the literal or is followed by its content; a triple quote or a quote right away is left alone.
      if (text[inside] !== opening[1]) literal = { at: toBytes(inside), head };
    }
    h.written = { sha256, value: toBytes(value), ...(literal ? { literal } : {}) };
  }
}
