// Clarifai's `Authorization: Key <token>` rule, and the one parser that splits a value into scheme word, gap and token.
// Used by the header checks (on code templates, the credential stood in by a marker) and by explain (on pasted values).

/**
 * The only scheme word Clarifai's core /v2 API takes, capital K, then exactly one space and one token
 * (py-grpc `_read_auth_string`; a lowercase `key` got 11102 in clarifai-python-grpc#26). See docs/clarifai-facts.md.
 */
export const KEY_SCHEME = 'Key';

/** Scheme words people put before a credential; a value glued to one (`Key3f9a…`) is split there. */
const SCHEME_WORDS = ['key', 'bearer', 'token', 'basic', 'apikey', 'api-key', 'pat', 'clarifai'];

export interface AuthorizationParts {
  /** Whitespace before the scheme word. */
  lead: string;
  /** `Key`, `key`, `Bearer`, …; '' when the value starts with the credential itself. */
  scheme: string;
  /** The whitespace between scheme word and credential, as written ('' when glued or absent). */
  separator: string;
  /** Everything after the separator: the credential, and whatever follows it. */
  rest: string;
}

/**
 * Splits a header value the way Clarifai reads it. The scheme is the leading word of letters (and dashes); when the
 * first word also holds other characters, it is a scheme only if it is a known scheme word followed by a non-letter
 * (`Key:…`, `Key` + a credential marker) or one glued to 16 or more key characters (`Key3f9a…`); else the whole word
 * is the credential.
 */
export function splitAuthorization(value: string): AuthorizationParts {
  const m = /^(\s*)(\S*)([\s\S]*)$/u.exec(value)!;
  const lead = m[1]!;
  const word = m[2]!;
  const letters = /^[A-Za-z-]*/u.exec(word)![0];
  const after = (scheme: string): AuthorizationParts => {
    const tail = value.slice(lead.length + scheme.length);
    const gap = /^\s*/u.exec(tail)![0];
    return { lead, scheme, separator: gap, rest: tail.slice(gap.length) };
  };
  const glued = SCHEME_WORDS.find((w) => letters.toLowerCase().startsWith(w) && /^[0-9A-Za-z_-]{16,}$/u.test(word.slice(w.length)));
  if (glued) return after(word.slice(0, glued.length));
  return after(letters === word || SCHEME_WORDS.includes(letters.toLowerCase()) ? letters : '');
}

/** Scheme word and gap as Clarifai requires them: `Key` and one space. */
export function hasKeyScheme(parts: Pick<AuthorizationParts, 'scheme' | 'separator'>): boolean {
  return parts.scheme === KEY_SCHEME && parts.separator === ' ';
}

/** The token when the value is exactly `Key <token>` (no other whitespace anywhere), else undefined. */
export function exactKeyToken(value: string): string | undefined {
  const p = splitAuthorization(value);
  const exact = p.lead === '' && hasKeyScheme(p) && p.rest !== '' && !/\s/u.test(p.rest);
  return exact ? p.rest : undefined;
}
