// Shows a masked credential with its hidden problems made visible: `⟨"⟩3f9a…c1⟨U+200B⟩⏎ (36 chars)`.
import { mask } from './secret.js';

const NAMED: Record<string, string> = {
  '\n': '⏎',
  '\r': '␍',
  '\t': '⇥',
  ' ': '␠',
};

/** Characters that are not printable ASCII letters/digits/punctuation are shown as ⟨U+XXXX⟩. */
export function isOdd(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return cp < 0x21 || cp > 0x7e;
}

export function codePointLabel(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Quote characters are visible already, so they are shown as themselves. */
const EDGE = /["'`“”‘’„«»]/u;

export function visibleChar(ch: string): string {
  return NAMED[ch] ?? (isOdd(ch) && !EDGE.test(ch) ? `⟨${codePointLabel(ch)}⟩` : ch);
}

/**
 * The mask of the value's core, with the odd characters around it spelled out. Characters in the
 * middle of the core are never shown beyond the usual first 4 / last 2.
 */
export function visibleMask(value: string): string {
  const chars = [...value];
  let start = 0;
  let end = chars.length;
  while (start < end && (isOdd(chars[start]!) || EDGE.test(chars[start]!))) start++;
  while (end > start && (isOdd(chars[end - 1]!) || EDGE.test(chars[end - 1]!))) end--;
  const lead = chars.slice(0, start).map(visibleChar).join('');
  const trail = chars.slice(end).map(visibleChar).join('');
  const core = chars.slice(start, end).join('');
  const coreMask = core.length === 0 ? '' : mask(core).replace(/ \(\d+ chars\)$/u, '').replace(/^…\(\d+ chars\)$/u, '…');
  return `${lead}${coreMask}${trail} (${chars.length} chars)`;
}
