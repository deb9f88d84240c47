// What a Clarifai key looks like, and how a pasted value goes wrong: the value analysis the key checks read.
//
// Facts (see the auth facts §1.2): every observed API key and PAT is 32 lowercase hex characters;
// whether uppercase is accepted is unknown; the API answers "Invalid format of key." for malformed ones.
import { codePointLabel } from '../../core/visible.js';
import { codePointLength } from '../../core/visible.js';

export const KEY_LENGTH = 32;
export const KEY_PATTERN = /^[0-9a-f]{32}$/u;

/** One character of the value, located. `position` is 1-based and counts characters (code points). */
export interface CharAt {
  char: string;
  position: number;
  /** `U+200B ZERO WIDTH SPACE` */
  label: string;
}

export interface Lookalike extends CharAt {
  /** The ASCII character it imitates. */
  looksLike: string;
}

export type Identity =
  | { kind: 'placeholder'; label: string }
  | { kind: 'credential'; label: string; hint: string };

export interface KeyAnalysis {
  raw: string;
  /** Total characters (code points) in the raw value. */
  length: number;
  /** ASCII whitespace (space, tab, CR, LF, VT, FF) before / after / inside the key. */
  leadingWhitespace: CharAt[];
  trailingWhitespace: CharAt[];
  internalWhitespace: CharAt[];
  /** Zero-width, format, bidi, non-ASCII space and control characters, anywhere. */
  invisible: CharAt[];
  /** Quote or bracket characters wrapped around the key. */
  wrappers: CharAt[];
  /** A scheme word pasted in front of the key (`Key`, `Bearer`, `Authorization: Key`), as typed. */
  scheme?: string;
  /** Where the scheme word and the blanks after it are: 0-based code-point indices [start, end) in `raw`. */
  schemeSpan?: [number, number];
  lookalikes: Lookalike[];
  /** Characters left in the key that are not hex digits (0-9, a-f, A-F), at their raw positions. */
  nonHex: CharAt[];
  /** The value with the copy-paste damage undone (whitespace, invisible characters, wrappers, scheme word) and nothing guessed: look-alikes stay. */
  cleaned: string;
  /** What was probably meant: the cleaned value with look-alikes replaced too. */
  core: string;
  /** Set when the core is not a key at all: a placeholder, or another kind of credential. */
  identity?: Identity;
}

const ASCII_SPACE = new Set([' ', '\t', '\n', '\r', '\v', '\f']);
const INVISIBLE = /^[\p{Cf}\p{Zs}\p{Zl}\p{Zp}\p{Cc}]$/u;
/** Quotes and brackets a copy-paste wraps around a key: the one list the key checks, live candidates, masks and redaction share. */
export const WRAPPER_CHARACTERS: ReadonlySet<string> = new Set(['"', "'", '`', '“', '”', '‘', '’', '„', '‚', '«', '»', '‹', '›', '＂', '＇', '<', '>']);
const WRAPPERS = WRAPPER_CHARACTERS;

const NAMES: Record<number, string> = {
  0x09: 'CHARACTER TABULATION (tab)',
  0x0a: 'LINE FEED (newline)',
  0x0b: 'LINE TABULATION',
  0x0c: 'FORM FEED',
  0x0d: 'CARRIAGE RETURN',
  0x20: 'SPACE',
  0x22: 'QUOTATION MARK',
  0x27: 'APOSTROPHE',
  0x3c: 'LESS-THAN SIGN',
  0x3e: 'GREATER-THAN SIGN',
  0x60: 'GRAVE ACCENT (backtick)',
  0x85: 'NEXT LINE',
  0xa0: 'NO-BREAK SPACE',
  0xab: 'LEFT-POINTING DOUBLE ANGLE QUOTATION MARK',
  0xad: 'SOFT HYPHEN',
  0xbb: 'RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x2007: 'FIGURE SPACE',
  0x2009: 'THIN SPACE',
  0x200a: 'HAIR SPACE',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2018: 'LEFT SINGLE QUOTATION MARK',
  0x2019: 'RIGHT SINGLE QUOTATION MARK',
  0x201a: 'SINGLE LOW-9 QUOTATION MARK',
  0x201c: 'LEFT DOUBLE QUOTATION MARK',
  0x201d: 'RIGHT DOUBLE QUOTATION MARK',
  0x201e: 'DOUBLE LOW-9 QUOTATION MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x202f: 'NARROW NO-BREAK SPACE',
  0x2039: 'SINGLE LEFT-POINTING ANGLE QUOTATION MARK',
  0x203a: 'SINGLE RIGHT-POINTING ANGLE QUOTATION MARK',
  0x205f: 'MEDIUM MATHEMATICAL SPACE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x3000: 'IDEOGRAPHIC SPACE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte order mark)',
  0xff02: 'FULLWIDTH QUOTATION MARK',
  0xff07: 'FULLWIDTH APOSTROPHE',
};

