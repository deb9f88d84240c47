// Reads what a Clarifai API or SDK said out of pasted text: a REST body, a gRPC status printout, a code, a name, a message.
import { statusCode } from '../providers/clarifai/api-table.js';
import { splitAuthorization } from '../providers/clarifai/authorization.js';
import { STATUS_DESCRIPTIONS } from '../providers/clarifai/status-descriptions.js';

/** Input beyond this is ignored: a status sits near the top of any real paste, and it bounds the work. */
export const MAX_INPUT_CHARS = 1_000_000;
/** Regex hits beyond this are ignored, so pathological input (a megabyte of `code:1,`) stays linear and small. */
const MAX_HITS = 5_000;

export type InputForm =
  | 'status-fields' // a REST JSON body, a gRPC printout (Node toObject, Python text format), an SDK exception with either
  | 'status-array' // a google-protobuf message printed raw by Node (`array: [ 11009, '…', '…' ]`) or its toString()
  | 'code' // a bare status code number in text
  | 'name' // a status enum name in text (CONN_KEY_INVALID)
  | 'message' // a description or details string, without any code
  | 'client-message' // an error an SDK raised before any request was sent
  | 'http-status' // only an HTTP status (401 Unauthorized)
  | 'request' // no answer, only a request whose Authorization header is visibly wrong
  | 'none';

export interface PastedStatus {
  code: number;
  name: string;
  /** As pasted; undefined when the paste has none. */
  description?: string;
  details?: string;
}

/** The Authorization value the paste shows being sent, split the way a server would read it. */
export interface PastedAuthorization {
  /** The word before the first whitespace (`Key`, `key`, `Bearer`), or '' when the value has none. */
  scheme: string;
  /** The whitespace between scheme and token, as sent ('' when glued or absent). */
  separator: string;
  token: string;
}

export interface Observation {
  form: InputForm;
  /** The status to explain: the first failure in the paste (or the success, when nothing failed). */
  status?: PastedStatus;
  /** Other distinct failure statuses in the same paste (per-item statuses of a MIXED_STATUS, later log lines). */
  others: PastedStatus[];
  httpStatus?: number;
  authorization?: PastedAuthorization;
  /** Values in the paste that look like credentials; never printed in full. */
  secrets: string[];
  /** The bounded text the phrase rules read (details patterns also match here when no details field was found). */
  text: string;
  truncated: boolean;
}

interface Hit {
  key: 'code' | 'description' | 'details';
  index: number;
  end: number;
  value: string;
  /** The raw token for codes: a number or an identifier. */
  quoted: boolean;
}

