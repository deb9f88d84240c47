// python-dotenv's own rules (parser.py, variables.py, main.py of 0.21–1.x): how it reads a file, which file it finds, what it sets.
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Python's `\s` on str patterns (what `str.isspace()` accepts). It differs from JavaScript's: U+FEFF (the BOM) is
 * not whitespace to Python, so a BOM at the start of a file becomes part of the first name; U+001C–U+001F and U+0085 are.
 */
const WS = '\\t\\n\\v\\f\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const isPySpace = new RegExp(`[${WS}]`, 'u');

const re = (source: string) => new RegExp(source, 'uy');
const MULTILINE_WHITESPACE = re(`[${WS}]*`);
const SINGLE_QUOTED_KEY = re(`'([^']+)'`);
const UNQUOTED_KEY = re(`([^=#${WS}]+)`);
const SINGLE_QUOTED_VALUE = re(`'((?:\\\\'|[^'])*)'`);
const DOUBLE_QUOTED_VALUE = re(`"((?:\\\\"|[^"])*)"`);
const UNQUOTED_VALUE = re(`([^\\r\\n]*)`);
const REST_OF_LINE = re(`[^\\r\\n]*(?:\\r|\\n|\\r\\n)?`);
const DOUBLE_QUOTE_ESCAPES = /\\[\\'"abfnrtv]/gu;
const SINGLE_QUOTE_ESCAPES = /\\[\\']/gu;
const INLINE_COMMENT = new RegExp(`[${WS}]+#[^\\n]*`, 'u');

/** `[^\S\r\n]`: whitespace other than line breaks, in Python's sense. */
const H = `[${WS.replace('\\n', '').replace('\\r', '')}]`;
const H_WHITESPACE = re(`${H}*`);
const H_EXPORT = re(`(?:export${H}+)?`);
const EQUAL_SIGN = re(`(=${H}*)`);
const COMMENT = re(`(?:${H}*#[^\\r\\n]*)?`);
const END_OF_LINE = re(`${H}*(?:\\r\\n|\\n|\\r|$)`);

const ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** One statement as python-dotenv reads it: a name with a value, a name alone (`value` null), or a line it could not parse. */
export interface PythonBinding {
  key: string | null;
  value: string | null;
  /** 1-based line where the name starts (python-dotenv itself counts from the blank lines before it). */
  line: number;
  error: boolean;
}

class ParseError extends Error {}

/** python-dotenv's `parse_stream`, statement by statement. `text` is what Python reads (see `pythonText`). */
export function parsePythonDotenv(text: string): PythonBinding[] {
  let pos = 0;
  const out: PythonBinding[] = [];
  const lineAt = lineCounter(text);
  const read = (regex: RegExp): string[] => {
    regex.lastIndex = pos;
    const m = regex.exec(text);
    if (!m) throw new ParseError();
    pos = regex.lastIndex;
    return m.slice(1) as string[];
  };
  const peek = () => text.slice(pos, pos + 1);
  while (pos < text.length) {
    try {
      read(MULTILINE_WHITESPACE);
      if (pos >= text.length) {
        // Trailing blank space is a statement of its own (key None), as in parse_binding.
        out.push({ key: null, value: null, line: lineAt(pos), error: false });
        break;
      }
      read(H_EXPORT);
      const line = lineAt(pos);
      let key: string | null;
      if (peek() === '#') key = null;
      else if (peek() === "'") [key] = read(SINGLE_QUOTED_KEY) as [string];
      else [key] = read(UNQUOTED_KEY) as [string];
      read(H_WHITESPACE);
      let value: string | null = null;
      if (peek() === '=') {
        read(EQUAL_SIGN);
        const c = peek();
        if (c === "'") value = read(SINGLE_QUOTED_VALUE)[0]!.replace(SINGLE_QUOTE_ESCAPES, (e) => e[1]!);
        else if (c === '"') value = read(DOUBLE_QUOTED_VALUE)[0]!.replace(DOUBLE_QUOTE_ESCAPES, (e) => ESCAPES[e[1]!]!);
        else if (c === '' || c === '\n' || c === '\r') value = '';
        else value = pyRstrip(read(UNQUOTED_VALUE)[0]!.replace(INLINE_COMMENT, ''));
      }
      read(COMMENT);
      read(END_OF_LINE);
      out.push({ key, value, line, error: false });
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      const line = lineAt(pos);
      read(REST_OF_LINE);
      out.push({ key: null, value: null, line, error: true });
    }
  }
  return out;
}

function pyRstrip(s: string): string {
  let end = s.length;
  while (end > 0 && isPySpace.test(s[end - 1]!)) end--;
  return s.slice(0, end);
}

function lineCounter(text: string): (index: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (index) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** `${NAME}` and `${NAME:-default}` (variables.py): nothing else is expanded. */
const POSIX_VARIABLE = /\$\{([^}:]*)(?::-([^}]*))?\}/gu;

/**
 * `dotenv_values` / what `load_dotenv` sets: values with `${VAR}` expanded against the earlier names of the file
 * and the environment. `override` decides which of the two wins inside the expansion (load_dotenv: false by default;
 * dotenv_values: true). A name without `=` is `null` (set by neither).
 */
export function pythonDotenvValues(
  text: string,
  options: { interpolate?: boolean; override?: boolean; environ?: Record<string, string> } = {},
): Map<string, string | null> {
  const environ = options.environ ?? {};
  const out = new Map<string, string | null>();
  for (const b of parsePythonDotenv(text)) {
    if (b.key === null) continue;
    if (b.value === null || options.interpolate === false) {
      // Python dicts keep a re-assigned key in its first position, like a Map.
      out.set(b.key, b.value);
      continue;
    }
    const lookup = (name: string): string | null | undefined => {
      const fromFile = out.has(name) ? out.get(name) : undefined;
      const fromEnv = Object.hasOwn(environ, name) ? environ[name] : undefined;
      return options.override ? (out.has(name) ? fromFile : fromEnv) : fromEnv !== undefined ? fromEnv : fromFile;
    };
    out.set(
      b.key,
      b.value.replace(POSIX_VARIABLE, (_m, name: string, def: string | undefined) => {
        const has = out.has(name) || Object.hasOwn(environ, name);
        const v = has ? lookup(name) : (def ?? '');
        return v ?? '';
      }),
    );
  }
  return out;
}

export type PythonRead = { ok: true; text: string } | { ok: false; reason: string };

/**
 * What Python reads from the file: `open(path, encoding="utf-8")` decodes strictly (invalid UTF-8 raises) and, in
 * text mode, turns CRLF and lone CR into LF. The BOM is kept: "utf-8" is not "utf-8-sig".
 */
export function pythonText(bytes: Buffer): PythonRead {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text: text.replace(/\r\n?/gu, '\n') };
  } catch {
    return { ok: false, reason: 'it is not valid UTF-8: python-dotenv raises UnicodeDecodeError and loads nothing' };
  }
}

/**
 * `find_dotenv(filename)`: the first folder, from `start` up, that holds `filename` as a file. The walk stops
 * after `maxUp` parents (keydoctor looks no further than a few folders above the project).
 */
export function findDotenv(start: string, filename: string, maxUp: number): { found?: string; searched: string[] } {
  const searched: string[] = [];
  let dir = start;
  for (let i = 0; i <= maxUp; i++) {
    const candidate = join(dir, filename);
    searched.push(candidate);
    if (isFile(candidate)) return { found: candidate, searched };
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return { searched };
}

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}
