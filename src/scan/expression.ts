// Renders a JS or Python value expression as a template (`'Key ' + k` → `Key ${k}`), so checks can read what is sent.

export interface Rendered {
  /** Literal text kept, every non-literal part written `${expr}`. */
  template: string;
  /** The source text of each non-literal part (`k`, `process.env.CLARIFAI_PAT`). */
  operands: string[];
  /** Index just after the expression. */
  end: number;
}

type Lang = 'js' | 'python';

const MAX_EXPRESSION = 400;

function skipSpace(text: string, i: number, newlines: boolean): number {
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || (newlines && (c === '\n' || c === '\r'))) i++;
    else if (c === '\\' && newlines && text[i + 1] === '\n') i += 2;
    else break;
  }
  return i;
}

/** Index after the string literal starting at `i` (any quote kind), or -1; used to skip strings inside brackets. */
function skipString(text: string, i: number): number {
  const q = text[i]!;
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j]!;
    if (c === '\\') j++;
    else if (c === q) return j + 1;
    else if (c === '\n' && q !== '`') return -1;
  }
  return -1;
}

/** Index after the bracket group opening at `i` (`(`, `[` or `{`), or -1 when it does not close nearby. */
export function skipBalanced(text: string, i: number, limit = i + MAX_EXPRESSION): number {
  const stack: string[] = [];
  const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  for (let j = i; j < Math.min(text.length, limit); j++) {
    const c = text[j]!;
    if (c === '"' || c === "'" || c === '`') {
      const k = skipString(text, j);
      if (k === -1) return -1;
      j = k - 1;
    } else if (pairs[c]) stack.push(pairs[c]);
    else if (c === ')' || c === ']' || c === '}') {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return j + 1;
    }
  }
  return -1;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '`': '`', $: '$', '{': '{', '}': '}' };

interface StringPart {
  template: string;
  operands: string[];
  end: number;
  /** Python: the literal is a plain (non-f) string, so `%` and `.format` may fill it. */
  plain: boolean;
}

