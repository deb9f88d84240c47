// Small text helpers the extractors share: key shapes, key-like names, masking, Clarifai hosts, suppression comments.
import { mask } from '../core/secret.js';

/** A 32-character run of letters and digits, not glued to other token characters (base64, paths, identifiers). */
export const KEY_TOKEN = /(?<![A-Za-z0-9_\-/+.])[A-Za-z0-9]{32}(?![A-Za-z0-9_\-/+])/g;

/**
 * The cheap version for code files with no Clarifai mention: a 32-character run right after a quote or `=`, or after
 * a quoted scheme word (`'Key 3f9a…`). A quote is a rare first character, which makes this several times faster
 * than KEY_TOKEN; in code a key is a string literal anyway.
 */
export const QUOTED_KEY_TOKEN = /['"`=](?:(?:[Kk]ey|KEY|[Bb]earer|[Tt]oken)[ \t]+)?[A-Za-z0-9]{32}(?![A-Za-z0-9_\-/+])/g;

const HEX32 = /^[0-9a-fA-F]{32}$/u;

/** Clarifai keys and PATs are 32 lowercase hex (facts §1.2); other scanners accept 32 letters and digits. */
export function keyShape(token: string): 'hex' | 'alnum' | undefined {
  if (!/[0-9]/u.test(token) || !/[A-Za-z]/u.test(token)) return undefined;
  if (HEX32.test(token)) return 'hex';
  // Mixed alphanumerics: identifiers such as `someVeryLongCamelCaseName123` have few digits; keys have many.
  const digits = token.replace(/[^0-9]/gu, '').length;
  return digits >= 4 && /[a-z]/u.test(token) && /[A-Z]/u.test(token) ? 'alnum' : undefined;
}

/** Words that make a name hold a credential (`apiKey`, `CLARIFAI_PAT`, `auth_token`). */
const SECRET_WORDS = new Set(['key', 'apikey', 'pat', 'token', 'secret', 'auth', 'authorization', 'authorisation', 'credential', 'credentials', 'password', 'passwd']);
/** Words that make a `…key` name something else: cache keys, sort keys, hashes. */
const NOT_SECRET_WORDS = new Set(['cache', 'sort', 'primary', 'foreign', 'hash', 'map', 'object', 'partition', 'row', 'index', 'lookup', 'storage', 'idempotency', 'dedupe', 'unique', 'react', 'public', 'cursor', 'etag', 'checksum', 'digest', 'md5', 'sha', 'sha1', 'sha256', 'version', 'model', 'id', 'hotkey', 'keyboard', 'monkey', 'turkey']);

/** Splits `clarifaiApiKey`, `CLARIFAI_API_KEY`, `x-api-key` into lowercase words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/gu, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter(Boolean);
}

export function keyLikeName(name: string | undefined): boolean {
  if (!name) return false;
  const words = nameWords(name.slice(name.lastIndexOf('.') + 1));
  return words.some((w) => SECRET_WORDS.has(w)) && !words.some((w) => NOT_SECRET_WORDS.has(w));
}

/**
 * The name a value on this line is bound to, read backwards from `column` (0-based): `PAT = '`, `"api_key": "`,
 * `export X=`, `api_key='`, `os.environ["X"] = "`, `X: `; `Key ` inside a header value binds to the header.
 */
export function nameBefore(line: string, column: number, previousLine?: string): string | undefined {
  const prefix = line.slice(Math.max(0, column - 160), column);
  if (/\b(?:key|bearer|token)\s+$/iu.test(prefix)) {
    const header = /(authori[sz]ation|x-api-key|api-key|x-clarifai-[\w-]+)/iu.exec(prefix);
    return header?.[1] ?? 'Authorization';
  }
  const m = /([A-Za-z_$][\w$.-]*)\\?['"]?\s*\]?\s*(?::=|=>|[:=])\s*(?:[A-Za-z]{0,2}\\?['"`])?\s*$/u.exec(prefix);
  if (!m) return undefined;
  const name = m[1]!;
  // Kubernetes / compose lists: `- name: CLARIFAI_PAT` then `value: …` on the next line.
  if ((name === 'value' || name === 'default') && previousLine) {
    const n = /\bname\s*[:=]\s*['"]?([\w.-]+)/u.exec(previousLine);
    if (n) return n[1];
  }
  return name;
}

/** Masks every key-shaped run (24+ letters and digits, mixing both) so snippets never carry a key. */
export function maskKeys(text: string): string {
  return text.replace(/(?<![A-Za-z0-9])[A-Za-z0-9]{20,}(?![A-Za-z0-9])/gu, (run) =>
    /[0-9]/u.test(run) && /[A-Za-z]/u.test(run) ? mask(run) : run,
  );
}

/** Edit distance, capped: enough to tell `clarifia` and `clarfai` from `clarity`. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * The second-level label of a host that could be Clarifai or a typo of it (`clarifai.com`, `clarifia.com`, `clarifai.co`),
 * with real or typo'd top-level domains only, so `config.clarifai.pat` and `clarifai.grpc` are not hosts.
 */
export const HOST_CANDIDATE = /cl[a-z]{3,8}\.(?:com|co|ai|io|net|org|dev|app|cm|om|con|cpm|vom|xom|cmo|comm)(?![\w-])/gi;

export function isClarifaiLabel(label: string): boolean {
  const l = label.toLowerCase();
  return l === 'clarifai' || (l.length >= 6 && editDistance(l, 'clarifai') <= 2);
}

/** One pass for the two file-level facts: does the text mention Clarifai, and does it have `keydoctor-ignore` comments? */
export function fileFlags(text: string): { clarifai: boolean; suppressions: boolean } {
  const flags = { clarifai: false, suppressions: false };
  for (const m of text.matchAll(/clarifai|keydoctor-ignore/gi)) {
    if (m[0].length === 8) flags.clarifai = true;
    else flags.suppressions = true;
    if (flags.clarifai && flags.suppressions) break;
  }
  return flags;
}

export interface ParsedSuppression {
  ids: string[];
  reason: string;
}

/** `keydoctor-ignore`, `keydoctor-ignore: exposure/hardcoded-key, headers -- test fixture`. */
export const SUPPRESSION = /keydoctor-ignore(?![\w-])(?:\s*:\s*([\w/,\s-]*?))?(?:\s+--\s*(.*?))?\s*(?:\*\/|-->|#>|$)/gmu;

export function parseSuppression(idsText: string | undefined, reasonText: string | undefined): ParsedSuppression {
  const ids = (idsText ?? '')
    .split(/[,\s]+/u)
    .map((s) => s.trim())
    .filter((s) => /^[a-z]+(?:\/[a-z0-9-]+)?$/u.test(s));
  return { ids, reason: (reasonText ?? '').trim() };
}