/**
 * Letters from other scripts that render like the Latin letters and digits a key is made of.
 * `[looks like, name, what it most likely stands for in a hex key]`: a Cyrillic о in a hex key
 * can only have been meant as the digit 0, since hex has no letter o.
 */
const LOOKALIKES: Record<string, [string, string, string?]> = {
  а: ['a', 'CYRILLIC SMALL LETTER A'],
  б: ['6', 'CYRILLIC SMALL LETTER BE'],
  с: ['c', 'CYRILLIC SMALL LETTER ES'],
  ԁ: ['d', 'CYRILLIC SMALL LETTER KOMI DE'],
  е: ['e', 'CYRILLIC SMALL LETTER IE'],
  о: ['o', 'CYRILLIC SMALL LETTER O', '0'],
  р: ['p', 'CYRILLIC SMALL LETTER ER'],
  х: ['x', 'CYRILLIC SMALL LETTER HA'],
  у: ['y', 'CYRILLIC SMALL LETTER U'],
  ѕ: ['s', 'CYRILLIC SMALL LETTER DZE'],
  і: ['i', 'CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I'],
  ј: ['j', 'CYRILLIC SMALL LETTER JE'],
  һ: ['h', 'CYRILLIC SMALL LETTER SHHA'],
  ь: ['b', 'CYRILLIC SMALL LETTER SOFT SIGN'],
  ӏ: ['l', 'CYRILLIC SMALL LETTER PALOCHKA', '1'],
  А: ['A', 'CYRILLIC CAPITAL LETTER A'],
  В: ['B', 'CYRILLIC CAPITAL LETTER VE'],
  С: ['C', 'CYRILLIC CAPITAL LETTER ES'],
  Е: ['E', 'CYRILLIC CAPITAL LETTER IE'],
  З: ['3', 'CYRILLIC CAPITAL LETTER ZE'],
  К: ['K', 'CYRILLIC CAPITAL LETTER KA'],
  М: ['M', 'CYRILLIC CAPITAL LETTER EM'],
  Н: ['H', 'CYRILLIC CAPITAL LETTER EN'],
  О: ['O', 'CYRILLIC CAPITAL LETTER O', '0'],
  Р: ['P', 'CYRILLIC CAPITAL LETTER ER'],
  Т: ['T', 'CYRILLIC CAPITAL LETTER TE'],
  Х: ['X', 'CYRILLIC CAPITAL LETTER HA'],
  α: ['a', 'GREEK SMALL LETTER ALPHA'],
  ε: ['e', 'GREEK SMALL LETTER EPSILON'],
  ι: ['i', 'GREEK SMALL LETTER IOTA'],
  κ: ['k', 'GREEK SMALL LETTER KAPPA'],
  ν: ['v', 'GREEK SMALL LETTER NU'],
  ο: ['o', 'GREEK SMALL LETTER OMICRON', '0'],
  ρ: ['p', 'GREEK SMALL LETTER RHO'],
  υ: ['u', 'GREEK SMALL LETTER UPSILON'],
  χ: ['x', 'GREEK SMALL LETTER CHI'],
  Α: ['A', 'GREEK CAPITAL LETTER ALPHA'],
  Β: ['B', 'GREEK CAPITAL LETTER BETA'],
  Ε: ['E', 'GREEK CAPITAL LETTER EPSILON'],
  Ζ: ['Z', 'GREEK CAPITAL LETTER ZETA'],
  Η: ['H', 'GREEK CAPITAL LETTER ETA'],
  Ι: ['I', 'GREEK CAPITAL LETTER IOTA'],
  Κ: ['K', 'GREEK CAPITAL LETTER KAPPA'],
  Μ: ['M', 'GREEK CAPITAL LETTER MU'],
  Ν: ['N', 'GREEK CAPITAL LETTER NU'],
  Ο: ['O', 'GREEK CAPITAL LETTER OMICRON', '0'],
  Ρ: ['P', 'GREEK CAPITAL LETTER RHO'],
  Τ: ['T', 'GREEK CAPITAL LETTER TAU'],
  Υ: ['Y', 'GREEK CAPITAL LETTER UPSILON'],
  Χ: ['X', 'GREEK CAPITAL LETTER CHI'],
  ı: ['i', 'LATIN SMALL LETTER DOTLESS I'],
  ɑ: ['a', 'LATIN SMALL LETTER ALPHA'],
  ℓ: ['l', 'SCRIPT SMALL L', '1'],
  օ: ['o', 'ARMENIAN SMALL LETTER OH', '0'],
};

