// Just enough JS/Python syntax for the credential tracer: where a value ends, call arguments, member chains, object literals.
import { skipBalanced } from '../expression.js';

export type Lang = 'js' | 'python';

/** The longest value the tracer reads: a credential expression is short, a long one is something else. */
const MAX_VALUE = 600;

/** Index after the string literal that starts at `i`, or -1 (Python triple quotes and JS template literals too). */
export function skipString(text: string, i: number): number {
  const q = text[i]!;
  const triple = (q === '"' || q === "'") && text.startsWith(q.repeat(3), i);
  const close = triple ? q.repeat(3) : q;
  for (let j = i + close.length; j < text.length && j < i + 20_000; j++) {
    const c = text[j]!;
    if (c === '\\') j++;
    else if (text.startsWith(close, j)) return j + close.length;
    else if (c === '\n' && !triple && q !== '`') return -1;
  }
  return -1;
}

/** A line of JS that continues on the next one: it ends with an operator, or the next one starts with one. */
function continues(text: string, nl: number): boolean {
  const before = text.slice(Math.max(0, nl - 3), nl).trimEnd();
  const after = /^\s*(\S{1,2})/u.exec(text.slice(nl + 1, nl + 40))?.[1] ?? '';
  return /(?:\|\||\?\?|&&|[+?:=(,])$/u.test(before) || /^(?:\|\||\?\?|&&|\?\.|[.?:+])/u.test(after);
}

/**
 * The value expression starting at `start` (after `=`, `:`, or `(`), up to the end of the statement or argument:
 * a top-level `,` `;` `)` `]` `}`, or a line break that does not continue the expression.
 */
export function captureValue(text: string, start: number, lang: Lang): { expr: string; end: number } {
  let i = start;
  while (text[i] === ' ' || text[i] === '\t') i++;
  const from = i;
  const limit = Math.min(text.length, from + MAX_VALUE);
  while (i < limit) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === '`') {
      const end = skipString(text, i);
      if (end === -1) break;
      i = end;
    } else if (c === '(' || c === '[' || c === '{') {
      const end = skipBalanced(text, i, i + MAX_VALUE);
      if (end === -1) break;
      i = end;
    } else if (c === ',' || c === ';' || c === ')' || c === ']' || c === '}') break;
    else if (c === '#' && lang === 'python') break;
    else if (c === '/' && lang === 'js' && (text[i + 1] === '/' || text[i + 1] === '*')) break;
    else if (c === '\n') {
      if (lang === 'python' ? text[i - 1] !== '\\' : !continues(text, i)) break;
      i++;
    } else i++;
  }
  return { expr: text.slice(from, i).trim(), end: i };
}

/** Splits `a, b=(1, 2), c` at top-level commas. */
export function splitTopLevel(inner: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let start = 0;
  for (let j = 0; j < inner.length; j++) {
    const c = inner[j]!;
    if (c === '"' || c === "'" || c === '`') {
      const k = skipString(inner, j);
      if (k === -1) break;
      j = k - 1;
    } else if (c === '(' || c === '[' || c === '{') {
      const k = skipBalanced(inner, j, inner.length + 1);
      if (k === -1) break;
      j = k - 1;
    } else if (c === ',') {
      out.push({ text: inner.slice(start, j), offset: start });
      start = j + 1;
    }
  }
  out.push({ text: inner.slice(start), offset: start });
  return out.map((a) => ({ text: a.text.trim(), offset: a.offset + (a.text.length - a.text.trimStart().length) })).filter((a) => a.text !== '');
}

/**
 * The bracket that encloses `index` (scanning back at most 3,000 characters, strings ignored): its position,
 * kind, and for `(` the callee written before it (`Model`, `Clarifai.App`, `new OpenAI`).
 */
