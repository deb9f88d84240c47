// Finds the code that loads dotenv files (dotenv.config, dotenv/config, load_dotenv, %dotenv, `. ./.env`…) with the file it names.
import type { Doc } from '../doc.js';
import type { EnvLoaderSite } from '../../types/code-evidence.js';

type Site = Omit<EnvLoaderSite, keyof import('../../types/code-evidence.js').CodeSite>;

/** Arguments are read this far after the opening parenthesis: a call that spans more is not a plain loader call. */
const MAX_ARGS = 600;

/** The text between `(` at `open` and its matching `)` (strings skipped), or undefined when it is not closed in reach. */
export function callArgs(text: string, open: number): string | undefined {
  let depth = 0;
  let quote = '';
  const end = Math.min(text.length, open + MAX_ARGS);
  for (let i = open; i < end; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return text.slice(open + 1, i);
    }
  }
  return undefined;
}

/** Splits an argument list at top-level commas. */
export function splitArgs(args: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < args.length; i++) {
    const c = args[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(args.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = args.slice(start).trim();
  if (last) out.push(last);
  return out;
}

const STRING = /^(?:[rRuUbB]{0,2})?(['"])((?:\\.|(?!\1)[^\\\n])*)\1$/u;

function literal(expr: string): string | undefined {
  const m = STRING.exec(expr.trim());
  return m ? m[2] : undefined;
}

/** Joins path pieces as written (`'..', '.env'` → `../.env`). */
function joinPieces(pieces: string[]): string {
  return pieces.filter((p) => p !== '' && p !== '.').join('/').replace(/\/{2,}/gu, '/').replace(/^\.\//u, '');
}

/** A JS path expression: a literal (relative to the working folder), or one joined to `__dirname` / `import.meta.dirname` / `process.cwd()`. */
export function jsPath(expr: string): Pick<EnvLoaderSite, 'path' | 'pathBase' | 'pathExpr'> {
  const e = expr.trim();
  const lit = literal(e) ?? (/^`([^`$]*)`$/u.exec(e)?.[1]);
  if (lit !== undefined) return { path: lit, pathBase: 'cwd' };
  const tpl = /^`\$\{\s*(__dirname|import\.meta\.dirname|process\.cwd\(\))\s*\}\/?([^`$]*)`$/u.exec(e);
  if (tpl) return { path: tpl[2]! || '.', pathBase: tpl[1] === 'process.cwd()' ? 'cwd' : 'file' };
  const call = /^(?:path\s*\.\s*)?(?:resolve|join)\s*\(([\s\S]*)\)$/u.exec(e);
  if (call) {
    const [base, ...rest] = splitArgs(call[1]!);
    const pieces = rest.map(literal);
    if (base && pieces.every((p) => p !== undefined)) {
      if (/^(?:__dirname|import\.meta\.dirname)$/u.test(base)) return { path: joinPieces(pieces as string[]), pathBase: 'file' };
      if (/^process\s*\.\s*cwd\s*\(\s*\)$/u.test(base)) return { path: joinPieces(pieces as string[]), pathBase: 'cwd' };
      const first = literal(base);
      if (first !== undefined) return { path: joinPieces([first, ...(pieces as string[])]), pathBase: 'cwd' };
    }
  }
  const url = /^new\s+URL\s*\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)$/u.exec(e);
  if (url) return { path: url[2]!, pathBase: 'file' };
  return { pathExpr: e.slice(0, 120) };
}

/** A Python path expression: a literal, or one built from `__file__` (`Path(__file__).parent / '.env'`, `os.path.join(os.path.dirname(__file__), '.env')`). */
export function pyPath(expr: string): Pick<EnvLoaderSite, 'path' | 'pathBase' | 'pathExpr'> {
  const e = expr.trim();
  const lit = literal(e);
  if (lit !== undefined) return { path: lit, pathBase: 'cwd' };
  if (e.includes('__file__')) {
    const pieces = [...e.matchAll(/(['"])([^'"\n]*)\1/gu)].map((m) => m[2]!);
    const after = e.slice(e.lastIndexOf('__file__'));
    // Path(__file__).parent is the file's folder, each further .parent one up; so is each os.path.dirname beyond the first.
    const parents = (after.match(/\.parent\b/gu) ?? []).length + Math.max(0, (e.match(/\bdirname\s*\(/gu) ?? []).length);
    const parentsIndexed = /\.parents\s*\[\s*(\d+)\s*\]/u.exec(after);
    const ups = parentsIndexed ? Number(parentsIndexed[1]) : Math.max(0, parents - 1);
    if (parents > 0 || parentsIndexed) return { path: joinPieces([...Array<string>(ups).fill('..'), ...pieces]) || '.', pathBase: 'file' };
  }
  const cwd = /^(?:os\s*\.\s*path\s*\.\s*join\s*\(\s*os\s*\.\s*getcwd\s*\(\s*\)\s*,([\s\S]*)\)|Path\s*\.\s*cwd\s*\(\s*\)\s*\/([\s\S]*))$/u.exec(e);
  if (cwd) {
    const pieces = [...(cwd[1] ?? cwd[2]!).matchAll(/(['"])([^'"\n]*)\1/gu)].map((m) => m[2]!);
    if (pieces.length > 0) return { path: joinPieces(pieces), pathBase: 'cwd' };
  }
  return { pathExpr: e.slice(0, 120) };
}

function keyword(args: string[], name: string): string | undefined {
  const re = new RegExp(`^${name}\\s*=(?!=)\\s*([\\s\\S]*)$`, 'u');
  for (const a of args) {
    const m = re.exec(a);
    if (m) return m[1]!.trim();
  }
  return undefined;
}

function positional(args: string[], index: number): string | undefined {
  return args.filter((a) => !/^[A-Za-z_]\w*\s*=(?!=)/u.test(a) && !/^[A-Za-z_$][\w$]*\s*:/u.test(a))[index];
}

/** A line that is a comment in its language: a loader mentioned there does not run. */
function commented(doc: Doc, index: number, python: boolean): boolean {
  const line = doc.lineText(doc.position(index).line).trimStart();
  return python ? line.startsWith('#') : line.startsWith('//') || line.startsWith('*') || line.startsWith('/*');
}

function push(doc: Doc, index: number, site: Site): void {
  (doc.facts.envLoaders ??= []).push({ ...doc.site(index), ...site });
}

const JS_IMPORT = /(?:\brequire\s*\(\s*|\bimport\s*\(\s*|\bfrom\s*|\bimport\s+)(['"`])(dotenv|dotenv-flow|@dotenvx\/dotenvx)(\/config(?:\.[cm]?js)?)?\1/gu;
const JS_DEFAULT_BINDING =
  /\b(?:import|const|let|var)\s+(?:\*\s+as\s+)?([A-Za-z_$][\w$]*)\s*(?:from\s*|=\s*require\s*\(\s*)(['"])(dotenv|dotenv-flow|@dotenvx\/dotenvx)\2/gu;
const JS_NAMED_BINDING = /\b(?:import|const|let|var)\s*\{([^}]*)\}\s*(?:from\s*|=\s*require\s*\(\s*)(['"])(dotenv|dotenv-flow|@dotenvx\/dotenvx)\2/gu;

function jsLoader(module: string): EnvLoaderSite['loader'] {
  return module === 'dotenv-flow' ? 'dotenv-flow' : 'node-dotenv';
}

function jsConfigOptions(args: string | undefined): Pick<EnvLoaderSite, 'path' | 'pathBase' | 'pathExpr' | 'override'> {
  const out: Pick<EnvLoaderSite, 'path' | 'pathBase' | 'pathExpr' | 'override'> = {};
  const obj = args?.trim();
  if (!obj || !obj.startsWith('{')) return obj ? { pathExpr: obj.slice(0, 120) } : out;
  for (const part of splitArgs(obj.slice(1, obj.lastIndexOf('}')))) {
    const m = /^(['"]?)([A-Za-z_$][\w$]*)\1\s*:\s*([\s\S]*)$/u.exec(part);
    if (!m) {
      if (part === 'path') out.pathExpr = 'path';
      continue;
    }
    if (m[2] === 'path') {
      // dotenv 16 accepts an array of paths: the first is what it reads first.
      const value = m[3]!.trim();
      const first = value.startsWith('[') ? splitArgs(value.slice(1, value.lastIndexOf(']')))[0] ?? '' : value;
      Object.assign(out, jsPath(first));
    } else if (m[2] === 'override') out.override = /^true$/u.test(m[3]!.trim());
  }
  return out;
}

export function extractJsLoaders(doc: Doc): void {
  const text = doc.text;
  if (!text.includes('dotenv') && !text.includes('loadEnvFile')) return;
  const names = new Map<string, string>();
  for (const m of text.matchAll(JS_IMPORT)) {
    if (commented(doc, m.index, false)) continue;
    if (m[3]) push(doc, m.index, { loader: jsLoader(m[2]!), call: 'import' });
  }
  for (const m of text.matchAll(JS_DEFAULT_BINDING)) names.set(`${m[1]}.config`, m[3]!);
  for (const m of text.matchAll(JS_NAMED_BINDING)) {
    for (const part of m[1]!.split(',')) {
      const b = /^\s*config\s*(?:(?:as|:)\s*([A-Za-z_$][\w$]*))?\s*$/u.exec(part);
      if (b) names.set(b[1] ?? 'config', m[3]!);
    }
  }
  const direct = /\brequire\s*\(\s*(['"])(dotenv|dotenv-flow|@dotenvx\/dotenvx)\1\s*\)\s*\.\s*config\s*\(/gu;
  for (const m of text.matchAll(direct)) {
    if (commented(doc, m.index, false)) continue;
    push(doc, m.index, { loader: jsLoader(m[2]!), call: 'config', ...jsConfigOptions(callArgs(text, m.index + m[0].length - 1)) });
  }
  if (names.size > 0) {
    const call = /(?<![\w$.])([A-Za-z_$][\w$]*)(\s*\.\s*config)?\s*\(/gu;
    for (const m of text.matchAll(call)) {
      const key = m[2] ? `${m[1]}.config` : m[1]!;
      const module = names.get(key);
      if (!module || commented(doc, m.index, false)) continue;
      push(doc, m.index, { loader: jsLoader(module), call: 'config', ...jsConfigOptions(callArgs(text, m.index + m[0].length - 1)) });
    }
  }
  for (const m of text.matchAll(/\bprocess\s*\.\s*loadEnvFile\s*\(/gu)) {
    if (commented(doc, m.index, false)) continue;
    const arg = splitArgs(callArgs(text, m.index + m[0].length - 1) ?? '')[0];
    push(doc, m.index, { loader: 'node-env-file', call: 'loadEnvFile', ...(arg ? jsPath(arg) : { path: '.env', pathBase: 'cwd' as const }) });
  }
}

const PY_DOTENV_CALL = /(?<![\w.])(?:dotenv\s*\.\s*)?(load_dotenv|dotenv_values)\s*\(/gu;

function pyDotenvCall(doc: Doc, index: number, fn: string, args: string): void {
  const list = splitArgs(args);
  const override = /^True$/u.test(keyword(list, 'override') ?? '');
  const first = keyword(list, 'dotenv_path') ?? positional(list, 0);
  const site: Site = { loader: 'python-dotenv', call: fn, ...(override ? { override } : {}) };
  if (keyword(list, 'stream') !== undefined) Object.assign(site, { pathExpr: 'stream=…' });
  else if (first === undefined) site.search = 'file';
  else {
    const find = /^(?:dotenv\s*\.\s*)?find_dotenv\s*\(([\s\S]*)\)$/u.exec(first.trim());
    if (find) {
      const fa = splitArgs(find[1]!);
      const name = keyword(fa, 'filename') ?? positional(fa, 0);
      site.search = /^True$/u.test(keyword(fa, 'usecwd') ?? (positional(fa, 2) ?? '')) ? 'cwd' : 'file';
      if (name !== undefined) Object.assign(site, pyPath(name));
    } else Object.assign(site, pyPath(first));
  }
  push(doc, index, site);
}

export function extractPythonLoaders(doc: Doc): void {
  const text = doc.text;
  if (/\bdotenv\b/u.test(text)) {
    for (const m of text.matchAll(PY_DOTENV_CALL)) {
      if (commented(doc, m.index, true)) continue;
      const args = callArgs(text, m.index + m[0].length - 1);
      if (args !== undefined) pyDotenvCall(doc, m.index, m[1]!, args);
    }
  }
  if (text.includes('read_env')) {
    for (const m of text.matchAll(/(?<![\w])(?:environ\s*\.\s*)?(?:Env|[a-z_]\w*)\s*\.\s*read_env\s*\(/gu)) {
      if (commented(doc, m.index, true)) continue;
      const list = splitArgs(callArgs(text, m.index + m[0].length - 1) ?? '');
      const first = keyword(list, 'env_file') ?? positional(list, 0);
      const override = /^True$/u.test(keyword(list, 'overwrite') ?? keyword(list, 'override') ?? '');
      // django-environ reads `.env` next to the calling file when given no path.
      push(doc, m.index, { loader: 'django-environ', call: 'read_env', ...(first ? pyPath(first) : { path: '.env', pathBase: 'file' as const }), ...(override ? { override } : {}) });
    }
  }
  for (const m of text.matchAll(/^[ \t]*(?:from[ \t]+decouple[ \t]+import\b|import[ \t]+decouple\b)/gmu)) {
    push(doc, m.index + m[0].length - m[0].trimStart().length, { loader: 'python-decouple', call: 'decouple', search: 'file' });
  }
  if (text.includes('env_file') && /\bBaseSettings\b/u.test(text)) {
    for (const m of text.matchAll(/\benv_file\s*[=:]\s*/gu)) {
      if (commented(doc, m.index, true)) continue;
      const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 300);
      const value = rest.startsWith('(') || rest.startsWith('[') ? (callArgs(rest, 0) ?? '') : (/^[^\n,)]+/u.exec(rest)?.[0] ?? '');
      const items = rest.startsWith('(') || rest.startsWith('[') ? splitArgs(value) : [value];
      // pydantic-settings reads the files in order; a later file wins over an earlier one.
      for (const item of items) push(doc, m.index, { loader: 'pydantic-settings', call: 'env_file', ...pyPath(item) });
    }
  }
}

/** `%dotenv`, `%dotenv -o config/.env` in a notebook cell: python-dotenv's magic, which searches from the kernel's working folder. */
export function extractNotebookMagics(doc: Doc): void {
  for (const m of doc.text.matchAll(/^[ \t]*%dotenv\b([^\n]*)$/gmu)) {
    const words = m[1]!.trim().split(/\s+/u).filter(Boolean);
    const override = words.some((w) => w === '-o' || w === '--override');
    const path = words.find((w) => !w.startsWith('-'));
    push(doc, m.index + m[0].length - m[0].trimStart().length, {
      loader: 'python-dotenv',
      call: 'magic',
      search: 'cwd',
      path: path ? path.replace(/^(['"])(.*)\1$/u, '$2') : '.env',
      pathBase: 'cwd',
      ...(override ? { override } : {}),
    });
  }
}

function shellPath(word: string): Pick<EnvLoaderSite, 'path' | 'pathBase' | 'pathExpr'> {
  const w = word.replace(/^(['"])(.*)\1$/u, '$2').replace(/dirname\s+"([^"]*)"/u, 'dirname $1');
  if (!w.includes('$') && !w.includes('`')) return { path: w.replace(/^\.\//u, ''), pathBase: 'cwd' };
  const here = /^(?:\$\(\s*dirname\s+"?\$(?:0|\{?BASH_SOURCE(?:\[0\])?\}?)"?\s*\)|\$\{BASH_SOURCE(?:\[0\])?%\/\*\}|\$\{0%\/\*\})\/(.+)$/u.exec(w);
  if (here) return { path: here[1]!, pathBase: 'file' };
  return { pathExpr: w.slice(0, 120) };
}

/** `source .env`, `. ./.env`, `set -a`, `export $(cat .env | xargs)` in shell scripts (not in docs: a README's `source .env` runs nothing). */
export function extractShellLoaders(doc: Doc): void {
  if (/\.(?:md|mdx|markdown|rst|txt)$/iu.test(doc.file)) return;
  const text = doc.text;
  if (!text.includes('env')) return;
  let exportedFrom = Infinity;
  const allexport = /(?:^|[;&|]\s*|\s)set\s+(?:-[A-Za-z]*a[A-Za-z]*|-o\s+allexport)\b/mu.exec(text);
  if (allexport) exportedFrom = allexport.index;
  const SOURCE = /(?:^|[;&|(]|\bthen|\bdo)[ \t]*(?:source|\.)[ \t]+("\$\(\s*dirname\s+"[^"\n]*"\s*\)[^"\n]*"|"[^"\n]*"|'[^'\n]*'|[^\s;&|)]+)/gmu;
  for (const m of text.matchAll(SOURCE)) {
    const word = m[1]!;
    if (!/env/iu.test(word) || /\.(?:sh|bash|zsh)$|\/activate$/u.test(word.replace(/['"]/gu, ''))) continue;
    const at = m.index + m[0].length - word.length;
    if (commented(doc, at, true)) continue;
    push(doc, at, { loader: 'shell', call: 'source', ...shellPath(word), ...(m.index > exportedFrom ? { exported: true } : {}) });
  }
  const CAT = /\bexport[ \t]+["']?\$\((?:cat[ \t]+|grep[ \t]+(?:-\w+[ \t]+)*(?:'[^'\n]*'|"[^"\n]*"|\S+)[ \t]+)("[^"\n]*"|'[^'\n]*'|[^\s|)]+)/gu;
  for (const m of text.matchAll(CAT)) {
    if (commented(doc, m.index, true)) continue;
    push(doc, m.index, { loader: 'shell', call: 'export-cat', ...shellPath(m[1]!), exported: true });
  }
}