const DIGIT_NAMES = ['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE'];

/** `U+200B ZERO WIDTH SPACE`; characters without a stored name get their general kind. */
export function charLabel(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const name = NAMES[cp] ?? LOOKALIKES[ch]?.[1] ?? fullwidthName(cp);
  if (name) return `${codePointLabel(ch)} ${name}`;
  if (/\p{Cc}/u.test(ch)) return `${codePointLabel(ch)} (a control character)`;
  if (/\p{Cf}/u.test(ch)) return `${codePointLabel(ch)} (an invisible format character)`;
  if (/\p{Z}/u.test(ch)) return `${codePointLabel(ch)} (a space character)`;
  if (cp > 0x7e) return `${codePointLabel(ch)} (a non-ASCII character)`;
  return `${codePointLabel(ch)} "${ch}"`;
}

function fullwidthName(cp: number): string | undefined {
  if (cp >= 0xff10 && cp <= 0xff19) return `FULLWIDTH DIGIT ${DIGIT_NAMES[cp - 0xff10]}`;
  if (cp >= 0xff21 && cp <= 0xff3a) return `FULLWIDTH LATIN CAPITAL LETTER ${String.fromCharCode(cp - 0xff21 + 65)}`;
  if (cp >= 0xff41 && cp <= 0xff5a) return `FULLWIDTH LATIN SMALL LETTER ${String.fromCharCode(cp - 0xff41 + 65)}`;
  return undefined;
}

function lookalike(ch: string): { looksLike: string; meant: string } | undefined {
  const entry = LOOKALIKES[ch];
  if (entry) return { looksLike: entry[0], meant: entry[2] ?? entry[0] };
  if (ch.codePointAt(0)! <= 0x7e) return undefined;
  // Fullwidth and mathematical letters and digits fold to ASCII under NFKC.
  const folded = ch.normalize('NFKC');
  return /^[0-9A-Za-z]$/u.test(folded) ? { looksLike: folded, meant: folded } : undefined;
}

export function isAsciiSpace(ch: string): boolean {
  return ASCII_SPACE.has(ch);
}

export function isInvisible(ch: string): boolean {
  return !ASCII_SPACE.has(ch) && INVISIBLE.test(ch);
}

function at(ch: string, index: number): CharAt {
  return { char: ch, position: index + 1, label: charLabel(ch) };
}

/** `Key`, `Bearer`, `Token`, optionally after `Authorization:`, followed by a separator and more. */
const SCHEME = /^((?:authorization\s*[:=]\s*)?(?:key|bearer|token))(?:[ \t]+|[ \t]*[:=][ \t]*)(?=\S)/iu;