// `code: 11009`, `"code": "CONN_KEY_INVALID"`, `description: 'API key not found'`, `"details":"invalid key(None)"`.
// Each alternative is unambiguous, so matching stays linear; strings are capped so an unclosed quote costs little.
const FIELD =
  /(?<![\w$.-])(["']?)(code|status_code|statusCode|description|details)\1\s*[:=]\s*(?:(-?\d{1,9})(?![\w.])|"((?:[^"\\\r\n]|\\.){0,4000})"|'((?:[^'\\\r\n]|\\.){0,4000})'|([A-Za-z][A-Za-z0-9_.]{1,80})(?![\w]))/gu;

/** Decodes the escapes JSON, JavaScript and protobuf text format put in a quoted string, including octal UTF-8 bytes. */
export function unescapeString(s: string): string {
  if (!s.includes('\\')) return s;
  try {
    return JSON.parse(`"${s}"`) as string;
  } catch {
    const bytes: number[] = [];
    const out: string[] = [];
    const flush = () => {
      if (bytes.length > 0) out.push(Buffer.from(bytes.splice(0)).toString('utf8'));
    };
    for (let i = 0; i < s.length; i++) {
      const ch = s[i]!;
      if (ch !== '\\' || i === s.length - 1) {
        flush();
        out.push(ch);
        continue;
      }
      const next = s[i + 1]!;
      const octal = /^[0-7]{3}/u.exec(s.slice(i + 1, i + 4));
      const hex = next === 'x' ? /^[0-9a-fA-F]{2}/u.exec(s.slice(i + 2, i + 4)) : null;
      if (octal) {
        bytes.push(parseInt(octal[0], 8) & 0xff);
        i += 3;
      } else if (hex) {
        bytes.push(parseInt(hex[0], 16));
        i += 3;
      } else {
        flush();
        out.push({ n: '\n', t: '\t', r: '\r' }[next] ?? next);
        i += 1;
      }
    }
    flush();
    return out.join('');
  }
}

function fieldHits(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(FIELD)) {
    if (hits.length >= MAX_HITS) break;
    const name = m[2]!;
    const key = name === 'description' ? 'description' : name === 'details' ? 'details' : 'code';
    const raw = m[3] ?? m[4] ?? m[5] ?? m[6];
    if (raw === undefined) continue;
    const quoted = m[4] !== undefined || m[5] !== undefined;
    // Descriptions and details are strings; a bare word after them is prose ("details: see below"), not a field.
    if (key !== 'code' && !quoted) continue;
    hits.push({ key, index: m.index, end: m.index + m[0].length, value: quoted ? unescapeString(raw) : raw, quoted });
  }
  return hits;
}

/** A Clarifai status code from a field value: a number ≥ 10000 or an enum name the table knows. */
function resolveCode(value: string): { code: number; name: string } | undefined {
  const v = value.trim();
  if (/^\d+$/u.test(v)) {
    if (Number(v) < 10000) return undefined;
    const info = statusCode(Number(v));
    return info ? { code: info.code, name: info.name } : undefined;
  }
  // Enum names are upper case on the wire and in every printout; a lower-case word is prose.
  if (!/^(?:StatusCode\.)?[A-Z][A-Z0-9_]+$/u.test(v)) return undefined;
  const info = statusCode(v.replace(/^StatusCode\./u, ''));
  return info && info.code >= 10000 ? { code: info.code, name: info.name } : undefined;
}

/** Groups description/details with their code: those between the previous code field and the next one, nearest first. */
function statusesFromFields(hits: Hit[]): PastedStatus[] {
  const codes = hits.filter((h) => h.key === 'code');
  const out: PastedStatus[] = [];
  codes.forEach((c, i) => {
    const resolved = resolveCode(c.value);
    if (!resolved) return;
    const from = i > 0 ? codes[i - 1]!.end : 0;
    const to = i + 1 < codes.length ? codes[i + 1]!.index : Number.POSITIVE_INFINITY;
    const near = (key: Hit['key']) => {
      const inSegment = hits.filter((h) => h.key === key && h.index >= from && h.index < to);
      return (inSegment.find((h) => h.index > c.index) ?? inSegment.at(-1))?.value;
    };
    const description = near('description');
    const details = near('details');
    out.push({ ...resolved, ...(description !== undefined ? { description } : {}), ...(details !== undefined ? { details } : {}) });
  });
  return out;
}

// Node prints a google-protobuf Status without toObject() as its backing array; node SDKs put its toString() in errors.
const STATUS_ARRAY = /array:\s*\[\s*(\d{5})\s*,\s*'((?:[^'\\\r\n]|\\.){0,4000})'\s*,\s*'((?:[^'\\\r\n]|\\.){0,4000})'/gu;
const STATUS_CSV = /(?<![\w.])(\d{5}),([A-Za-z][^,\r\n]{0,300}),([^,\r\n]{0,1000})/gu;

function statusesFromArrays(text: string): PastedStatus[] {
  const out: PastedStatus[] = [];
  for (const re of [STATUS_ARRAY, STATUS_CSV]) {
    let n = 0;
    for (const m of text.matchAll(re)) {
      if (++n > MAX_HITS) break;
      const resolved = resolveCode(m[1]!);
      if (!resolved) continue;
      const quoted = re === STATUS_ARRAY;
      const description = quoted ? unescapeString(m[2]!) : m[2]!;
      const details = quoted ? unescapeString(m[3]!) : m[3]!;
      out.push({ ...resolved, description, ...(details !== '' ? { details } : {}) });
    }
    if (out.length > 0) break;
  }
  return out;
}

// Five digits standing alone: not part of a port (host:18080), a path, a version or a longer number.
const BARE_CODE = /(?<![\w.:/#-])(\d{5})(?![\w./-])/gu;
const ENUM_NAME = /(?<![\w])(?:StatusCode\.)?([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?![\w])/gu;

function statusesFromTokens(text: string): { statuses: PastedStatus[]; form: InputForm } {
  const byCode: PastedStatus[] = [];
  let n = 0;
  for (const m of text.matchAll(BARE_CODE)) {
    if (++n > MAX_HITS) break;
    const resolved = resolveCode(m[1]!);
    if (resolved) byCode.push(resolved);
  }
  if (byCode.length > 0) return { statuses: byCode, form: 'code' };
  const byName: PastedStatus[] = [];
  n = 0;
  for (const m of text.matchAll(ENUM_NAME)) {
    if (++n > MAX_HITS) break;
    const resolved = resolveCode(m[1]!);
    if (resolved) byName.push(resolved);
  }
  // Single-word names (SUCCESS, FAILURE, MOVED) are ordinary words in prose: only the whole paste counts.
  const whole = text.trim().replace(/^StatusCode\./u, '');
  if (byName.length === 0 && /^[A-Z]+$/u.test(whole)) {
    const resolved = resolveCode(whole);
    if (resolved) byName.push(resolved);
  }
  return { statuses: byName, form: byName.length > 0 ? 'name' : 'none' };
}

/** Message fragments that identify a status on their own (wire text only; causes live in the knowledge files). */
interface Phrase {
  pattern: RegExp;
  code: number;
}

let phrases: Phrase[] | undefined;
function knownPhrases(): Phrase[] {
  phrases ??= [
    // The details strings are more specific than any description, so they are tried first.
    { pattern: /invalid key\(/iu, code: 11009 },
    { pattern: /invalid format of key/iu, code: 11008 },
    { pattern: /must provide app external id/iu, code: 11008 },
    { pattern: /empty or malformed authorization header/iu, code: 11102 },
    { pattern: /exceeded limit of \d+ requests? per second/iu, code: 11005 },
    // The descriptions Clarifai sends, from the curated table, longest first so "Invalid request" loses to longer ones.
    ...STATUS_DESCRIPTIONS.flatMap((d) => (d.description.value ? [{ text: d.description.value, code: d.code }] : []))
      .sort((a, b) => b.text.length - a.text.length)
      .map((d) => ({ pattern: new RegExp(`(?<![\\w])${d.text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&').replace(/ /gu, '\\s+')}(?![\\w])`, 'iu'), code: d.code })),
    // People shorten 11008's description ("Invalid API key or pair"); the facts say to match its prefix.
    { pattern: /invalid api key/iu, code: 11008 },
  ];
  return phrases;
}

function statusFromPhrases(text: string): PastedStatus | undefined {
  for (const p of knownPhrases()) {
    if (p.pattern.test(text)) {
      const info = statusCode(p.code);
      if (info) return { code: info.code, name: info.name };
    }
  }
  return undefined;
}

const HTTP_REASONS: Record<string, number> = {
  'bad request': 400,
  unauthorized: 401,
  unauthorised: 401,
  'payment required': 402,
  forbidden: 403,
  'not found': 404,
  'method not allowed': 405,
  'too many requests': 429,
  'internal server error': 500,
  'bad gateway': 502,
  'service unavailable': 503,
  'gateway timeout': 504,
};
const REASON_WORDS = Object.keys(HTTP_REASONS).join('|').replace(/ /gu, '\\s+');

/** The HTTP status a paste shows: a status line, `status code 401`, `statusCode: 401`, `401 Unauthorized`, or a reason alone. */
export function httpStatusOf(text: string): number | undefined {
  const patterns = [
    /\bHTTP\/\d(?:\.\d)?\s+([1-5]\d\d)\b/iu,
    new RegExp(`(?<![\\w.])([1-5]\\d\\d)\\s+(?:${REASON_WORDS})\\b`, 'iu'),
    // Never `\s*[:=]?\s*`: two optional runs of spaces around an optional colon backtrack quadratically.
    /\b(?:http[_ ]?)?status(?:[_ ]?code)?["']?\s*(?:(?:[:=]|is)\s*)?([1-5]\d\d)(?!\d)/iu,
    /\bresponse\s+code\s*(?:[:=]\s*)?([1-5]\d\d)(?!\d)/iu,
    /^\s*(?:HTTP\s*)?([45]\d\d)\s*$/iu,
    /\b(?:error|code)["']?\s*(?:[:=]\s*)?([45]\d\d)(?!\d)/iu,
  ];
  for (const p of patterns) {
    const m = p.exec(text);
    if (m) return Number(m[1]);
  }
  // A reason phrase alone counts only in its title-case spelling, and only the unmistakable ones:
  // "not found" is prose, and Clarifai's own "Making too many requests" says nothing about HTTP.
  const reason = /\b(Unauthori[sz]ed|UNAUTHORIZED|Forbidden|FORBIDDEN|Too Many Requests|Payment Required)\b/u.exec(text);
  return reason ? HTTP_REASONS[reason[1]!.toLowerCase()] : undefined;
}

// `Authorization: Key abc`, `"authorization": "Bearer abc"`, `('authorization', 'key abc')`, `-H 'Authorization:Key abc'`.
const AUTHORIZATION = /\bauthori[sz]ation\b["']?\s*[:,=]\s*(["']?)([^"'\r\n]{0,300})/giu;

function authorizationOf(text: string): PastedAuthorization | undefined {
  let n = 0;
  for (const m of text.matchAll(AUTHORIZATION)) {
    if (++n > MAX_HITS) break;
    const value = m[1] ? m[2]! : m[2]!.replace(/\s+$/u, '');
    // Code that builds the header (`"Key " + KEY`, f"Key {PAT}", `Key ${pat}`) shows no value that was sent.
    if (/[{}+$]|\(\s*$/u.test(value) || /^\s*$/u.test(value)) continue;
    const parts = splitAuthorization(value.replace(/^\s+/u, ''));
    const token = /^\S*/u.exec(parts.rest)![0];
    if (token === '') {
      // One word of letters: a bare token (no scheme) when it is long enough to be one.
      if (parts.scheme.length >= 16 && !parts.separator) return { scheme: '', separator: '', token: parts.scheme };
      continue;
    }
    if (parts.scheme === '' && token.length < 16) continue;
    return { scheme: parts.scheme, separator: parts.separator, token };
  }
  return undefined;
}

// Values assigned to credential-looking names in the paste (`CLARIFAI_PAT=…`, `api_key="…"`, `Key …`), for the redactor.
// The name is captured bounded and tested separately: a nested `\w*PAT\w*` would backtrack quadratically on long words.
const SECRET_ASSIGNMENT = /\b([A-Za-z0-9_]{1,64})["']?\s*[:=]\s*["']?([^\s"',;)}]{12,200})/gu;
const SECRET_NAME = /pat|key|token|secret|passw|credential/iu;
const SCHEME_VALUE = /\b(?:Key|Bearer|Token)\s+([A-Za-z0-9_\-.]{16,200})/giu;
const ECHOED_KEY = /invalid key\(([^)\r\n]{0,300})\)/giu;
/** A Clarifai key anywhere, in no context at all (`nvalid key(…)`, prose, glued to other letters): 32+ hex characters in a word. */
const HEX_RUN = /([0-9a-fA-F]{32,})/gu;

function secretsOf(text: string): string[] {
  const found = new Set<string>();
  let n = 0;
  for (const m of text.matchAll(SECRET_ASSIGNMENT)) {
    if (++n > MAX_HITS) break;
    if (SECRET_NAME.test(m[1]!)) found.add(m[2]!);
  }
  for (const re of [SCHEME_VALUE, ECHOED_KEY, HEX_RUN]) {
    n = 0;
    for (const m of text.matchAll(re)) {
      if (++n > MAX_HITS) break;
      const v = m[1]!;
      if (v.trim().length >= 8) found.add(v);
    }
  }
  return [...found];
}

function isSuccess(s: PastedStatus): boolean {
  return s.code === 10000 || /_SUCCESS$/u.test(s.name);
}

/** Clarifai's auth-related statuses: the ones a later log line is worth explaining instead of an earlier success. */
function isAuthFamily(s: PastedStatus): boolean {
  return (s.code >= 11000 && s.code < 12000) || /_(PERMISSION_DENIED|DOES_NOT_EXIST)$/u.test(s.name) || s.code === 10010;
}

/** Picks the status to explain: the first one, unless it is a success and a later one is an auth failure. */
function choose(statuses: PastedStatus[]): { status?: PastedStatus; others: PastedStatus[] } {
  if (statuses.length === 0) return { others: [] };
  let status = statuses[0]!;
  if (isSuccess(status)) status = statuses.find((s) => isAuthFamily(s) && s.code !== 10010) ?? status;
  const seen = new Set([status.code]);
  const others: PastedStatus[] = [];
  for (const s of statuses) {
    if (seen.has(s.code) || isSuccess(s) || !isAuthFamily(s)) continue;
    seen.add(s.code);
    others.push(s);
    if (others.length >= 4) break;
  }
  return { status, others };
}

/** The same text with one level of backslash-escaping removed (JSON logged inside a JSON string). */
function unescapeOnce(text: string): string {
  return text.replace(/\\(["'\\])/gu, '$1');
}

export function observe(input: string): Observation {
  const truncated = input.length > MAX_INPUT_CHARS;
  const text = (truncated ? input.slice(0, MAX_INPUT_CHARS) : input).replace(/^\uFEFF/u, '');

  let statuses: PastedStatus[] = [];
  let form: InputForm = 'none';
  // A body logged as an escaped string (`"{\"status\":{\"code\":11009…`) is read after removing the escaping.
  for (let variant = text, i = 0; i < 3 && statuses.length === 0; i++) {
    statuses = statusesFromFields(fieldHits(variant));
    if (statuses.length > 0) form = 'status-fields';
    else {
      statuses = statusesFromArrays(variant);
      if (statuses.length > 0) form = 'status-array';
    }
    if (!variant.includes('\\')) break;
    variant = unescapeOnce(variant);
  }
  if (statuses.length === 0) {
    const tokens = statusesFromTokens(text);
    statuses = tokens.statuses;
    form = tokens.form;
  }
  if (statuses.length === 0) {
    const phrase = statusFromPhrases(text);
    if (phrase) {
      statuses = [phrase];
      form = 'message';
    }
  }
  const { status, others } = choose(statuses);
  const secrets = new Set<string>();
  // Secrets are looked for in every unescaped layer too: `\"Key abc\"` hides `abc` behind a backslash.
  for (let variant = text, i = 0; i < 3; i++) {
    for (const s of secretsOf(variant)) secrets.add(s);
    if (!variant.includes('\\')) break;
    variant = unescapeOnce(variant);
  }
  for (const s of [...statuses.slice(0, 50)]) {
    const echoed = s.details === undefined ? undefined : /invalid key\(([\s\S]{0,300})\)/iu.exec(s.details)?.[1];
    if (echoed !== undefined && echoed.trim().length >= 8) secrets.add(echoed);
  }
  const httpStatus = httpStatusOf(text);
  const authorization = authorizationOf(text);
  if (authorization && authorization.token.length >= 8) secrets.add(authorization.token);
  if (!status && httpStatus !== undefined) form = 'http-status';
  return {
    form,
    ...(status ? { status } : {}),
    others,
    ...(httpStatus !== undefined ? { httpStatus } : {}),
    ...(authorization ? { authorization } : {}),
    secrets: [...secrets],
    text,
    truncated,
  };
}