function readString(text: string, i: number, lang: Lang): StringPart | undefined {
  let prefix = '';
  if (lang === 'python') {
    const m = /^[rRbBuUfF]{1,2}(?=['"])/u.exec(text.slice(i, i + 3));
    if (m) prefix = m[0].toLowerCase();
  }
  let j = i + prefix.length;
  const q = text[j];
  if (q !== '"' && q !== "'" && !(q === '`' && lang === 'js')) return undefined;
  const triple = lang === 'python' && text.startsWith(q.repeat(3), j);
  const close = triple ? q.repeat(3) : q;
  const raw = prefix.includes('r');
  const fstring = prefix.includes('f');
  j += close.length;
  let template = '';
  const operands: string[] = [];
  while (j < text.length && j < i + MAX_EXPRESSION) {
    if (text.startsWith(close, j)) return { template, operands, end: j + close.length, plain: !fstring };
    const c = text[j]!;
    if (c === '\n' && !triple && q !== '`') return undefined;
    if (c === '\\' && !raw) {
      const next = text[j + 1] ?? '';
      template += SIMPLE_ESCAPES[next] ?? `\\${next}`;
      j += 2;
      continue;
    }
    if (q === '`' && c === '$' && text[j + 1] === '{') {
      const end = skipBalanced(text, j + 1);
      if (end === -1) return undefined;
      const expr = text.slice(j + 2, end - 1).trim();
      template += `\${${expr}}`;
      operands.push(expr);
      j = end;
      continue;
    }
    if (fstring && c === '{') {
      if (text[j + 1] === '{') {
        template += '{';
        j += 2;
        continue;
      }
      const end = skipBalanced(text, j);
      if (end === -1) return undefined;
      const expr = text.slice(j + 1, end - 1).replace(/(?:![rsa])?(?::[^\]\)'"]*)?$/u, '').replace(/=$/u, '').trim();
      template += `\${${expr}}`;
      operands.push(expr);
      j = end;
      continue;
    }
    if (fstring && c === '}' && text[j + 1] === '}') {
      template += '}';
      j += 2;
      continue;
    }
    template += c;
    j++;
  }
  return undefined;
}

/** An identifier chain with calls and indexing (`a.b?.c[0](x)`), a number, or a parenthesised expression. */
function readOperand(text: string, i: number): { text: string; end: number } | undefined {
  let j = i;
  const kw = /^(?:await|new|not|typeof)\s+/u.exec(text.slice(j, j + 10));
  if (kw) j += kw[0].length;
  if (text[j] === '(') {
    const end = skipBalanced(text, j);
    if (end === -1) return undefined;
    return { text: text.slice(i, end).replace(/^\((.*)\)$/su, '$1').trim(), end };
  }
  const id = /^(?:[A-Za-z_$][\w$]*|\d+(?:\.\d+)?)/u.exec(text.slice(j, j + 200));
  if (!id) return undefined;
  j += id[0].length;
  for (;;) {
    const member = /^\s*\??\.\s*[A-Za-z_$][\w$]*/u.exec(text.slice(j, j + 200));
    if (member) {
      j += member[0].length;
      continue;
    }
    if (text[j] === '?' && text[j + 1] === '.' && (text[j + 2] === '[' || text[j + 2] === '(')) j += 2;
    if (text[j] === '[' || text[j] === '(') {
      const end = skipBalanced(text, j);
      if (end === -1) break;
      j = end;
      continue;
    }
    break;
  }
  return { text: text.slice(i, j).trim(), end: j };
}

/** Splits call arguments at top-level commas. */
function splitArgs(inner: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let j = 0; j < inner.length; j++) {
    const c = inner[j]!;
    if (c === '"' || c === "'" || c === '`') {
      const k = skipString(inner, j);
      if (k === -1) break;
      j = k - 1;
    } else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      out.push(inner.slice(start, j).trim());
      start = j + 1;
    }
  }
  out.push(inner.slice(start).trim());
  return out.filter(Boolean);
}

/** Python `'Key %s' % k` and `'Key {}'.format(k)`: fills the placeholders with `${arg}`. */
function pythonFormatting(text: string, part: StringPart): StringPart {
  const j = skipSpace(text, part.end, false);
  if (text[j] === '%' && text[j + 1] !== '=') {
    const k = skipSpace(text, j + 1, false);
    let args: string[] = [];
    let end = k;
    if (text[k] === '(') {
      end = skipBalanced(text, k);
      if (end === -1) return part;
      args = splitArgs(text.slice(k + 1, end - 1));
    } else {
      const op = readOperand(text, k);
      if (!op) return part;
      args = [op.text];
      end = op.end;
    }
    let n = 0;
    const template = part.template.replace(/%[-#0 +]*\d*(?:\.\d+)?[sdirf]/gu, (m) => (n < args.length ? `\${${args[n++]}}` : m));
    return { template, operands: [...part.operands, ...args], end, plain: false };
  }
  const fmt = /^\s*\.\s*format\s*(?=\()/u.exec(text.slice(part.end, part.end + 20));
  if (fmt) {
    const open = part.end + fmt[0].length;
    const end = skipBalanced(text, open);
    if (end === -1) return part;
    const args = splitArgs(text.slice(open + 1, end - 1));
    const positional = args.filter((a) => !/^\w+\s*=(?!=)/u.test(a));
    const named = new Map(args.map((a) => /^(\w+)\s*=(?!=)\s*(.*)$/su.exec(a)).filter((m) => m !== null).map((m) => [m[1]!, m[2]!.trim()]));
    let n = 0;
    const template = part.template.replace(/\{(\w*)\}/gu, (m, name: string) => {
      const arg = name === '' ? positional[n++] : /^\d+$/u.test(name) ? positional[Number(name)] : named.get(name);
      return arg !== undefined ? `\${${arg}}` : m;
    });
    return { template, operands: [...part.operands, ...args], end, plain: false };
  }
  return part;
}

/** Renders the value expression that starts at `start` (after `:`, `=`, or a call's comma). */
export function renderExpression(text: string, start: number, lang: Lang): Rendered | undefined {
  let i = skipSpace(text, start, true);
  let template = '';
  const operands: string[] = [];
  const limit = Math.min(text.length, start + MAX_EXPRESSION);
  let parts = 0;
  while (i < limit) {
    let str = readString(text, i, lang);
    if (str) {
      if (lang === 'python' && str.plain) str = pythonFormatting(text, str);
      template += str.template;
      operands.push(...str.operands);
      i = str.end;
    } else {
      const op = readOperand(text, i);
      if (!op || op.text === '') break;
      template += `\${${op.text}}`;
      operands.push(op.text);
      i = op.end;
    }
    parts++;
    const j = skipSpace(text, i, true);
    if (text[j] === '+' && text[j + 1] !== '+' && text[j + 1] !== '=') {
      i = skipSpace(text, j + 1, true);
      continue;
    }
    break;
  }
  return parts === 0 ? undefined : { template, operands, end: i };
}

/** Env names read inside an expression: `process.env.X`, `os.getenv('X')`, `import.meta.env.X`, `$X` … */
export function envNamesIn(expr: string, shell = false): string[] {
  const names = new Set<string>();
  const patterns = [
    /\b(?:process\s*\.\s*env|import\.meta\.env)\s*(?:\?\.|\.)\s*([A-Za-z_$][\w$]*)/gu,
    /\b(?:process\s*\.\s*env|import\.meta\.env)\s*(?:\?\.)?\[\s*['"`]([^'"`]+)['"`]\s*\]/gu,
    /\b(?:os\.environ|environ)\s*(?:\.get\s*\(|\[)\s*['"]([^'"]+)['"]/gu,
    /\b(?:os\.getenv|getenv|Deno\.env\.get)\s*\(\s*['"`]([^'"`]+)['"`]/gu,
  ];
  if (shell) patterns.push(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/gu);
  for (const re of patterns) for (const m of expr.matchAll(re)) names.add(m[1]!);
  return [...names];
}