export { codePointLength };

/** Characters examined one by one; a value longer than this is not a key, whatever the rest of it holds. */
const MAX_ANALYZED_CHARS = 4096;

/** Peels the layers a copy-paste adds around a key, records each, and classifies what is left. */
export function analyzeKeyValue(raw: string, options: { sessionToken?: boolean } = {}): KeyAnalysis {
  if (raw.length > MAX_ANALYZED_CHARS) {
    // Bounded work per value: an 8 MB line is judged from its start and its length, not character by character.
    const head = analyzeKeyValue(raw.slice(0, MAX_ANALYZED_CHARS), options);
    return { ...head, raw, length: codePointLength(raw), trailingWhitespace: [], core: head.core + raw.slice(MAX_ANALYZED_CHARS) };
  }
  const chars = [...raw];
  const a: KeyAnalysis = {
    raw,
    length: chars.length,
    leadingWhitespace: [],
    trailingWhitespace: [],
    internalWhitespace: [],
    invisible: [],
    wrappers: [],
    lookalikes: [],
    nonHex: [],
    cleaned: '',
    core: '',
  };
  let start = 0;
  let end = chars.length;
  const peel = (i: number, side: 'leading' | 'trailing'): boolean => {
    const ch = chars[i]!;
    if (isAsciiSpace(ch)) (side === 'leading' ? a.leadingWhitespace : a.trailingWhitespace).push(at(ch, i));
    else if (isInvisible(ch)) a.invisible.push(at(ch, i));
    else if (WRAPPERS.has(ch)) a.wrappers.push(at(ch, i));
    else return false;
    return true;
  };
  for (let changed = true; changed; ) {
    changed = false;
    while (start < end && peel(start, 'leading')) start++;
    while (end > start && peel(end - 1, 'trailing')) end--;
    if (a.scheme === undefined) {
      const m = SCHEME.exec(chars.slice(start, end).join(''));
      if (m) {
        a.scheme = m[1]!;
        a.schemeSpan = [start, start + [...m[0]].length];
        start += [...m[0]].length;
        changed = true;
      }
    }
  }
  const kept: string[] = [];
  const asTyped: string[] = [];
  for (let i = start; i < end; i++) {
    const ch = chars[i]!;
    if (isAsciiSpace(ch)) a.internalWhitespace.push(at(ch, i));
    else if (isInvisible(ch)) a.invisible.push(at(ch, i));
    else {
      asTyped.push(ch);
      const look = lookalike(ch);
      if (look) a.lookalikes.push({ ...at(ch, i), looksLike: look.looksLike });
      const meant = look ? look.meant : ch;
      if (!/^[0-9a-fA-F]$/u.test(meant)) a.nonHex.push(at(ch, i));
      kept.push(meant);
    }
  }
  a.invisible.sort((x, y) => x.position - y.position);
  a.wrappers.sort((x, y) => x.position - y.position);
  a.trailingWhitespace.reverse();
  a.cleaned = asTyped.join('');
  a.core = kept.join('');
  const identity = placeholderIdentity(a.core) ?? credentialIdentity(a.core, options.sessionToken === true);
  if (identity) a.identity = identity;
  return a;
}

function whitespaceName(list: readonly CharAt[]): string {
  const text = list.map((c) => c.char).join('');
  if (/^\r?\n$/u.test(text)) return text.includes('\r') ? 'CRLF line ending' : 'newline';
  if (text === '\r') return 'carriage return (\\r)';
  if (/^ +$/u.test(text)) return text.length === 1 ? 'space' : `${text.length} spaces`;
  if (/^\t+$/u.test(text)) return 'tab';
  return 'whitespace';
}

/**
 * The copy-paste damage the analysis undid, as phrases completing "the key works once …"
 * (`the trailing newline is removed`); empty when the cleaned value is the raw value.
 */
