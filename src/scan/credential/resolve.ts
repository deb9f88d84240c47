// Links the per-file facts: follows each credential the code sends back through assignments, imports and exports to where its value comes from.
import { posix } from 'node:path';
import { Secret } from '../../core/secret.js';
import { CLARIFAI_CREDENTIAL_NAMES } from '../../providers/clarifai/variables.js';
import type {
  CodeSite,
  CredentialLog,
  CredentialOrigin,
  CredentialUse,
  DocumentedName,
  FileRuntime,
} from '../../types/code-evidence.js';
import { envNamesIn, renderExpression } from '../expression.js';
import { keyLikeName, maskKeys } from '../text.js';
import { alternatives, objectProperty, parseChain, stringLiteral, unwrap, type Lang } from './syntax.js';
import { clientAppOf, frontendApps } from './frameworks.js';
import type { FileCredentialFacts, RawBinding, RawCall, RawFunction, RawImport } from './types.js';

export interface CredentialFlow {
  credentials: CredentialUse[];
  credentialLogs: CredentialLog[];
  documentedNames: DocumentedName[];
  runtimes: FileRuntime[];
}

/** Origins while resolving: literal values stay plain strings until they are wrapped in a Secret for the evidence. */
type Found =
  | { kind: 'env'; names: string[]; trace: CodeSite[] }
  | { kind: 'literal'; value: string; trace: CodeSite[] }
  | { kind: 'store'; store: string; trace: CodeSite[] }
  | { kind: 'unknown'; expression: string; trace: CodeSite[] };

/** How far a value is followed (assignments + imports); real code needs three or four steps. */
const MAX_DEPTH = 12;