export function enclosingOpener(text: string, index: number): { at: number; bracket: string; callee?: string } | undefined {
  let depth = 0;
  for (let i = index - 1; i >= 0 && i > index - 3000; i--) {
    const c = text[i]!;
    if (c === ')' || c === ']' || c === '}') depth++;
    else if (c === '(' || c === '[' || c === '{') {
      if (depth > 0) {
        depth--;
        continue;
      }
      if (c !== '(') return { at: i, bracket: c };
      const callee = /((?:new\s+)?[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*$/u.exec(text.slice(Math.max(0, i - 120), i))?.[1];
      return { at: i, bracket: c, ...(callee ? { callee: callee.replace(/\s+/gu, ' ').replace(/ ?\. ?/gu, '.') } : {}) };
    }
  }
  return undefined;
}

/** The text of a call's arguments, given the index of its `(`. */
export function callArguments(text: string, open: number): string | undefined {
  const end = skipBalanced(text, open, open + 4000);
  return end === -1 ? undefined : text.slice(open + 1, end - 1);
}

/** A member chain: `config.clarifai.pat`, `self.pat`, `cfg['PAT']`, `settings.get('PAT')`, `env?.PAT`. */
export interface Chain {
  root: string;
  members: string[];
}

const CHAIN_STEP = /^\s*(?:(?:\?\.|\.)\s*([A-Za-z_$][\w$]*)|(?:\?\.)?\[\s*(['"])([^'"\n]+)\2\s*\]|\.\s*get\s*\(\s*(['"])([^'"\n]+)\4\s*(?:,[^()]*)?\))/u;

export function parseChain(expr: string): Chain | undefined {
  const root = /^[A-Za-z_$][\w$]*/u.exec(expr);
  if (!root) return undefined;
  const members: string[] = [];
  let rest = expr.slice(root[0].length);
  while (rest.trim() !== '') {
    const m = CHAIN_STEP.exec(rest);
    if (!m) return undefined;
    members.push(m[1] ?? m[3] ?? m[5]!);
    rest = rest.slice(m[0].length);
  }
  return { root: root[0], members };
}

/** Removes what does not change which value is sent: `await`, `.trim()`, `str(…)`, `as string`, `!`, parentheses. */
export function unwrap(expr: string): string {
  let e = expr.trim();
  for (let n = 0; n < 8; n++) {
    const before = e;
    e = e.replace(/^await\s+/u, '');
    e = e.replace(/\s+as\s+[\w$<>[\]|. ]+$/u, '').replace(/!$/u, '');
    e = e.replace(/(?:\?\.|\.)\s*(?:trim|strip|trimEnd|trimStart|rstrip|lstrip|toString)\s*\(\s*(?:['"][^'"]*['"])?\s*\)$/u, '');
    const call = /^(?:String|str|os\.fspath)\s*\(([\s\S]*)\)$/u.exec(e);
    if (call && skipBalanced(e, e.indexOf('(')) === e.length) e = call[1]!.trim();
    if (e.startsWith('(') && skipBalanced(e, 0) === e.length) e = e.slice(1, -1).trim();
    if (e === before) break;
  }
  return e;
}

/** `a || b`, `a ?? b`, `a or b`, `c ? a : b` (the two branches): each alternative that may be sent. */
export function alternatives(expr: string, lang: Lang): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let question = -1;
  for (let j = 0; j < expr.length; j++) {
    const c = expr[j]!;
    if (c === '"' || c === "'" || c === '`') {
      const k = skipString(expr, j);
      if (k === -1) break;
      j = k - 1;
    } else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth === 0) {
      const two = expr.slice(j, j + 2);
      if (lang === 'js' && (two === '||' || two === '??')) {
        parts.push(expr.slice(start, j));
        start = j + 2;
        j++;
      } else if (lang === 'python' && /^\sor\s/u.test(expr.slice(j, j + 4))) {
        parts.push(expr.slice(start, j));
        start = j + 3;
        j += 2;
      } else if (lang === 'js' && c === '?' && expr[j + 1] !== '.' && question === -1) question = j;
      else if (lang === 'js' && c === ':' && question !== -1) {
        // `cond ? a : b`: the condition is not sent; both branches may be.
        parts.push(expr.slice(question + 1, j));
        start = j + 1;
        question = -2;
      }
    }
  }
  parts.push(expr.slice(start));
  const out = parts.map((p) => p.trim()).filter(Boolean);
  // Python `a if cond else b`.
  if (lang === 'python' && out.length === 1) {
    const m = /^(.+?)\s+if\s+.+?\s+else\s+(.+)$/su.exec(out[0]!);
    if (m) return [m[1]!.trim(), m[2]!.trim()];
  }
  return out;
}

/** A quoted string with nothing interpolated: its value, or undefined. */
export function stringLiteral(expr: string, lang: Lang): string | undefined {
  const m = lang === 'python' ? /^[rRuUbB]?(['"])((?:\\.|(?!\1)[^\\\n])*)\1$/u.exec(expr) : /^(['"`])((?:\\.|(?!\1)[^\\])*)\1$/u.exec(expr);
  if (!m) return undefined;
  if (m[1] === '`' && m[2]!.includes('${')) return undefined;
  return m[2]!.replace(/\\(.)/gu, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c);
}

/** The value of `key` in an object / dict literal `{ key: v, 'key': v, key }` (shallow), or undefined. */
export function objectProperty(literal: string, key: string): { expr: string; offset: number } | undefined {
  const t = literal.trim();
  if (!t.startsWith('{') || !t.endsWith('}')) {
    // Python `dict(pat=…)`.
    const d = /^dict\s*\(([\s\S]*)\)$/u.exec(t);
    if (!d) return undefined;
    for (const arg of splitTopLevel(d[1]!)) {
      const kw = /^(\w+)\s*=(?!=)\s*([\s\S]+)$/u.exec(arg.text);
      if (kw && kw[1] === key) return { expr: kw[2]!.trim(), offset: 0 };
    }
    return undefined;
  }
  for (const entry of splitTopLevel(t.slice(1, -1))) {
    const m = /^(?:(['"])([^'"]+)\1|([A-Za-z_$][\w$]*))\s*:\s*([\s\S]+)$/u.exec(entry.text);
    if (m && (m[2] ?? m[3]) === key) return { expr: m[4]!.trim(), offset: entry.offset };
    if (entry.text === key) return { expr: key, offset: entry.offset };
  }
  return undefined;
}

/** An operand worth checking when printed: an identifier or member chain, or an env read; not a call or a slice. */
export function plainOperand(expr: string): boolean {
  return parseChain(expr) !== undefined || /^(?:process\s*\.\s*env|import\.meta\.env)\s*(?:\.\s*\w+|\[\s*['"][^'"]+['"]\s*\])$|^(?:os\.)?(?:getenv|environ\.get)\s*\(\s*['"][^'"]+['"]\s*\)$|^(?:os\.)?environ\s*\[\s*['"][^'"]+['"]\s*\]$/u.test(expr);
}
