// Masking for credentials: a Secret renders only its mask, and a Redactor scrubs known secrets from free text.
import { inspect } from 'node:util';
import { analyzeKeyValue } from '../providers/clarifai/key-format.js';

const MIN_REVEAL_LENGTH = 12;
/** Values shorter than this are not treated as secrets to scrub from free text (too many false hits). */
const MIN_REDACT_LENGTH = 6;
/** Secrets longer than this are scrubbed without a regular expression. */
const MAX_PATTERN_SECRET = 4096;

/** `3f9a…c1 (32 chars)`: first 4 and last 2 characters plus the length; short values reveal nothing. */
export function mask(value: string): string {
  const chars = [...value];
  if (chars.length === 0) return '(empty)';
  if (chars.length < MIN_REVEAL_LENGTH) return `…(${chars.length} chars)`;
  return `${chars.slice(0, 4).join('')}…${chars.slice(-2).join('')} (${chars.length} chars)`;
}

/** A credential value that cannot be printed by accident: toString, toJSON and inspect give the mask. */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  /** The real value, for sending to the configured API base and for checks. Never print it. */
  reveal(): string {
    return this.#value;
  }
  get length(): number {
    return [...this.#value].length;
  }
  toString(): string {
    return mask(this.#value);
  }
  toJSON(): string {
    return mask(this.#value);
  }
  [inspect.custom](): string {
    return `Secret(${mask(this.#value)})`;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Masks every run of 24 or more letters and digits (the shape of a key) in text that carries no known secret list. */
export function maskKeyShaped(text: string): string {
  return text.replace(/[A-Za-z0-9]{24,}/gu, (run) => mask(run));
}

/** Above this many secrets, one alternation pattern tries each at every position: index them by prefix instead. */
const MAX_PATTERN_SECRETS = 64;

/**
 * A cut key (a body snippet, a truncated line) is not the whole secret, so whole-value matching misses it. A run of
 * key characters that is the start (5 or more characters) or the end (3 or more) of a key-shaped secret shows more
 * than the mask does (4 first, 2 last) and is masked too. Only key-shaped secrets (16+ characters of one token) are
 * used, so that ordinary words that happen to begin a password stay readable.
 */
const FRAGMENT_PREFIX = 5;
const FRAGMENT_SUFFIX = 3;
const KEY_SHAPED = /^[A-Za-z0-9_-]+$/u;
/** Keys are tens of characters; a multi-megabyte value is scrubbed whole, never hunted for in pieces. */
const MAX_FRAGMENT_SECRET = 1024;
const KEY_RUN = /[A-Za-z0-9_-]{3,}/gu;

function fragmentMask(run: string): string {
  return `…(${run.length} chars of a secret)`;
}

/** Scrubs every registered secret (and its trimmed core) from text, longest first, as a last line of defence. */
export class Redactor {
  readonly #secrets = new Set<string>();
  /** Longest first; rebuilt only after add(), since redact() runs on every write. */
  #sorted: string[] | undefined;
  #pattern: RegExp | undefined;
  #byPrefix: Map<string, string[]> | undefined;
  #fragments: { heads: Map<string, string[]>; tails: Map<string, string[]> } | undefined;

  add(value: string | Secret | undefined): void {
    if (value === undefined) return;
    const raw = typeof value === 'string' ? value : value.reveal();
    for (const variant of secretVariants(raw)) {
      if ((variant.length >= 2 * MIN_REDACT_LENGTH || [...variant].length >= MIN_REDACT_LENGTH) && !this.#secrets.has(variant)) {
        this.#secrets.add(variant);
        this.#sorted = this.#pattern = this.#byPrefix = this.#fragments = undefined;
      }
    }
  }

  get size(): number {
    return this.#secrets.size;
  }

  redact(text: string): string {
    if (this.#secrets.size === 0) return text;
    return this.#redactFragments(this.#redactWhole(text));
  }

  #redactWhole(text: string): string {
    const sorted = (this.#sorted ??= [...this.#secrets].sort((a, b) => b.length - a.length));
    // A .env with 100k secret-named lines: one pattern of 100k alternatives made every write quadratic.
    if (sorted.length > MAX_PATTERN_SECRETS) return this.#redactIndexed(text, sorted);
    // Huge values (a multi-MB line in a .env) are scrubbed by plain search: a pattern that size fails to compile.
    let out = text;
    for (const s of sorted) if (s.length > MAX_PATTERN_SECRET && out.includes(s)) out = out.split(s).join(mask(s));
    const short = sorted.filter((s) => s.length <= MAX_PATTERN_SECRET);
    if (short.length === 0) return out;
    this.#pattern ??= new RegExp(short.map(escapeRegExp).join('|'), 'gu');
    return out.replace(this.#pattern, (m) => mask(m));
  }

  /** Masks runs that are a prefix or a suffix of a key-shaped secret (what is left when something cut the key). */
  #redactFragments(text: string): string {
    if (!this.#fragments) {
      const heads = new Map<string, string[]>();
      const tails = new Map<string, string[]>();
      for (const s of this.#secrets) {
        // Placeholders (YOUR_CLARIFAI_PAT, a row of x) are not keys: their pieces are ordinary words, shown as they are.
        if (s.length < 16 || s.length > MAX_FRAGMENT_SECRET || !KEY_SHAPED.test(s) || !/\d/u.test(s) || !/[A-Za-z]/u.test(s)) continue;
        const head = s.slice(0, FRAGMENT_PREFIX);
        const tail = s.slice(-FRAGMENT_SUFFIX);
        heads.set(head, [...(heads.get(head) ?? []), s]);
        tails.set(tail, [...(tails.get(tail) ?? []), s]);
      }
      this.#fragments = { heads, tails };
    }
    const { heads, tails } = this.#fragments;
    if (heads.size === 0) return text;
    return text.replace(KEY_RUN, (run) => {
      // A run that ends at a separator is a vendor's public prefix (`sk-ant-`, `github_pat_`), not a cut key.
      const prefix = run.length >= FRAGMENT_PREFIX && !/[-_]$/u.test(run) && heads.get(run.slice(0, FRAGMENT_PREFIX))?.some((s) => s.startsWith(run));
      const suffix = tails.get(run.slice(-FRAGMENT_SUFFIX))?.some((s) => s.endsWith(run));
      return prefix || suffix ? fragmentMask(run) : run;
    });
  }

  /** The same leftmost, longest-first replacement as the pattern, looking up only the secrets that start here. */
  #redactIndexed(text: string, sorted: readonly string[]): string {
    if (!this.#byPrefix) {
      this.#byPrefix = new Map();
      for (const s of sorted) {
        const head = s.slice(0, MIN_REDACT_LENGTH);
        const list = this.#byPrefix.get(head);
        if (list) list.push(s);
        else this.#byPrefix.set(head, [s]);
      }
    }
    let out = '';
    let done = 0;
    for (let i = 0; i + MIN_REDACT_LENGTH <= text.length; ) {
      const hit = this.#byPrefix.get(text.slice(i, i + MIN_REDACT_LENGTH))?.find((s) => text.startsWith(s, i));
      if (hit === undefined) {
        i++;
        continue;
      }
      out += text.slice(done, i) + mask(hit);
      i += hit.length;
      done = i;
    }
    return done === 0 ? text : out + text.slice(done);
  }
}

/**
 * The value itself plus the forms it is commonly printed in: trimmed, with the copy-paste damage undone
 * (the key checks' own analysis), and every visible run an invisible character or space splits it into.
 */
export function secretVariants(raw: string): string[] {
  const out = new Set<string>([raw, raw.trim()]);
  // Values far longer than a key are scrubbed as given: analysing megabytes per secret would not be linear work.
  if (raw.length <= 4096) {
    const a = analyzeKeyValue(raw);
    out.add(a.cleaned);
    out.add(a.core);
    const start = a.scheme !== undefined ? raw.indexOf(a.scheme) + a.scheme.length : 0;
    for (const part of raw.slice(start).split(/[\s\p{Cf}\p{Zs}"'`“”‘’„‚«»‹›＂＇<>]+/u)) if (part.length >= 16) out.add(part);
  }
  return [...out].filter((v) => v.length > 0);
}