export function pasteDamage(a: KeyAnalysis): string[] {
  const changes: string[] = [];
  const removed = (name: string) => `${name} ${/spaces$/u.test(name) ? 'are' : 'is'} removed`;
  if (a.leadingWhitespace.length) changes.push(`the leading ${removed(whitespaceName(a.leadingWhitespace))}`);
  if (a.trailingWhitespace.length) changes.push(`the trailing ${removed(whitespaceName(a.trailingWhitespace))}`);
  if (a.wrappers.length) changes.push(`the surrounding ${a.wrappers.every((w) => /["'`“”‘’„‚«»＂＇]/u.test(w.char)) ? 'quotes are' : 'quotes or brackets are'} removed`);
  if (a.scheme !== undefined) changes.push(`the "${a.scheme} " prefix is removed (keydoctor adds "Key " itself)`);
  const invisible = [...new Set(a.invisible.map((c) => c.char))];
  if (invisible.length > 0) changes.push(`the invisible ${invisible.map(codePointLabel).join(', ')} ${invisible.length === 1 ? 'character is' : 'characters are'} removed`);
  if (a.internalWhitespace.length) changes.push('the whitespace inside it is removed');
  return changes;
}

/** Whether the value, with its copy-paste damage undone, has the shape of a Clarifai key (case aside). */
export function hasKeyShape(a: KeyAnalysis): boolean {
  return a.identity === undefined && /^[0-9a-f]{32}$/iu.test(a.core);
}

const MISSING_WORDS: Record<string, string> = {
  none: 'None, what Python prints for a missing value',
  null: 'null, what JSON and many languages print for a missing value',
  nil: 'nil, a missing value in Ruby and Go',
  undefined: 'undefined, what JavaScript prints for a missing value',
  nan: 'NaN',
  false: 'false',
  true: 'true',
};

const PLACEHOLDER_WORDS = new Set([
  'todo', 'tbd', 'fixme', 'changeme', 'change-me', 'change_me', 'replaceme', 'replace-me', 'replace_me',
  'secret', 'password', 'test', 'testing', 'example', 'sample', 'dummy', 'placeholder', 'fake', 'demo',
  'key', 'pat', 'token', 'apikey', 'api-key', 'api_key', 'access_token', 'access-token', 'xxx', 'redacted',
  'your-key', 'yourkey', 'mykey', 'my-key', 'my_key', 'secretkey', 'secret_key', 'secret-key', 'missing',
]);

function placeholderIdentity(core: string): Identity | undefined {
  const lower = core.toLowerCase();
  if (core === '') return { kind: 'placeholder', label: 'empty' };
  const missing = MISSING_WORDS[lower];
  if (missing) return { kind: 'placeholder', label: `the word ${missing}` };
  if (/^(.)\1+$/u.test(core) || /^[x*.•·…#?_ -]+$/iu.test(core)) return { kind: 'placeholder', label: 'a row of filler characters' };
  // Placeholders are short; skipping the word patterns keeps huge values linear.
  if (core.length > 256) return undefined;
  if (/^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$|^%[A-Za-z_][A-Za-z0-9_]*%$|^\{\{\s*[\w.-]+\s*\}\}$/u.test(core)) {
    return { kind: 'placeholder', label: 'a reference to another variable that was never expanded (dotenv does not expand ${…} unless dotenv-expand is used)' };
  }
  const bare = lower.replace(/^[[({]+|[\])}]+$/gu, '');
  if (PLACEHOLDER_WORDS.has(bare)) return { kind: 'placeholder', label: 'placeholder text' };
  const words = '(?:pat|key|token|secret|api[_ -]?key|access[_ -]?token|personal[_ -]?access[_ -]?token|credentials?)';
  if (
    new RegExp(`^(?:your|my|insert|enter|put|add|paste|replace|set|the)[_ -]?.*${words}`, 'u').test(bare) ||
    new RegExp(`${words}[_ -]?(?:here|goes[_ -]?here|placeholder)$`, 'u').test(bare) ||
    new RegExp(`^(?:clarifai[_ -]?)?${words}$`, 'u').test(bare) ||
    /^(?:replace|change|insert|update|fill)[_ -]?(?:me|this|it)$/u.test(bare)
  ) {
    return { kind: 'placeholder', label: 'placeholder text from an example' };
  }
  return undefined;
}

interface Foreign {
  pattern: RegExp;
  label: string;
  hint: string;
  /** Also applies to session tokens, whose format is not known. */
  session?: boolean;
}

const FOREIGN: readonly Foreign[] = [
  { pattern: /^sk-ant-/u, label: 'an Anthropic API key (sk-ant-…)', hint: 'it belongs in ANTHROPIC_API_KEY', session: true },
  { pattern: /^sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{16,}$/u, label: 'an OpenAI API key (sk-…)', hint: 'it belongs in OPENAI_API_KEY', session: true },
  { pattern: /^github_pat_[A-Za-z0-9_]{20,}$/u, label: 'a GitHub fine-grained token (github_pat_…)', hint: 'it belongs in GITHUB_TOKEN', session: true },
  { pattern: /^gh[pousr]_[A-Za-z0-9]{20,}$/u, label: 'a GitHub token (ghp_… / gho_…)', hint: 'it belongs in GITHUB_TOKEN', session: true },
  { pattern: /^(?:AKIA|ASIA)[A-Z0-9]{16}$/u, label: 'an AWS access key id (AKIA…)', hint: 'it belongs in AWS_ACCESS_KEY_ID', session: true },
  { pattern: /^xox[abposr]-[A-Za-z0-9-]{8,}$/u, label: 'a Slack token (xox…)', hint: 'it belongs in your Slack settings', session: true },
  { pattern: /^AIza[0-9A-Za-z_-]{35}$/u, label: 'a Google API key (AIza…)', hint: 'it belongs in GOOGLE_API_KEY', session: true },
  { pattern: /^hf_[A-Za-z0-9]{20,}$/u, label: 'a Hugging Face token (hf_…)', hint: 'it belongs in HF_TOKEN', session: true },
  { pattern: /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/u, label: 'a JWT (eyJ….….…)', hint: 'Clarifai keys are not JWTs; this is usually a login or OAuth token from another service' },
  { pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu, label: 'a UUID (8-4-4-4-12 with dashes)', hint: 'UUIDs are ids (a request, a user, another service), not Clarifai keys' },
  { pattern: /^[a-z][a-z0-9+.-]*:\/\/|^www\.|^(?:api\.)?clarifai\.com\b/iu, label: 'a URL', hint: 'a base URL belongs in CLARIFAI_API_BASE, and a model URL in your code', session: true },
  { pattern: /^(?=[A-Za-z0-9_-]*[A-Z_-])[A-Za-z0-9_-]{40}$/u, label: 'a legacy Clarifai app secret (40 characters with letters, digits, - and _)', hint: 'app secrets and client ids were replaced by API keys in 2017 and do not work as keys' },
];

function credentialIdentity(core: string, sessionToken: boolean): Identity | undefined {
  for (const f of FOREIGN) {
    if ((!sessionToken || f.session) && f.pattern.test(core)) return { kind: 'credential', label: f.label, hint: f.hint };
  }
  // Short words and slugs with letters beyond a-f are names: `clarifai`, `main`, `my-first-app`.
  if (!sessionToken && [...core].length < KEY_LENGTH && /^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/u.test(core) && /[g-zG-Z_.-]/u.test(core)) {
    return {
      kind: 'credential',
      label: 'a user id or app id (a short name, not 32 hex characters)',
      hint: 'ids belong in CLARIFAI_USER_ID and CLARIFAI_APP_ID',
    };
  }
  return undefined;
}

/** `1st`, `2nd`, `23rd`, `11th`. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** `U+200B ZERO WIDTH SPACE at position 17, U+00A0 NO-BREAK SPACE at position 33` (first three, then a count). */
export function describeChars(list: readonly CharAt[], max = 3): string {
  const shown = list.slice(0, max).map((c) => `${c.label} at position ${c.position}`);
  if (list.length > max) shown.push(`${list.length - max} more`);
  return shown.join(', ');
}
