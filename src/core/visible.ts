// Shows a masked credential with its hidden problems made visible: `⟨"⟩3f9a…c1⟨U+200B⟩⏎ (36 chars)`.
import { WRAPPER_CHARACTERS } from '../providers/clarifai/key-format.js';
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

/** Quote characters are visible already, so they are shown as themselves (the key checks' list of wrappers). */
const EDGE = { test: (ch: string) => WRAPPER_CHARACTERS.has(ch) };

/** A scheme word pasted before the key is not secret, so it is shown as typed: `Bearer␠3f9a…00`. */
const SCHEME = /^(?:key|bearer|token)[ \t]+(?=\S)/iu;

/** Long runs of one edge character are counted instead of repeated: `␠×40`. */
function runs(chars: readonly string[]): string {
  let out = '';
  for (let i = 0; i < chars.length; ) {
    let j = i;
    while (j < chars.length && chars[j] === chars[i]) j++;
    out += j - i > 3 ? `${visibleChar(chars[i]!)}×${j - i}` : chars.slice(i, j).map(visibleChar).join('');
    i = j;
  }
  return out;
}

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
  const scheme = SCHEME.exec(chars.slice(start, end).join(''));
  const schemeChars = scheme ? [...scheme[0]] : [];
  const lead = runs(chars.slice(0, start)) + schemeChars.map(visibleChar).join('');
  start += schemeChars.length;
  const trail = runs(chars.slice(end));
  const core = chars.slice(start, end).join('');
  const coreMask = core.length === 0 ? '' : mask(core).replace(/ \(\d+ chars\)$/u, '').replace(/^…\(\d+ chars\)$/u, '…');
  return `${lead}${coreMask}${trail} (${chars.length} chars)`;
}