/** Env reads written other ways than the scan's env extractor knows: python-decouple, environs, django-environ. */
const OTHER_ENV_READS = /(?<![\w.])(?:config|env(?:\.(?:str|get))?|environ\.Env\(\)|os\.environ\.pop)\s*\(\s*['"]([A-Za-z_]\w*)['"]/gu;

function envNames(expr: string): string[] {
  const names = new Set(envNamesIn(expr));
  for (const m of expr.matchAll(OTHER_ENV_READS)) names.add(m[1]!);
  return [...names];
}

const ENV_OBJECT = /^(?:process\s*\.\s*env|import\s*\.\s*meta\s*\.\s*env|os\s*\.\s*environ|environ)$/u;

const STORES: readonly [RegExp, string][] = [
  [/\bst\s*\.\s*secrets\b/u, 'Streamlit secrets (st.secrets, from .streamlit/secrets.toml)'],
  [/\buserdata\s*\.\s*get\s*\(/u, 'Colab secrets (google.colab userdata)'],
];

function site(file: string, b: { line: number; column: number; snippet: string }): CodeSite {
  return { file, line: b.line, column: b.column, snippet: b.snippet };
}

/** A file's bindings by name and by last name segment, and its imports by local name: lookups stay linear in big files. */
interface FileIndex {
  byName: Map<string, RawBinding[]>;
  byLast: Map<string, RawBinding[]>;
  imports: Map<string, RawImport>;
}

class Resolver {
  readonly #byFile = new Map<string, FileCredentialFacts>();
  readonly #pyModules = new Map<string, FileCredentialFacts[]>();
  readonly #index = new WeakMap<FileCredentialFacts, FileIndex>();

  constructor(files: readonly FileCredentialFacts[]) {
    for (const f of files) {
      this.#byFile.set(f.file, f);
      if (f.language === 'python' && /\.py$/u.test(f.file)) {
        // Index every dotted suffix: `app/core/config.py` answers `config`, `core.config` and `app.core.config`.
        const parts = f.file.replace(/\.py$/u, '').replace(/\/__init__$/u, '').split('/');
        for (let i = 0; i < parts.length; i++) {
          const key = parts.slice(i).join('.');
          const list = this.#pyModules.get(key);
          if (list) list.push(f);
          else this.#pyModules.set(key, [f]);
        }
      }
    }
  }

  files(): IterableIterator<FileCredentialFacts> {
    return this.#byFile.values();
  }

  /** The module a JS import names, when it is a file of this project. */
  jsModule(from: string, spec: string): FileCredentialFacts | undefined {
    let bases: string[];
    if (spec.startsWith('.')) bases = [posix.join(posix.dirname(from), spec)];
    else if (/^[@~#]\//u.test(spec)) {
      // `@/config`, `~/config`: the usual aliases for the source root.
      const rest = spec.slice(2);
      const top = from.split('/')[0]!;
      bases = [`src/${rest}`, rest, `${top}/src/${rest}`, `${top}/${rest}`];
    } else return undefined;
    const exts = ['', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '.vue', '.svelte'];
    for (const base of bases) {
      const stem = base.replace(/\.(?:[cm]?js|jsx)$/u, '');
      for (const b of [base, stem]) {
        for (const ext of exts) {
          const hit = this.#byFile.get(`${b}${ext}`) ?? this.#byFile.get(`${b}/index${ext || '.js'}`);
          if (hit) return hit;
        }
      }
    }
    return undefined;
  }

  /** The modules a Python import names: relative ones exactly, absolute ones by dotted suffix (nearest first). */
  pyModules(from: string, module: string): FileCredentialFacts[] {
    const level = /^\.*/u.exec(module)![0].length;
    const name = module.slice(level);
    if (level > 0) {
      let dir = posix.dirname(from);
      for (let i = 1; i < level; i++) dir = posix.dirname(dir);
      const base = posix.join(dir, name.replace(/\./gu, '/'));
      return [this.#byFile.get(`${base}.py`), this.#byFile.get(`${base}/__init__.py`)].filter((f): f is FileCredentialFacts => f !== undefined);
    }
    const found = this.#pyModules.get(name) ?? [];
    const dir = posix.dirname(from);
    return [...found].sort((a, b) => Number(posix.dirname(b.file) === dir) - Number(posix.dirname(a.file) === dir) || a.file.length - b.file.length);
  }

  #indexOf(f: FileCredentialFacts): FileIndex {
    let index = this.#index.get(f);
    if (!index) {
      index = { byName: new Map(), byLast: new Map(), imports: new Map() };
      const add = (map: Map<string, RawBinding[]>, key: string, b: RawBinding) => {
        const list = map.get(key);
        if (list) list.push(b);
        else map.set(key, [b]);
      };
      for (const b of f.bindings) {
        const last = b.name.slice(b.name.lastIndexOf('.') + 1);
        add(index.byName, b.name, b);
        if (last !== b.name) add(index.byLast, last, b);
      }
      for (const b of index.byName.values()) b.sort((x, y) => x.line - y.line);
      for (const i of f.imports) if (!index.imports.has(i.local)) index.imports.set(i.local, i);
      this.#index.set(f, index);
    }
    return index;
  }

  /** The binding of `name` that a use at `line` sees: the last one before it, else the last one in the file. */
  binding(f: FileCredentialFacts, name: string, line?: number, exportedOnly = false): RawBinding | undefined {
    const all = this.#indexOf(f).byName.get(name);
    if (!all) return undefined;
    const list = exportedOnly ? all.filter((b) => b.exported) : all;
    if (list.length === 0) return undefined;
    if (line === undefined) return list.at(-1);
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.line <= line) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return list[found === -1 ? list.length - 1 : found];
  }

  /** Bindings whose last name segment is `last` (`Settings.pat`, `self.pat` for `pat`). */
  bindingsEndingWith(f: FileCredentialFacts, last: string): RawBinding[] {
    return this.#indexOf(f).byLast.get(last) ?? [];
  }

  importOf(f: FileCredentialFacts, local: string): RawImport | undefined {
    return this.#indexOf(f).imports.get(local);
  }

  evaluate(f: FileCredentialFacts, expr: string, line: number | undefined, members: readonly string[], depth: number): Found {
    const lang: Lang = f.language === 'python' ? 'python' : 'js';
    const e = unwrap(expr);
    const unknown: Found = { kind: 'unknown', expression: maskKeys([e, ...members].join('.')), trace: [] };
    if (depth > MAX_DEPTH || e === '') return unknown;

    // A shell header's `$NAME` (see headerSinks) is the environment variable itself.
    const shellVar = /^\$([A-Za-z_]\w*)$/u.exec(e);
    if (shellVar && members.length === 0) return { kind: 'env', names: [shellVar[1]!], trace: [] };
    if (members.length === 0) {
      const alts = alternatives(e, lang);
      if (alts.length > 1) return merge(alts.map((a) => this.evaluate(f, a, line, [], depth + 1)));
      for (const [re, store] of STORES) if (re.test(e)) return { kind: 'store', store, trace: [] };
      const names = envNames(e);
      if (names.length > 0) return { kind: 'env', names, trace: [] };
      const literal = stringLiteral(e, lang);
      if (literal !== undefined) return { kind: 'literal', value: literal, trace: [] };
      // `'Key ' + pat`, `` `Key ${pat}` ``, f"Key {pat}": the one operand after a scheme word is the credential.
      const rendered = /^[`'"fF]|\+/u.test(e) ? renderExpression(e, 0, lang) : undefined;
      if (rendered && rendered.end >= e.length && rendered.operands.length === 1) {
        const literalText = rendered.template.replace(/\$\{[^{}]*\}/gu, '');
        if (/^\s*(?:key|bearer|token)?\s*$/iu.test(literalText) && rendered.operands[0] !== e) {
          return this.evaluate(f, rendered.operands[0]!, line, [], depth + 1);
        }
      }
    }
    // `{ pat: … }[pat]`, `dict(pat=…)["pat"]`: a property of an object literal.
    if (members.length > 0 && (e.startsWith('{') || e.startsWith('dict('))) {
      const prop = objectProperty(e, members[0]!);
      return prop ? this.evaluate(f, prop.expr, line, members.slice(1), depth + 1) : unknown;
    }
    // `require('./config').PAT`, `(await import('./config')).PAT`: a module, inline.
    const required = /^(?:require|import)\s*\(\s*(['"`])([^'"`]+)\1\s*\)((?:\s*\.\s*[A-Za-z_$][\w$]*)*)$/u.exec(e);
    if (required && f.language !== 'python') {
      const path = [...required[3]!.split('.').map((p) => p.trim()).filter(Boolean), ...members];
      return this.viaImport(f, { local: '', module: required[2]!, imported: '*' }, path, depth + 1) ?? unknown;
    }
    // `Settings().pat`, `get_settings().pat`: an attribute of a class this project defines.
    const call = /^([A-Za-z_$][\w$.]*)\s*\([\s\S]*\)$/u.exec(e);
    if (call && members.length > 0) return this.classAttribute(f, call[1]!, members, line, depth) ?? unknown;

    const chain = parseChain(e);
    if (!chain) return unknown;
    const all = [...chain.members, ...members];
    if (ENV_OBJECT.test([chain.root, ...chain.members].join('.').replace(/\s+/gu, '')) && members.length > 0) {
      return { kind: 'env', names: [members[0]!], trace: [] };
    }

    // `this.pat` / `self.pat`: the attribute assigned in this file (a class field, `self.pat = …` in __init__).
    if ((chain.root === 'this' || chain.root === 'self') && all.length > 0) {
      const b = this.binding(f, `${chain.root}.${all[0]}`, line) ?? this.bindingsEndingWith(f, all[0]!).find((x) => !x.name.startsWith('env:'));
      return b ? this.follow(f, b, all.slice(1), depth) : unknown;
    }
    // A parameter of the function the use is in, not re-assigned in it before the use: its callers' arguments, or its default.
    const param = line !== undefined ? this.parameterOf(f, chain.root, line) : undefined;
    if (param) {
      const b = this.binding(f, chain.root, line);
      if (!b || b.line < param.fn.start || b.line > line!) return this.viaParameter(f, param.fn, param.index, all, depth) ?? unknown;
    }
    // The longest name bound in this file: `config.clarifai.pat`, then `config.clarifai`, then `config`.
    for (let k = all.length; k >= 0; k--) {
      const name = [chain.root, ...all.slice(0, k)].join('.');
      const b = this.binding(f, name, line);
      if (b) return this.follow(f, b, all.slice(k), depth);
      const imp = this.importOf(f, name);
      if (imp) return this.viaImport(f, imp, all.slice(k), depth) ?? unknown;
    }
    return unknown;
  }

  readonly #calls = new WeakMap<FileCredentialFacts, Map<string, RawCall[]>>();
  /** The calls to `name` in a file, indexed once: a file with thousands of sinks and calls stays linear. */
  #callsTo(f: FileCredentialFacts, name: string): RawCall[] {
    let byCallee = this.#calls.get(f);
    if (!byCallee) {
      byCallee = new Map();
      for (const c of f.calls ?? []) {
        const list = byCallee.get(c.callee);
        if (list) list.push(c);
        else byCallee.set(c.callee, [c]);
      }
      this.#calls.set(f, byCallee);
    }
    return byCallee.get(name) ?? [];
  }

  /** The innermost function around `line` with a parameter `name`. */
  readonly #byParam = new WeakMap<FileCredentialFacts, Map<string, RawFunction[]>>();
  parameterOf(f: FileCredentialFacts, name: string, line: number): { fn: RawFunction; index: number } | undefined {
    let byParam = this.#byParam.get(f);
    if (!byParam) {
      byParam = new Map();
      for (const fn of f.functions ?? []) {
        for (const p of new Set(fn.params.map((x) => x.name))) {
          if (!p) continue;
          const list = byParam.get(p);
          if (list) list.push(fn);
          else byParam.set(p, [fn]);
        }
      }
      this.#byParam.set(f, byParam);
    }
    let best: { fn: RawFunction; index: number } | undefined;
    for (const fn of byParam.get(name) ?? []) {
      if (line < fn.start || line > fn.end) continue;
      const index = fn.params.findIndex((p) => p.name === name);
      if (index !== -1 && (!best || fn.start >= best.fn.start)) best = { fn, index };
    }
    return best;
  }

  /**
   * One call up: what the calls to `fn` in this file pass for the parameter (a literal any caller passes wins: that is
   * the key written into the code), else the parameter's default.
   */
  viaParameter(f: FileCredentialFacts, fn: RawFunction, index: number, members: readonly string[], depth: number): Found | undefined {
    const param = fn.params[index]!;
    const results: Found[] = [];
    for (const c of this.#callsTo(f, fn.name)) {
      if (c.line >= fn.start && c.line <= fn.end) continue;
      const arg = c.keywords[param.name] ?? c.args[index];
      if (arg === undefined || /^\*/u.test(arg)) continue;
      const found = this.evaluate(f, arg, c.line, members, depth + 1);
      results.push({ ...found, trace: [site(f.file, c), ...found.trace] });
    }
    if (results.length === 0 && param.default !== undefined) {
      const found = this.evaluate(f, param.default, fn.start, members, depth + 1);
      return { ...found, trace: [{ file: f.file, line: fn.start, column: 1, snippet: `${fn.name}(${param.name}=${maskKeys(param.default)})` }, ...found.trace] };
    }
    if (results.length === 0) return undefined;
    return results.find((r) => r.kind === 'literal' && r.value !== '') ?? merge(results);
  }

  follow(f: FileCredentialFacts, b: RawBinding, members: readonly string[], depth: number): Found {
    let found = this.evaluate(f, b.expr, b.line, members, depth + 1);
    // `PAT = ''` then `PAT = sys.argv[1]` under a condition: an empty default that something else may fill, not a sure empty key.
    if (found.kind === 'literal' && found.value.trim() === '' && (this.#indexOf(f).byName.get(b.name)?.length ?? 0) > 1) {
      found = { kind: 'unknown', expression: b.name, trace: found.trace };
    }
    return { ...found, trace: [site(f.file, b), ...found.trace] };
  }

  classAttribute(f: FileCredentialFacts, callee: string, members: readonly string[], line: number | undefined, depth: number): Found | undefined {
    const b = this.binding(f, `${callee}.${members[0]}`, line);
    if (b) return this.follow(f, b, members.slice(1), depth);
    const imp = this.importOf(f, callee);
    const modules = imp ? this.modulesOf(f, imp) : [f];
    for (const mod of modules) {
      const attr = imp ? this.binding(mod, `${imp.imported}.${members[0]}`) : undefined;
      if (attr) return this.follow(mod, attr, members.slice(1), depth);
      // `get_settings()` returning `Settings()` (FastAPI's lru_cache idiom): the one class that has the attribute.
      const classes = this.bindingsEndingWith(mod, members[0]!).filter((x) => /^[A-Z]\w*\.[^.]+$/u.test(x.name));
      if (new Set(classes.map((x) => x.name)).size === 1) return this.follow(mod, classes.at(-1)!, members.slice(1), depth);
    }
    return undefined;
  }

  modulesOf(f: FileCredentialFacts, imp: RawImport): FileCredentialFacts[] {
    if (f.language === 'python') return this.pyModules(f.file, imp.module);
    const mod = this.jsModule(f.file, imp.module);
    return mod ? [mod] : [];
  }

  viaImport(f: FileCredentialFacts, imp: RawImport, members: readonly string[], depth: number): Found | undefined {
    // Django's settings object reads the project's settings module.
    if (f.language === 'python' && imp.module === 'django.conf' && imp.imported === 'settings' && members.length > 0) {
      for (const mod of [...this.#byFile.values()].filter((m) => /(?:^|\/)settings(?:\/\w+)?\.py$/u.test(m.file))) {
        const found = this.exported(mod, members[0]!, members.slice(1), depth);
        if (found) return found;
      }
      return undefined;
    }
    if (f.language === 'python') {
      if (imp.imported === '*') {
        for (const mod of this.pyModules(f.file, imp.module)) {
          if (members.length === 0) continue;
          const found = this.exported(mod, members[0]!, members.slice(1), depth);
          if (found) return found;
        }
        return undefined;
      }
      for (const mod of this.pyModules(f.file, imp.module)) {
        const found = this.exported(mod, imp.imported, members, depth);
        if (found) return found;
      }
      // `from app import config` then `config.PAT`: the imported name is itself a module.
      const sub = imp.module.endsWith('.') ? `${imp.module}${imp.imported}` : `${imp.module}.${imp.imported}`;
      for (const mod of this.pyModules(f.file, sub)) {
        if (members.length === 0) continue;
        const found = this.exported(mod, members[0]!, members.slice(1), depth);
        if (found) return found;
      }
      return undefined;
    }
    const mod = this.jsModule(f.file, imp.module);
    if (!mod) return undefined;
    if (imp.imported === '*') {
      if (members.length === 0) return undefined;
      return this.exported(mod, members[0]!, members.slice(1), depth) ?? this.exported(mod, 'default', members, depth);
    }
    const [first, ...rest] = imp.imported.split('.');
    return this.exported(mod, first!, [...rest, ...members], depth);
  }

  /** What module `mod` exports as `name` (JS) or binds at module level (Python), evaluated with `members`. */
  exported(mod: FileCredentialFacts, name: string, members: readonly string[], depth: number): Found | undefined {
    if (depth > MAX_DEPTH) return undefined;
    if (mod.language === 'python') {
      const b = this.binding(mod, name, undefined, true);
      if (b) return this.follow(mod, b, members, depth);
      const imp = this.importOf(mod, name);
      return imp ? this.viaImport(mod, imp, members, depth + 1) : undefined;
    }
    if (name === 'default') {
      const b = this.binding(mod, 'export default') ?? this.binding(mod, 'module.exports');
      return b ? this.follow(mod, b, members, depth) : undefined;
    }
    const direct =
      this.binding(mod, name, undefined, true) ?? this.binding(mod, `export:${name}`) ?? this.binding(mod, `module.exports.${name}`);
    if (direct) {
      // `export { a as b }` points at the local binding `a`.
      return this.follow(mod, direct, members, depth);
    }
    const reexport = this.importOf(mod, `export:${name}`);
    if (reexport) return this.viaImport(mod, { ...reexport, local: name }, members, depth + 1);
    const commonjs = this.binding(mod, 'module.exports');
    if (commonjs) {
      const found = this.follow(mod, commonjs, [name, ...members], depth);
      if (found.kind !== 'unknown') return found;
    }
    for (const all of mod.imports.filter((i) => i.local === 'export:*')) {
      const next = this.jsModule(mod.file, all.module);
      const found = next ? this.exported(next, name, members, depth + 1) : undefined;
      if (found) return found;
    }
    return undefined;
  }

  /**
   * The code may set the variable itself before the SDK or the client reads it (`os.environ['CLARIFAI_PAT'] = '…'`,
   * Clarifai's own docs snippets): then that assignment is where the value comes from.
   */
  setInCode(f: FileCredentialFacts, found: Found, depth: number): Found {
    if (found.kind !== 'env') return found;
    // Only this file: a test's conftest.py setting a fake CLARIFAI_PAT says nothing about what the app sends.
    for (const name of found.names) {
      const b = this.binding(f, `env:${name}`);
      if (!b) continue;
      const set = this.follow(f, b, [], depth + 1);
      if (set.kind === 'literal' || (set.kind === 'env' && !set.names.includes(name))) return { ...set, trace: [...found.trace, ...set.trace] };
    }
    return found;
  }
}

/** Several alternatives (`a || b`): every env name any of them reads; otherwise the first that says something. */
function merge(results: Found[]): Found {
  const env = results.filter((r): r is Extract<Found, { kind: 'env' }> => r.kind === 'env');
  if (env.length > 0) return { kind: 'env', names: [...new Set(env.flatMap((r) => r.names))], trace: env.flatMap((r) => r.trace) };
  return results.find((r) => r.kind === 'literal' && r.value !== '') ?? results.find((r) => r.kind === 'store') ?? results[0]!;
}

function toOrigin(found: Found): CredentialOrigin {
  switch (found.kind) {
    case 'env':
      return { kind: 'env', names: found.names };
    case 'literal':
      return { kind: 'literal', value: new Secret(found.value) };
    case 'store':
      return { kind: 'store', store: found.store };
    default:
      return { kind: 'unknown', expression: found.expression };
  }
}

/** `root`, when given, is where package.json files are read to tell client-side apps (CRA, Vite, Expo) from the rest. */
export function resolveCredentialFlow(files: readonly FileCredentialFacts[], root?: string): CredentialFlow {
  const resolver = new Resolver(files);
  // A file with no browser or server sign of its own is client code when it sits in a client-side app's src/.
  const undecided = files.filter((f) => f.language === 'js' && f.sinks.length > 0 && !f.runtime && !/\.(?:md|ipynb)$/u.test(f.file));
  const apps = root && undecided.length > 0 ? frontendApps(root, undecided.map((f) => f.file)) : [];
  for (const f of undecided) {
    const app = clientAppOf(f.file, apps);
    if (app) f.runtime = { runtime: 'browser', reason: `in ${app.tool}${app.everywhere ? '' : "'s src/"}` };
  }
  const credentials: CredentialUse[] = [];
  const credentialLogs: CredentialLog[] = [];
  const documentedNames: DocumentedName[] = [];
  const runtimes: FileRuntime[] = [];
  const seen = new Set<string>();
  for (const f of resolver.files()) {
    documentedNames.push(...f.documented);
    if (f.runtime) runtimes.push({ file: f.file, ...f.runtime });
    const browser = f.runtime?.runtime === 'browser' ? f.runtime.reason : undefined;
    for (const s of f.sinks) {
      const key = `${s.line}:${s.column}:${s.expr ?? s.via}`;
      if (seen.has(`${f.file}\u0000${key}`)) continue;
      seen.add(`${f.file}\u0000${key}`);
      let found: Found =
        s.sink === 'sdk-default' ? { kind: 'env', names: [...(s.sdkEnv ?? [])], trace: [] } : resolver.evaluate(f, s.expr ?? '', s.line, [], 0);
      found = resolver.setInCode(f, found, 0);
      credentials.push({
        file: f.file,
        line: s.line,
        column: s.column,
        snippet: s.snippet,
        sink: s.sink,
        via: maskKeys(s.via),
        expression: maskKeys(s.expr ?? ''),
        origin: toOrigin(found),
        envNames: found.kind === 'env' ? found.names : [],
        trace: found.trace.filter((t, i, all) => all.findIndex((o) => o.file === t.file && o.line === t.line) === i),
        ...(s.sdk ? { sdk: s.sdk } : {}),
        ...(browser ? { browser } : {}),
      });
    }
  }
  // A print is about the credential when what it prints is sent as one, or is read from a credential variable.
  const credentialVars = new Set([...CLARIFAI_CREDENTIAL_NAMES, ...credentials.flatMap((c) => c.envNames)]);
  for (const f of resolver.files()) {
    const sentHere = new Set(credentials.filter((c) => c.file === f.file).map((c) => c.expression));
    for (const log of f.logs) {
      for (const op of log.operands) {
        const found = resolver.evaluate(f, op, log.line, [], 0);
        const names = found.kind === 'env' ? found.names.filter((n) => credentialVars.has(n)) : [];
        const chain = parseChain(op);
        const last = chain ? (chain.members.at(-1) ?? chain.root) : op;
        const named = /clarifai/iu.test(last) && keyLikeName(last);
        if (names.length === 0 && !sentHere.has(op) && !named) continue;
        credentialLogs.push({ file: f.file, line: log.line, column: log.column, snippet: log.snippet, via: log.via, expression: maskKeys(op), envNames: names });
        break;
      }
    }
  }
  const byPlace = (a: CodeSite, b: CodeSite) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column;
  credentials.sort(byPlace);
  credentialLogs.sort(byPlace);
  documentedNames.sort(byPlace);
  runtimes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { credentials, credentialLogs, documentedNames, runtimes };
}
