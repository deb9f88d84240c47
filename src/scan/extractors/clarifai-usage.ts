// Clarifai-specific facts in JS, Python and shell: legacy client uses (constructors, model constants) and the user/app/model ids a request names.
//
// Runs only in files that mention Clarifai. Ids are recorded with what they are set to (a literal, an env variable,
// another name) and whether they sit where a request names the owner of a resource (`user_app_id`, `UserAppIDSet`,
// `authConfig`, `Model(…)`), so the checks can tell `USER_ID = 'clarifai'` from `user_id: process.env.MY_USER`.
import type { ClientSite, CodeEvidence, CodeSite, IdSite } from '../../types/code-evidence.js';
import type { Doc } from '../doc.js';
import { envNamesIn, renderExpression, skipBalanced } from '../expression.js';

/**
 * The end of an id name followed by `=` or `:` (not `==`, `=>`, `::`): `USER_ID =`, `"model_id":`, `userId:`. The rest of
 * the name (`CLARIFAI_`, `self.`) is read backwards from the match, so the pattern has no open-ended prefix to backtrack over.
 */
const ID_ASSIGNMENT = /((user|app|model)_?id)(?![\w$])(['"]?)[ \t]*(?::(?![:=])|=(?![=>~]))[ \t]*/giu;
/** JS gRPC setters: `userAppIdSet.setUserId(…)`, `request.setModelId(…)`. */
const ID_SETTER = /\.set(User|App|Model)Id\s*\(\s*/gu;
/** What names the owner of the resource a request reaches. */
const OWNER_MARK = /user_app_id|UserAppIDSet|userAppId(?:Set)?|authConfig|\b(?:Model|Workflow)\s*\(/gu;
const OWNER_WINDOW = 600;

const LITERAL_MAX = 200;
/** Code people write keeps ids and constructors on short lines; a site on a giant line (generated data) is not worth its snippet. */
const MAX_LINE = 4000;
/** A file with more sites than this is generated; the first ones are enough to judge it. */
const MAX_SITES = 500;

const TYPE_NAMES = new Set(['str', 'int', 'string', 'number', 'any', 'unknown', 'Optional', 'None', 'null', 'undefined', 'true', 'false', 'True', 'False']);

/** Line breaks of each text, found once: the length of the line around a match is then a binary search away. */
const breaksOf = new WeakMap<Doc, number[]>();

/**
 * Whether `index` sits in a comment (`//`, `#`, a `*` line of a block comment) or, with `strings`, inside a quoted
 * string on its line: code that *mentions* a legacy client (docs, messages) is not code that uses one.
 */
function inProse(text: string, index: number, strings: boolean): boolean {
  const prefix = text.slice(text.lastIndexOf('\n', index - 1) + 1, index);
  if (/^\s*(?:\/\/|\/\*|\*|#)/u.test(prefix) || /(?:^|[\s;,)])(?:\/\/|#)/u.test(prefix.replace(/(['"`])(?:\\.|(?!\1).)*\1/gu, ''))) return true;
  if (!strings) return false;
  return ['"', "'", '`'].some((q) => (prefix.split(q).length - 1) % 2 === 1);
}

/** Whether a fact at `index` is worth recording: not on a giant line, not in a comment, and the file's budget not spent. */
function worthIt(doc: Doc, index: number, count: number, strings = false): boolean {
  if (count >= MAX_SITES) return false;
  let breaks = breaksOf.get(doc);
  if (!breaks) {
    breaks = [-1];
    for (let i = doc.text.indexOf('\n'); i !== -1; i = doc.text.indexOf('\n', i + 1)) breaks.push(i);
    breaks.push(doc.text.length);
    breaksOf.set(doc, breaks);
  }
  let lo = 0;
  let hi = breaks.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid]! < index) lo = mid;
    else hi = mid;
  }
  // The line's length first: inProse reads the line up to `index`, which on a giant line costs its length per site.
  return breaks[hi]! - breaks[lo]! - 1 <= MAX_LINE && !inProse(doc.text, index, strings);
}

function role(word: string): IdSite['role'] {
  const w = word.toLowerCase();
  return w === 'user' ? 'user' : w === 'app' ? 'app' : 'model';
}

/** Whether `index` sits inside the brackets that follow an owner mark (`user_app_id: { … }`, `Model(user_id=…)`). */
function insideOwner(text: string, index: number): boolean {
  const from = Math.max(0, index - OWNER_WINDOW);
  const marks = [...text.slice(from, index).matchAll(OWNER_MARK)];
  // Innermost first: `new Model({ authConfig: { … }, modelId })` — authConfig is closed, Model( is still open.
  for (let k = marks.length - 1; k >= 0; k--) {
    let depth = 0;
    let opened = false;
    let closed = false;
    for (let i = from + marks[k]!.index! + marks[k]![0].length; i < index && !closed; i++) {
      const c = text[i]!;
      if (c === '(' || c === '{' || c === '[') {
        depth++;
        opened = true;
      } else if (c === ')' || c === '}' || c === ']') depth--;
      if (opened && depth <= 0) closed = true;
    }
    if (!closed && depth > 0) return true;
  }
  return false;
}

type Value = Pick<IdSite, 'literal' | 'expr' | 'env'>;

/** The language the text is written in (a notebook cell says `notebook` as its language; its kernel decides). */
export type UsageLanguage = 'js' | 'python' | 'shell';

/** The value written at `start`: a literal, an env read, or a plain name; undefined for anything else (a call, a sum). */
function valueAt(doc: Doc, lang: UsageLanguage, start: number): Value | undefined {
  const text = doc.text;
  if (lang === 'shell') {
    const m = /^(?:(['"])([^'"\n$`]{0,200})\1|\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::?-[^}]*)?\}?|"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?"|([^\s'"$;&|#`]{1,200}))/u.exec(text.slice(start, start + 260));
    if (!m) return undefined;
    if (m[2] !== undefined) return { literal: m[2] };
    if (m[3] ?? m[4]) return { env: (m[3] ?? m[4])! };
    return { literal: m[5]! };
  }
  const rendered = renderExpression(text, start, lang);
  if (!rendered) return undefined;
  const { template, operands } = rendered;
  if (operands.length === 0) return template.length <= LITERAL_MAX ? { literal: template } : undefined;
  if (operands.length > 1 && !/^\$\{[^}]*\}$/u.test(template)) {
    // `process.env.X || 'default'`: the env read decides.
    const env = envNamesIn(operands.join(' '));
    return env.length > 0 ? { env: env[0]! } : undefined;
  }
  const expr = operands[0]!;
  const env = envNamesIn(expr);
  if (env.length > 0) return { env: env[0]! };
  // A call is not a value we can follow; a type annotation (`user_id: str`, `userId: string`) is not a value at all.
  return /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/u.test(expr) && !TYPE_NAMES.has(expr) ? { expr } : undefined;
}

function idSites(doc: Doc, lang: UsageLanguage): void {
  const text = doc.text;
  const out: IdSite[] = (doc.facts.idSites ??= []);
  for (const m of text.matchAll(ID_ASSIGNMENT)) {
    if (!worthIt(doc, m.index, out.length)) continue;
    let start = m.index;
    while (start > 0 && /[\w$.]/u.test(text[start - 1]!)) start--;
    const name = text.slice(start, m.index + m[1]!.length);
    const quote = m[3]!;
    // A quoted key must be quoted on both sides; an unquoted name must not start mid-way through a member chain's dot.
    if ((quote && text[start - 1] !== quote) || name.startsWith('.') || /^\d/u.test(name)) continue;
    // `user_app_id = …` (the object itself), `model_version_id` never match; an owner object is not an id value.
    if (/user_?app_?id$/iu.test(name)) continue;
    const value = valueAt(doc, lang, m.index + m[0].length);
    if (!value || (value.literal !== undefined && /[\n{}]/u.test(value.literal))) continue;
    const at = quote ? start - 1 : start;
    out.push({ ...doc.site(at), role: role(m[2]!), name, ...value, owner: insideOwner(text, at) });
  }
  if (lang !== 'js') return;
  for (const m of text.matchAll(ID_SETTER)) {
    if (!worthIt(doc, m.index, out.length)) continue;
    const value = valueAt(doc, lang, m.index + m[0].length);
    if (!value) continue;
    // The receiver, read backwards (a few hundred characters at most): `userAppIdSet` in `userAppIdSet.setUserId(…)`.
    let start = m.index;
    while (start > 0 && m.index - start < 200 && /[\w$.]/u.test(text[start - 1]!)) start--;
    const receiver = text.slice(start, m.index);
    out.push({
      ...doc.site(m.index + 1),
      role: role(m[1]!),
      name: `set${m[1]}Id`,
      ...value,
      owner: /user_?app_?id/iu.test(receiver) || insideOwner(text, m.index),
    });
  }
}

/** `new Clarifai.App(…)`: an options object (or one argument) is the API-key form, two arguments the 2016 id/secret pair. */
const JS_APP = /\bnew\s+Clarifai\s*\.\s*App\s*\(/gu;
const JS_IMPORT = /\b(?:require\s*\(\s*|from\s+|import\s+)(['"])clarifai\1/gu;
const JS_CONSTANT = /\bClarifai\s*\.\s*([A-Z][A-Z0-9_]{2,})\b/gu;
const PY_REST_IMPORT = /^[ \t]*(?:from[ \t]+clarifai\.rest[ \t]+import\b|import[ \t]+clarifai\.rest\b)/gmu;
const PY_V1_IMPORT = /^[ \t]*from[ \t]+clarifai\.client[ \t]+import[^\n]*\bClarifaiApi\b/gmu;
const PY_APP = /\b(ClarifaiApp|ClarifaiApi)\s*\(/gu;
const PY_PUBLIC_MODEL = /\.public_models\s*\.\s*([a-z_]+)/gu;

/** Top-level arguments of the call whose `(` is at `open`; undefined when the call does not close nearby. */
function callArguments(text: string, open: number): string[] | undefined {
  const end = skipBalanced(text, open, open + 600);
  if (end === -1) return undefined;
  const inner = text.slice(open + 1, end - 1);
  const args: string[] = [];
  let depth = 0;
  let start = 0;
  let quote = '';
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      args.push(inner.slice(start, i).trim());
      start = i + 1;
    }
  }
  args.push(inner.slice(start).trim());
  return args.filter((a) => a !== '');
}

function clientSites(doc: Doc, lang: 'js' | 'python'): void {
  const text = doc.text;
  const list: ClientSite[] = (doc.facts.clientSites ??= []);
  const out = { push: (site: ClientSite) => void list.push(site) };
  const ok = (index: number) => worthIt(doc, index, list.length, true);
  if (lang === 'js') {
    for (const m of text.matchAll(JS_IMPORT)) if (ok(m.index)) out.push({ ...doc.site(m.index), client: 'js-clarifai-2', form: 'import' });
    for (const m of text.matchAll(JS_APP)) {
      if (!ok(m.index)) continue;
      const args = callArguments(text, m.index + m[0].length - 1);
      const pair = args !== undefined && args.length >= 2 && !args[0]!.startsWith('{');
      out.push({ ...doc.site(m.index), client: 'js-clarifai-2', form: pair ? 'app-secret' : 'constructor' });
    }
    for (const m of text.matchAll(JS_CONSTANT)) {
      if (!ok(m.index)) continue;
      if (/_MODEL$|^TEXTURES_AND_PATTERNS$|_QUALITY$|^BLUR$/u.test(m[1]!)) {
        out.push({ ...doc.site(m.index), client: 'js-clarifai-2', form: 'public-model', model: `Clarifai.${m[1]}` });
      }
    }
    return;
  }
  for (const m of text.matchAll(PY_REST_IMPORT)) if (ok(m.index)) out.push({ ...doc.site(m.index + m[0].length - m[0].trimStart().length), client: 'py-clarifai-2', form: 'import' });
  for (const m of text.matchAll(PY_V1_IMPORT)) if (ok(m.index)) out.push({ ...doc.site(m.index + m[0].length - m[0].trimStart().length), client: 'py-clarifai-1', form: 'import' });
  for (const m of text.matchAll(PY_APP)) {
    if (!ok(m.index)) continue;
    // A definition (`class ClarifaiApp(…)`, `def ClarifaiApp(`) is not a use.
    if (/\b(?:class|def)\s+$/u.test(text.slice(Math.max(0, m.index - 10), m.index))) continue;
    const args = callArguments(text, m.index + m[0].length - 1) ?? [];
    const positional = args.filter((a) => !/^\*{0,2}[A-Za-z_]\w*\s*=(?!=)/u.test(a) && !a.startsWith('*'));
    const pair = positional.length >= 2 || args.some((a) => /^(?:app_secret|client_secret)\s*=/u.test(a));
    out.push({ ...doc.site(m.index), client: m[1] === 'ClarifaiApi' ? 'py-clarifai-1' : 'py-clarifai-2', form: pair ? 'app-secret' : 'constructor' });
  }
  for (const m of text.matchAll(PY_PUBLIC_MODEL)) if (ok(m.index)) out.push({ ...doc.site(m.index + 1), client: 'py-clarifai-2', form: 'public-model', model: `public_models.${m[1]}` });
}

/** Docs describe old clients as history; only code (and notebooks, shell) is judged for which client it uses. */
const DOCS_FILE = /\.(?:md|markdown|mdx|rst|txt)$/iu;

/** Where a request body or gRPC message can name its owner: code-pat-without-app needs to know whether a file ever does. */
const NAMES_OWNER = /user_app_id|UserAppIDSet|userAppId/u;

/** The code sets the pre-2017 secret: the variable the 2.x clients read, or a constant named like the secret. */
const SECRET_ENV_SET = /(?:\bos\s*\.\s*environ\s*\[\s*['"]|\bprocess\s*\.\s*env\s*(?:\.\s*|\[\s*['"`]))(CLARIFAI_(?:APP|CLIENT)_SECRET)\b['"`]?\s*\]?\s*=(?!=)/gu;
/** `CLIENT_SECRET = '…'`, `const clientSecret = "…"`, `app_secret: '…'`: a 40-character literal, the length of those secrets. */
const SECRET_LITERAL = /(?<![\w$.])((?:CLARIFAI_)?(?:APP|CLIENT)_SECRET|(?:clarifai)?(?:[Aa]pp|[Cc]lient)Secret|(?:clarifai_)?(?:app|client)_secret)['"]?\s*(?::\s*[A-Za-z<>[\]|]+\s*)?[:=]\s*(['"`])([A-Za-z0-9_-]{40})\2/gu;

function legacySecrets(doc: Doc): void {
  const text = doc.text;
  if (!/secret/iu.test(text)) return;
  const list: ClientSite[] = (doc.facts.clientSites ??= []);
  const client = doc.language === 'js' ? 'js-clarifai-2' : 'py-clarifai-2';
  for (const m of text.matchAll(SECRET_ENV_SET)) {
    list.push({ ...doc.site(m.index), client, form: 'app-secret', secret: { how: 'env', name: m[1]! } });
  }
  for (const m of text.matchAll(SECRET_LITERAL)) {
    list.push({ ...doc.site(m.index, [m[3]!]), client, form: 'app-secret', secret: { how: 'literal', name: m[1]! } });
  }
}

export function extractClarifaiUsage(doc: Doc, lang: UsageLanguage): void {
  if (!doc.clarifai) return;
  if (lang !== 'shell' && !DOCS_FILE.test(doc.file)) legacySecrets(doc);
  if (NAMES_OWNER.test(doc.text) && !doc.facts.userAppIdFiles?.includes(doc.file)) (doc.facts.userAppIdFiles ??= []).push(doc.file);
  if (/user|app|model/iu.test(doc.text)) idSites(doc, lang);
  if (lang !== 'shell' && !DOCS_FILE.test(doc.file)) clientSites(doc, lang);
}

type ClarifaiLists = Pick<CodeEvidence, 'dependencies' | 'clientSites' | 'idSites' | 'userAppIdFiles'>;

/** Adds one file's Clarifai facts to the evidence (the main thread, as files come back from the workers). */
export function mergeClarifaiFacts(evidence: ClarifaiLists, facts: ClarifaiLists): void {
  if (facts.dependencies?.length) (evidence.dependencies ??= []).push(...facts.dependencies);
  if (facts.clientSites?.length) (evidence.clientSites ??= []).push(...facts.clientSites);
  if (facts.idSites?.length) (evidence.idSites ??= []).push(...facts.idSites);
  if (facts.userAppIdFiles?.length) (evidence.userAppIdFiles ??= []).push(...facts.userAppIdFiles);
}

/** Once the walk is over: sorted by place, and present (possibly empty) so checks know the scan looked. */
export function finishClarifaiFacts(evidence: ClarifaiLists): void {
  const byPlace = (a: CodeSite, b: CodeSite) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column;
  evidence.dependencies = (evidence.dependencies ?? []).sort(byPlace);
  evidence.clientSites = (evidence.clientSites ?? []).sort(byPlace);
  evidence.idSites = (evidence.idSites ?? []).sort(byPlace);
  evidence.userAppIdFiles = [...new Set(evidence.userAppIdFiles ?? [])].sort();
}
