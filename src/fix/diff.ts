// Renders a planned change as a unified diff in which a line that holds a key shows it masked, never in full.
import { maskKeyShaped } from '../core/secret.js';
import { visibleMask } from '../core/visible.js';
import { looksLikeSecretName, looksLikeSecretValue } from '../providers/clarifai/variables.js';

const CONTEXT = 2;
/** A CRLF conversion changes every line: show this many, then count the rest. */
const MAX_SHOWN_LINES = 40;

/** `NAME=value` in a dotenv file, with any BOM, `export` and blanks around `=`. */
const ASSIGNMENT = /^(\uFEFF?\s*(?:export\s+)?)([\w.-]+)(\s*(?:=|:\s)\s*)(.*)$/su;

interface Shown {
  text: string;
  masked: boolean;
}

/** A line as the diff shows it: a key's value masked with its hidden characters spelled out, a CR shown as ␍. */
function show(line: string, envFile: boolean): Shown {
  const cr = line.endsWith('\r');
  const body = cr ? line.slice(0, -1) : line;
  const m = envFile ? ASSIGNMENT.exec(body) : null;
  let text: string;
  let masked = false;
  if (m && (looksLikeSecretName(m[2]!) || looksLikeSecretValue(m[4]!)) && m[4]!.length > 0) {
    // The value as written (quotes and all) is masked; a comment after it is shown, itself scrubbed of keys.
    const written = m[4]!;
    const close = /^['"`]/u.test(written) ? written.indexOf(written[0]!, 1) : -1;
    const end = close > 0 ? close + 1 : (/\s+#/u.exec(written)?.index ?? written.length);
    text = `${m[1]!.replace('\uFEFF', '<BOM>')}${m[2]}${m[3]}${visibleMask(written.slice(0, end))}${maskKeyShaped(written.slice(end))}`;
    masked = true;
  } else {
    text = maskKeyShaped(body.replace('\uFEFF', '<BOM>'));
    masked = text !== body.replace('\uFEFF', '<BOM>');
  }
  return { text: cr ? `${text}␍` : text, masked };
}

function splitLines(b: Buffer): string[] {
  const lines = b.toString('utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The diff of one file; `masked` says whether any line shows a key masked (the caller explains the masks). */
export function renderDiff(file: string, before: Buffer, after: Buffer, options: { envFile: boolean; created: boolean }): { diff: string; masked: boolean } {
  const a = splitLines(before);
  const b = splitLines(after);
  // Changed line ranges: line by line when the count is the same, else one block between the common ends.
  const blocks: { a0: number; a1: number; b0: number; b1: number }[] = [];
  if (a.length === b.length) {
    for (let i = 0; i < a.length; i++) {
      if (a[i] === b[i]) continue;
      const last = blocks.at(-1);
      if (last && last.a1 === i) {
        last.a1 = i + 1;
        last.b1 = i + 1;
      } else blocks.push({ a0: i, a1: i + 1, b0: i, b1: i + 1 });
    }
  } else {
    let p = 0;
    while (p < a.length && p < b.length && a[p] === b[p]) p++;
    let s = 0;
    while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
    blocks.push({ a0: p, a1: a.length - s, b0: p, b1: b.length - s });
  }
  let masked = false;
  const out: string[] = [`--- ${options.created ? '/dev/null' : `a/${file}`}`, `+++ b/${file}`];
  let shown = 0;
  let hidden = 0;
  // Hunks: blocks closer than twice the context share one.
  for (let i = 0; i < blocks.length; ) {
    let j = i;
    while (j + 1 < blocks.length && blocks[j + 1]!.a0 - blocks[j]!.a1 <= CONTEXT * 2) j++;
    const first = blocks[i]!;
    const last = blocks[j]!;
    const a0 = Math.max(0, first.a0 - CONTEXT);
    const a1 = Math.min(a.length, last.a1 + CONTEXT);
    const b0 = first.b0 - (first.a0 - a0);
    const b1 = last.b1 + (a1 - last.a1);
    const body: string[] = [];
    let cursor = a0;
    const line = (prefix: string, text: string) => {
      const s = show(text, options.envFile);
      masked ||= s.masked;
      body.push(`${prefix}${s.text}`);
    };
    for (let k = i; k <= j; k++) {
      const blk = blocks[k]!;
      for (; cursor < blk.a0; cursor++) line(' ', a[cursor]!);
      for (let x = blk.a0; x < blk.a1; x++) line('-', a[x]!);
      for (let x = blk.b0; x < blk.b1; x++) line('+', b[x]!);
      cursor = blk.a1;
    }
    for (; cursor < a1; cursor++) line(' ', a[cursor]!);
    if (shown < MAX_SHOWN_LINES) {
      out.push(`@@ -${a1 - a0 === 0 ? a0 : a0 + 1},${a1 - a0} +${b1 - b0 === 0 ? b0 : b0 + 1},${b1 - b0} @@`, ...body);
      shown += body.length;
    } else hidden += blocks.slice(i, j + 1).reduce((n, blk) => n + (blk.a1 - blk.a0), 0);
    i = j + 1;
  }
  if (hidden > 0) out.push(`… and ${hidden} more changed line${hidden === 1 ? '' : 's'} in ${file}`);
  return { diff: `${out.join('\n')}\n`, masked };
}
