// Masking for credentials: a Secret renders only its mask, and a Redactor scrubs known secrets from free text.
import { inspect } from 'node:util';

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

/** Scrubs every registered secret (and its trimmed core) from text, longest first, as a last line of defence. */
export class Redactor {
  readonly #secrets = new Set<string>();
  #pattern: RegExp | undefined;

  add(value: string | Secret | undefined): void {
    if (value === undefined) return;
    const raw = typeof value === 'string' ? value : value.reveal();
    for (const variant of secretVariants(raw)) {
      if ([...variant].length >= MIN_REDACT_LENGTH && !this.#secrets.has(variant)) {
        this.#secrets.add(variant);
        this.#pattern = undefined;
      }
    }
  }

  get size(): number {
    return this.#secrets.size;
  }

  redact(text: string): string {
    if (this.#secrets.size === 0) return text;
    const sorted = [...this.#secrets].sort((a, b) => b.length - a.length);
    // Huge values (a multi-MB line in a .env) are scrubbed by plain search: a pattern that size fails to compile.
    let out = text;
    for (const s of sorted) if (s.length > MAX_PATTERN_SECRET && out.includes(s)) out = out.split(s).join(mask(s));
    const short = sorted.filter((s) => s.length <= MAX_PATTERN_SECRET);
    if (short.length === 0) return out;
    this.#pattern ??= new RegExp(short.map(escapeRegExp).join('|'), 'gu');
    return out.replace(this.#pattern, (m) => mask(m));
  }
}

/** The value itself plus the forms it is commonly printed in: trimmed, unquoted, without a scheme word. */
export function secretVariants(raw: string): string[] {
  const out = new Set<string>([raw]);
  let core = raw.trim();
  out.add(core);
  core = core.replace(/^["'`“”‘’]+|["'`“”‘’]+$/gu, '').trim();
  out.add(core);
  core = core.replace(/^(key|bearer|token)\s+/iu, '');
  out.add(core);
  // Invisible characters split a key; the visible run between them is still the secret.
  for (const part of core.split(/[\s\u200B-\u200D\u2060\uFEFF\u00A0\u00AD\u202A-\u202E\u2066-\u2069]+/u)) {
    if (part.length >= 16) out.add(part);
  }
  return [...out].filter((v) => v.length > 0);
}
