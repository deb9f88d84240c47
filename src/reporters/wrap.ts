// Wraps report lines to the terminal's width with a hanging indent, never breaking a word or counting colour codes.

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/gu;

function visibleLength(s: string): number {
  return [...s.replace(ANSI, '')].length;
}

/**
 * Breaks `text` (which starts after `prefix`) into lines of at most `width` columns: the first line starts with
 * `prefix`, the others with as many spaces, so the marker column stays clear. A word longer than a line (a URL,
 * a path) is kept whole on its own line rather than cut. Without a width the text is returned as one line.
 */
export function wrapLine(prefix: string, text: string, width: number | undefined): string[] {
  const first = `${prefix}${text}`;
  if (width === undefined || visibleLength(first) <= width) return [first];
  const indent = ' '.repeat(visibleLength(prefix));
  const room = Math.max(20, width - indent.length);
  const lines: string[] = [];
  let current = '';
  let currentLength = 0;
  for (const whole of text.split(/ +/u)) {
    for (const word of pieces(whole, room)) {
      const length = visibleLength(word);
      if (currentLength > 0 && currentLength + 1 + length > room) {
        lines.push(current);
        current = word;
        currentLength = length;
      } else {
        current = currentLength > 0 ? `${current} ${word}` : word;
        currentLength += (currentLength > 0 ? 1 : 0) + length;
      }
    }
  }
  if (current) lines.push(current);
  return lines.map((l, i) => (i === 0 ? `${prefix}${l}` : `${indent}${l}`)).map((l) => l.replace(GLUE, ''));
}

/** Marks where a long URL or path was cut after a `/`: the pieces are joined without a space, then the mark removed. */
const GLUE = /\u2060 ?/gu;

/**
 * A word longer than a line (a URL, a path) is cut after a `/`, where it is no word that breaks, into pieces that
 * fit; the pieces are glued back (no space between them on one line). Without a `/` that fits, it stays whole.
 */
function pieces(word: string, room: number): string[] {
  if (visibleLength(word) <= room || /\u001b/u.test(word)) return [word];
  const out: string[] = [];
  let rest = word;
  while (visibleLength(rest) > room) {
    const cut = rest.lastIndexOf('/', room - 1);
    if (cut <= 0) break;
    out.push(rest.slice(0, cut + 1));
    rest = rest.slice(cut + 1);
  }
  out.push(rest);
  // Pieces that land on one line are rejoined by the caller with a space; mark them so that space is dropped.
  return out.map((p, i) => (i < out.length - 1 ? `${p}\u2060` : p));
}

/** The width to wrap to: `COLUMNS` when set, else the terminal's; none when output is not a terminal. */
export function outputWidth(env: Record<string, string | undefined>, isTTY: boolean, columns: number | undefined): number | undefined {
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv >= 20) return fromEnv;
  return isTTY && columns && columns >= 20 ? columns : undefined;
}

/**
 * Wraps a line that carries its own indent and list marker (`  1. `, `    → `, `  - `), or whose first
 * `prefixLength` columns are a table's fixed columns: the continuation lines hang under the text after it. A
 * prefix too wide to leave 20 columns hangs at four spaces instead.
 */
export function wrapIndented(line: string, width: number | undefined, prefixLength?: number): string[] {
  if (width === undefined || visibleLength(line) <= width) return [line];
  // A colour code that opens the line belongs to the prefix (it spans the wrapped lines, as terminals keep it).
  const open = /^(?:\u001b\[[0-9;]*m)*/u.exec(line)![0];
  const body = line.slice(open.length);
  const marker = prefixLength !== undefined ? [...body].slice(0, prefixLength).join('') : /^\s*(?:\d+\.\s|→\s|->\s|-\s|↳\s)?/u.exec(body)![0];
  if (visibleLength(marker) > width - 20) return wrapLine(open, body, width - 4).map((l, i) => (i === 0 ? l : `    ${l}`));
  return wrapLine(`${open}${marker}`, body.slice(marker.length), width);
}
