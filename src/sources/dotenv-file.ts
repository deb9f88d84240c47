// Parses one dotenv file with dotenv's own parser and locates every assignment it honours by line and column.
import { createHash } from 'node:crypto';
import dotenv from 'dotenv';
import type { EnvFile, EnvFileEntry } from '../types/evidence.js';
import { readTextFile } from './read-text-file.js';

/**
 * dotenv's own line pattern (lib/main.js, unchanged since v15), with the `d` flag for positions. It is used
 * only to find where each assignment is: every value comes from `dotenv.parse`, and a name whose located
 * entries do not reproduce `dotenv.parse` of the whole file loses its entries (its lines become unknown).
 */
const DOTENV_LINE =
  /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/dgmu;

export type ParsedEnvText = Pick<EnvFile, 'text' | 'lines' | 'parsed' | 'entries' | 'hasBom' | 'hasCrlf'>;

export function parseEnvText(bytes: Buffer): ParsedEnvText {
  const text = bytes.toString('utf8');
  const parsed = dotenv.parse(bytes);
  // dotenv turns CRLF and lone CR into LF before parsing; positions are counted on that text.
  const normal = text.replace(/\r\n?/gu, '\n');
  const lines = normal.split('\n');
  const lineStarts = [0];
  for (let i = 0; i < normal.length; i++) if (normal.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const position = (offset: number): { line: number; column: number } => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  const bytesAt = byteOffsets(text);
  let entries: EnvFileEntry[] = [];
  for (const m of normal.matchAll(DOTENV_LINE)) {
    const name = m[1]!;
    const [nameStart, nameEnd] = m.indices![1]!;
    const value = dotenv.parse(m[0])[name];
    if (value === undefined) continue;
    const at = position(nameStart);
    const span = m.indices![2];
    let valueStart = span ? span[0] : m.index! + m[0].length;
    if (span) while (valueStart < span[1] && /\s/u.test(normal[valueStart]!)) valueStart++;
    else valueStart = Math.min(normal.indexOf('\n', nameEnd) === -1 ? normal.length : normal.indexOf('\n', nameEnd), valueStart);
    const valueAt = position(valueStart);
    entries.push({
      name,
      value,
      line: at.line,
      column: at.column,
      valueColumn: valueAt.line === at.line ? valueAt.column : lines[at.line - 1]!.length + 1,
      endLine: position(span ? Math.max(span[1] - 1, span[0]) : nameEnd).line,
      raw: lines[at.line - 1]!,
      nameBytes: [bytesAt(nameStart), bytesAt(nameEnd)],
      // An unquoted value ends where dotenv's trim ends it; a quoted one at its closing quote.
      valueBytes: [bytesAt(valueStart), bytesAt(span ? (/^['"`]/u.test(normal[valueStart] ?? '') ? span[1] : valueStart + normal.slice(valueStart, span[1]).trimEnd().length) : valueStart)],
    });
  }
  // Trust the positions only where they reproduce dotenv exactly: dotenv keeps the last assignment of a name.
  const last = new Map<string, string>();
  for (const e of entries) last.set(e.name, e.value);
  entries = entries.filter((e) => Object.hasOwn(parsed, e.name) && last.get(e.name) === parsed[e.name]);
  return {
    text,
    lines,
    parsed,
    entries,
    hasBom: text.startsWith('\uFEFF'),
    hasCrlf: text.includes('\r\n'),
  };
}

/**
 * Maps an offset in the line-break-normalised text (CRLF → LF) to a UTF-8 byte offset in the file as read. Offsets
 * must be asked in increasing order for linear work (entries are); an earlier one restarts the count.
 */
function byteOffsets(text: string): (normalOffset: number) => number {
  let n = 0;
  let t = 0;
  let b = 0;
  return (target) => {
    if (target < n) n = t = b = 0;
    while (n < target && t < text.length) {
      const c = text.charCodeAt(t);
      if (c === 13 && text.charCodeAt(t + 1) === 10) {
        t += 2;
        b += 2;
      } else if (c >= 0xd800 && c <= 0xdbff && t + 1 < text.length) {
        t += 2;
        b += 4;
        n++;
      } else {
        t++;
        b += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
      }
      n++;
    }
    return b;
  };
}

export function readEnvFile(
  path: string,
  display: string,
  placement: Pick<EnvFile, 'loaded' | 'reason' | 'priority'>,
): EnvFile {
  const result = readTextFile(path);
  if (!result.ok) return unreadEnvFile(path, display, placement, result.reason);
  return { path, display, ...placement, ...parseEnvText(result.bytes), sha256: createHash('sha256').update(result.bytes).digest('hex') };
}

/** A dotenv file that was not read, and why. */
export function unreadEnvFile(path: string, display: string, placement: Pick<EnvFile, 'loaded' | 'reason' | 'priority'>, reason: string): EnvFile {
  return { path, display, ...placement, text: '', lines: [], parsed: {}, entries: [], hasBom: false, hasCrlf: false, unreadable: reason };
}
