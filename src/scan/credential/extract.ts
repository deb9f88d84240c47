// Per-file facts for tracing the credential: what the code sends (headers, SDK arguments, SDK defaults), assignments, imports, prints.
import type { Doc } from '../doc.js';
import type { FileFacts } from '../facts.js';
import { envNamesIn, renderExpression } from '../expression.js';
import { keyLikeName } from '../text.js';
import { functionsAndCalls } from './functions.js';
import { runtimeOf } from './runtime.js';
import { LANGCHAIN, NODE_SDK, NODE_SDK_PACKAGE, isLangchainClarifai, pythonSdkModule, type SdkDefault } from './sdk.js';
import {
  callArguments,
  captureValue,
  enclosingOpener,
  parseChain,
  plainOperand,
  splitTopLevel,
  type Lang,
} from './syntax.js';
import { emptyCredentialFacts, type FileCredentialFacts, type RawSite } from './types.js';

/** Headers of each FileFacts already turned into sinks (a notebook runs the extractors once per cell on one FileFacts). */
const headersDone = new WeakMap<FileFacts, number>();

function rawSite(doc: Doc, index: number): RawSite {
  const { line, column, snippet } = doc.site(index);
  return { line, column, snippet };
}

function factsOf(doc: Doc, language: FileCredentialFacts['language']): FileCredentialFacts {
  doc.facts.credential ??= emptyCredentialFacts(doc.file, language);
  return doc.facts.credential;
}

/** Text that reads the environment: only such files (and Clarifai files) can be where a credential's value comes from. */
const READS_ENV = { js: /process\s*\.\s*env|import\.meta\.env|Deno\.env/u, python: /environ|getenv|\bconfig\(|\benv\(|BaseSettings/u };

const PUBLIC_PREFIX = /\b(?:REACT_APP|NEXT_PUBLIC|VITE|EXPO_PUBLIC|NUXT_PUBLIC|VUE_APP|GATSBY|PUBLIC)_/u;
/** A cheap test before keyLikeName: most names have none of these. */
const SECRETISH = /key|pat|token|secret|auth|cred|passw/iu;
const credentialNamed = (name: string) => SECRETISH.test(name) && keyLikeName(name);

/** Where the credential leaves the code and where its value is assigned, for one JS or Python text. */
export function extractCredentialFlow(doc: Doc, lang: Lang | 'shell'): void {
  // Code blocks in Markdown are documentation, not the program: docs.ts reads what they tell users to set.
  if (doc.language === 'markdown') return;
  // Shell: the scripts themselves and notebook `!curl` lines (a Dockerfile or CI step builds rather than calls).
  if (lang === 'shell' && doc.language !== 'shell' && doc.language !== 'notebook') return;
  const facts = factsOf(doc, lang === 'shell' && doc.language === 'notebook' ? 'python' : lang);
  const sinksBefore = facts.sinks.length;
  headerSinks(doc, facts, lang === 'shell');
  if (lang === 'shell') return;
  // Elsewhere only credential-named assignments are kept (a constants module with `PAT = '…'`): most of a big tree
  // is library code whose every assignment would cost time and memory for nothing.
  const all = doc.clarifai || READS_ENV[lang].test(doc.text);
  if (lang === 'js') {
    jsBindings(doc, facts, all);
    if (all || facts.bindings.length > 0) jsImports(doc, facts);
    if (doc.clarifai) jsSdkSinks(doc, facts);
    // The runtime matters where a credential is sent or read under a public prefix (REACT_APP_…).
    if (facts.runtime === undefined && (facts.sinks.length > 0 || PUBLIC_PREFIX.test(doc.text))) {
      const runtime = runtimeOf(doc.file, doc.text);
      if (runtime) facts.runtime = runtime;
    }
  } else {
    pythonBindings(doc, facts, all);
    if (all || facts.bindings.length > 0) pythonImports(doc, facts);
    if (doc.clarifai) pythonSdkSinks(doc, facts);
  }
  logs(doc, facts, lang);
  // Parameters are followed only where this text sends a credential that could be one: the tree costs a parse.
  if (facts.sinks.slice(sinksBefore).some((x) => x.expr !== undefined && /^(?:(?:this|self)\.)?[A-Za-z_$][\w$]*(?:\.[\w$]+)*$/u.test(x.expr.trim()) || /[+%{]|format\(/u.test(x.expr ?? ''))) {
    const read = functionsAndCalls(doc, lang);
    if (read) {
      (facts.functions ??= []).push(...read.functions);
      (facts.calls ??= []).push(...read.calls);
    }
  }
}

/**
 * Authorization headers and gRPC metadata the header extractor found: each `${expr}` in the value is the credential.
 * In shell, each `${NAME}` is an environment variable, written `$NAME` so the resolver reads it as one.
 */
function headerSinks(doc: Doc, facts: FileCredentialFacts, shell: boolean): void {
  const headers = doc.facts.authHeaders;
  const from = headersDone.get(doc.facts) ?? 0;
  headersDone.set(doc.facts, headers.length);
  for (const h of headers.slice(from)) {
    // Another service's header (src/providers/others.ts) sends that service's key, not a Clarifai credential.
    if (/session-token/iu.test(h.name) || h.service !== undefined) continue;
    for (const m of h.value.matchAll(/\$\{([^{}]+)\}/gu)) {
      if (shell && !/^[A-Za-z_]\w*$/u.test(m[1]!.trim())) continue;
      facts.sinks.push({
        line: h.line,
        column: h.column,
        snippet: h.snippet,
        sink: h.transport === 'grpc-metadata' ? 'grpc-metadata' : 'http-header',
        via: h.transport === 'grpc-metadata' ? `gRPC metadata "${h.name}"` : `${h.name} header`,
        expr: shell ? `$${m[1]!.trim()}` : m[1]!.trim(),
      });
    }
  }
}

// ---------------------------------------------------------------- JavaScript / TypeScript

const JS_DECL = /(?<![\w$.])(export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*[^=;\n]{1,80}?)?\s*=(?![=>])/gu;
/** JS_DECL for names with a credential word in them: what other files are searched for. */
const JS_SECRET_DECL = /(?<![\w$.])(export\s+)?(?:const|let|var)\s+([\w$]*(?:[Kk]ey|KEY|[Pp]at|PAT|[Tt]oken|TOKEN|[Ss]ecret|SECRET|[Aa]uth|AUTH|[Cc]red|CRED)[\w$]*)\s*(?::\s*[^=;\n]{1,80}?)?\s*=(?![=>])/gu;
const JS_KEY_DECL = /(?<![\w$.])(export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*[^=;\n]{1,80}?)?\s*=\s*((['"`])[A-Za-z0-9]{32}\4)/gu;
/** 32 letters and digits in a row: the shape of a Clarifai key (a cheap test before the regex above). */
const KEY_RUN = /(?<![A-Za-z0-9])[A-Za-z0-9]{32}(?![A-Za-z0-9])/u;
const JS_DESTRUCTURE = /(?<![\w$.])(export\s+)?(?:const|let|var)\s*\{([^{}]{1,600})\}\s*(?::\s*[^=;\n]{1,80}?)?=(?![=>])/gu;
const JS_ASSIGN = /(?:^|[;{}\n])[ \t]*((?:this\.)?[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*=(?![=>])/gu;
const JS_ENV_SET = /\bprocess\s*\.\s*env\s*\[\s*(['"`])([^'"`\n]+)\1\s*\]\s*=(?![=>])/gu;
const JS_EXPORT_DEFAULT = /(?:^|\n)[ \t]*export\s+default\s+(?!function\b|class\b|async\b)/gu;
const JS_EXPORT_LIST = /(?:^|\n)[ \t]*export\s*\{([^{}]{1,600})\}\s*(?:from\s*(['"])([^'"\n]+)\2)?/gu;
const JS_EXPORT_ALL = /(?:^|\n)[ \t]*export\s*\*\s*from\s*(['"])([^'"\n]+)\1/gu;
const JS_CLASS_FIELD = /(?:^|\n)[ \t]*(?:(?:private|public|protected|readonly|static)\s+)*([A-Za-z_$][\w$]*)\s*(?::\s*[^=;\n]{1,80}?)?\s*=(?![=>])/gu;

function jsBindings(doc: Doc, facts: FileCredentialFacts, all: boolean): void {
  const text = doc.text;
  const add = (name: string, valueAt: number, at: number, exported: boolean) => {
    const { expr } = captureValue(text, valueAt, 'js');
    if (expr === '') return;
    facts.bindings.push({ ...rawSite(doc, at), name, expr, exported });
  };
  for (const m of text.matchAll(all ? JS_DECL : JS_SECRET_DECL)) if (all || credentialNamed(m[2]!)) add(m[2]!, m.index + m[0].length, m.index + m[0].indexOf(m[2]!), Boolean(m[1]));
  // A constants module elsewhere: a key-shaped literal is worth keeping whatever its name (`IMAGE_SERVICE = '…'`).
  if (!all && KEY_RUN.test(text)) {
    for (const m of text.matchAll(JS_KEY_DECL)) if (!credentialNamed(m[2]!)) add(m[2]!, m.index + m[0].length - m[3]!.length, m.index + m[0].indexOf(m[2]!), Boolean(m[1]));
  }
  // Re-exports (`export { PAT } from './env'`) link modules even where nothing else is worth recording.
  if (text.includes('export')) {
    for (const m of text.matchAll(JS_EXPORT_LIST)) {
      for (const entry of splitTopLevel(m[1]!)) {
        const e = /^([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?$/u.exec(entry.text);
        if (!e) continue;
        const exportedAs = e[2] ?? e[1]!;
        if (m[3]) facts.imports.push({ local: `export:${exportedAs}`, module: m[3], imported: e[1] === 'default' ? 'default' : e[1]! });
        else facts.bindings.push({ ...rawSite(doc, m.index), name: `export:${exportedAs}`, expr: e[1]!, exported: true });
      }
    }
    for (const m of text.matchAll(JS_EXPORT_ALL)) facts.imports.push({ local: 'export:*', module: m[2]!, imported: '*' });
  }
  if (!all) return;
  for (const m of text.matchAll(JS_DESTRUCTURE)) {
    const { expr: source } = captureValue(text, m.index + m[0].length, 'js');
    if (source === '' || /^require\s*\(/u.test(source)) continue;
    for (const entry of splitTopLevel(m[2]!)) {
      const e = /^([A-Za-z_$][\w$]*)\s*(?::\s*([A-Za-z_$][\w$]*))?/u.exec(entry.text);
      if (!e) continue;
      facts.bindings.push({ ...rawSite(doc, m.index), name: e[2] ?? e[1]!, expr: `${source}.${e[1]}`, exported: Boolean(m[1]) });
    }
  }
  for (const m of text.matchAll(JS_ASSIGN)) {
    const target = m[1]!.replace(/\s+/gu, '');
    if (/^(?:const|let|var|export|return|if|else|default)$/u.test(target)) continue;
    const at = m.index + m[0].indexOf(m[1]!);
    const env = /^process\.env\.(\w+)$/u.exec(target);
    const exported = target === 'module.exports' || /^(?:module\.)?exports\.\w+$/u.test(target);
    const name = env ? `env:${env[1]}` : target.replace(/^exports\./u, 'module.exports.');
    // Plain `x = …` re-assignments are already covered by JS_DECL when declared; keep members, exports and env sets.
    if (!env && !exported && !target.includes('.')) continue;
    add(name, m.index + m[0].length, at, exported);
  }
  for (const m of text.includes('class') ? text.matchAll(JS_CLASS_FIELD) : []) {
    const opener = enclosingOpener(text, m.index + m[0].indexOf(m[1]!));
    if (opener?.bracket !== '{' || !/\bclass\s+[\w$]+(?:\s+extends\s+[\w$.]+)?\s*$/u.test(text.slice(Math.max(0, opener.at - 200), opener.at))) continue;
    add(`this.${m[1]}`, m.index + m[0].length, m.index + m[0].indexOf(m[1]!), false);
  }
  for (const m of text.matchAll(JS_ENV_SET)) add(`env:${m[2]}`, m.index + m[0].length, m.index, false);
  for (const m of text.matchAll(JS_EXPORT_DEFAULT)) add('export default', m.index + m[0].length, m.index + m[0].indexOf('export'), true);
}

const JS_IMPORT = /(?:^|[\n;])[ \t]*import\s+(?:type\s+)?([A-Za-z_$][\w$]*)?\s*,?\s*(?:\{([^{}]*)\}|\*\s*as\s+([A-Za-z_$][\w$]*))?\s*from\s*(['"])([^'"\n]+)\4/gu;
const JS_REQUIRE = /(?<![\w$.])(?:const|let|var)\s+(?:([A-Za-z_$][\w$]*)|\{([^{}]*)\})\s*=\s*require\s*\(\s*(['"`])([^'"`\n]+)\3\s*\)((?:\s*\.\s*[A-Za-z_$][\w$]*)*)/gu;

function jsImports(doc: Doc, facts: FileCredentialFacts): void {
  const text = doc.text;
  if (!text.includes('import') && !text.includes('require')) return;
  for (const m of text.matchAll(JS_IMPORT)) {
    const module = m[5]!;
    if (m[1]) facts.imports.push({ local: m[1], module, imported: 'default' });
    if (m[3]) facts.imports.push({ local: m[3], module, imported: '*' });
    for (const entry of splitTopLevel(m[2] ?? '')) {
      const e = /^(?:type\s+)?([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?$/u.exec(entry.text);
      if (e) facts.imports.push({ local: e[2] ?? e[1]!, module, imported: e[1]! });
    }
  }
  for (const m of text.matchAll(JS_REQUIRE)) {
    const module = m[4]!;
    const members = (m[5] ?? '').split('.').map((s) => s.trim()).filter(Boolean);
    if (m[1]) {
      if (members.length === 0) facts.imports.push({ local: m[1], module, imported: '*' });
      else facts.imports.push({ local: m[1], module, imported: members.join('.') });
      continue;
    }
    for (const entry of splitTopLevel(m[2]!)) {
      const e = /^([A-Za-z_$][\w$]*)(?:\s*:\s*([A-Za-z_$][\w$]*))?$/u.exec(entry.text);
      if (e) facts.imports.push({ local: e[2] ?? e[1]!, module, imported: e[1]! });
    }
  }
}

/** A TypeScript type where a value would be (`pat: string` in an interface): not a credential. */
const TS_TYPE = /^(?:string|any|unknown|never|number|boolean|undefined|null|String)(?:\s*\|\s*(?:string|undefined|null))*[;?]?$/u;

/** `(…) => …` and `function f(…) {`: a parameter list, not a call. */
function isParameterList(text: string, open: number, callee: string | undefined): boolean {
  if (callee && /^(?:function|if|for|while|switch|catch)$|^function\s/u.test(callee)) return true;
  let depth = 0;
  let close = -1;
  for (let i = open; i < Math.min(text.length, open + 4000); i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) {
      close = i;
      break;
    }
  }
  return close !== -1 && /^\s*(?::\s*[^={;]{1,80})?\s*(?:=>|\{)/u.test(text.slice(close + 1, close + 120));
}

function jsSdkSinks(doc: Doc, facts: FileCredentialFacts): void {
  const text = doc.text;
  // `{ pat: … }` (clarifai-nodejs authConfig), `{ apiKey: … }` (clarifai 2.x, OpenAI-compatible clients), and shorthands.
  for (const m of text.matchAll(/(?<![\w$.'"])(pat|apiKey|api_key)\s*:(?!:)|[{,]\s*(pat|apiKey)\s*(?=[,}])/gu)) {
    const prop = (m[1] ?? m[2])!;
    const at = m.index + m[0].indexOf(prop);
    // A property starts an object entry (`{ pat: …`, `, pat: …`); `cond ? pat : other` is not one.
    if (m[1] && !/[{,]\s*$/u.test(text.slice(Math.max(0, at - 200), at))) continue;
    const object = enclosingOpener(text, at);
    // `${pat}` in a template literal is a hole, not an object.
    if (object?.bracket !== '{' || text[object.at - 1] === '$') continue;
    // The object is an argument, or nested in one (`new Model({ authConfig: { pat } })`); a config object, an
    // import list or a parameter pattern is not a credential being sent.
    let call = enclosingOpener(text, object.at);
    for (let up = 0; call?.bracket === '{' && up < 2; up++) call = enclosingOpener(text, call.at);
    if (call?.bracket !== '(' || !call.callee || /^(?:import|export)$/u.test(call.callee) || isParameterList(text, call.at, call.callee)) continue;
    if (prop !== 'pat' && !/clarifai/iu.test(`${call.callee} ${callArguments(text, call.at) ?? ''}`)) continue;
    const expr = m[1] ? captureValue(text, m.index + m[0].length, 'js').expr : prop;
    if (expr === '' || TS_TYPE.test(expr)) continue;
    const owner = `${call.callee}({ ${prop} })`;
    facts.sinks.push({ ...rawSite(doc, at), sink: 'sdk-argument', via: owner, expr });
  }
  // clarifai 2.x: `new Clarifai.App(key)` (the one-argument form; two arguments are the pre-2017 id/secret pair).
  for (const m of text.matchAll(/\bnew\s+Clarifai\s*\.\s*App\s*\(/gu)) {
    const args = splitTopLevel(callArguments(text, m.index + m[0].length - 1) ?? '');
    if (args.length !== 1 || args[0]!.text.startsWith('{')) continue;
    facts.sinks.push({ ...rawSite(doc, m.index), sink: 'sdk-argument', via: 'new Clarifai.App(key)', expr: args[0]!.text });
  }
  // clarifai-nodejs clients with no `pat`: the SDK reads CLARIFAI_PAT itself.
  for (const name of jsSdkNames(facts)) {
    for (const m of text.matchAll(new RegExp(`\\bnew\\s+${name.replace(/\$/gu, '\\$')}\\s*\\(`, 'gu'))) {
      const args = callArguments(text, m.index + m[0].length - 1);
      if (args === undefined || /\bpat\b|\.\.\./u.test(args) || /\bauthConfig\b(?!\s*:\s*\{)/u.test(args)) continue;
      pushDefault(doc, facts, m.index, `new ${name}(…) with no pat`, NODE_SDK);
    }
  }
}

function pushDefault(doc: Doc, facts: FileCredentialFacts, index: number, via: string, sdk: SdkDefault): void {
  facts.sinks.push({ ...rawSite(doc, index), sink: 'sdk-default', via, sdkEnv: sdk.env, sdk: sdk.sdk });
}

// ---------------------------------------------------------------- Python

const PY_ASSIGN = /^([ \t]*)((?:self\.)?[A-Za-z_]\w*)[ \t]*(?::[ \t]*([^=\n]+?))?[ \t]*=(?!=)/gmu;
const PY_ENV_SET = /\bos\s*\.\s*environ\s*(?:\[\s*[rbu]?(['"])([^'"\n]+)\1\s*\]\s*=(?!=)|\.\s*setdefault\s*\(\s*[rbu]?(['"])([^'"\n]+)\3\s*,)/gu;
const PY_CLASS = /^([ \t]*)class[ \t]+(\w+)[ \t]*(?:\(([^)]*)\))?[ \t]*:/gmu;
const PY_FIELD = /^([ \t]+)([A-Za-z_]\w*)[ \t]*:[ \t]*([^=\n#]+?)[ \t]*(?:#.*)?$/gmu;

/** `class Settings(BaseSettings):` bodies: `(start, end, name, indent of the body, pydantic settings?)`. */
function pythonClasses(text: string): { start: number; end: number; name: string; settings: boolean }[] {
  const out: { start: number; end: number; name: string; settings: boolean }[] = [];
  for (const m of text.matchAll(PY_CLASS)) {
    const indent = m[1]!.length;
    const start = m.index + m[0].length;
    let end = text.length;
    const body = /\n([ \t]*)\S/gu;
    body.lastIndex = start;
    for (let b = body.exec(text); b; b = body.exec(text)) {
      if (b[1]!.length <= indent) {
        end = b.index;
        break;
      }
    }
    out.push({ start, end, name: m[2]!, settings: /\bBaseSettings\b/u.test(m[3] ?? '') && !/env_prefix/u.test(text.slice(start, end)) });
  }
  return out;
}

const PY_KEY_VALUE = /^[ \t]*[rbu]?(['"])[A-Za-z0-9]{32}\1/u;

function pythonBindings(doc: Doc, facts: FileCredentialFacts, all: boolean): void {
  const text = doc.text;
  const keyish = !all && KEY_RUN.test(text);
  const classes = all && text.includes('class') ? pythonClasses(text) : [];
  // Assignments come in text order: a sweep keeps the classes open at the current one (innermost last).
  let next = 0;
  const open: typeof classes = [];
  const classAt = (i: number) => {
    while (next < classes.length && classes[next]!.start <= i) {
      const c = classes[next++]!;
      while (open.length > 0 && open.at(-1)!.end <= c.start) open.pop();
      open.push(c);
    }
    while (open.length > 0 && open.at(-1)!.end <= i) open.pop();
    return open.at(-1);
  };
  for (const m of text.matchAll(PY_ASSIGN)) {
    const name = m[2]!;
    if (/^(?:return|yield|if|elif|while|for|lambda|assert|del|global|nonlocal|print)$/u.test(name)) continue;
    // Elsewhere: credential names, and key-shaped literals whatever their name (a constants module: `IMAGE_SERVICE = '…'`).
    if (!all && !credentialNamed(name) && !(keyish && PY_KEY_VALUE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40)))) continue;
    const { expr, end } = captureValue(text, m.index + m[0].length, 'python');
    // `    pat=PAT,` inside a call spread over lines is a keyword argument, not an assignment.
    if (expr === '' || text[end] === ',' || text[end] === ')' || /^\s*\)/u.test(text.slice(end, end + 200))) continue;
    const at = m.index + m[1]!.length;
    const site = rawSite(doc, at);
    facts.bindings.push({ ...site, name, expr, exported: m[1] === '' });
    const cls = classAt(m.index);
    if (cls && !name.startsWith('self.')) facts.bindings.push({ ...site, name: `${cls.name}.${name}`, expr, exported: true });
    if (cls && name.startsWith('self.')) facts.bindings.push({ ...site, name: `${cls.name}.${name.slice(5)}`, expr, exported: true });
  }
  // pydantic BaseSettings: a field with no value is read from the environment variable of the same name (any case).
  for (const cls of classes.filter((c) => c.settings)) {
    const body = text.slice(cls.start, cls.end);
    for (const m of body.matchAll(PY_FIELD)) {
      if (/^(?:model_config|Config)$/u.test(m[2]!)) continue;
      const at = cls.start + m.index + m[1]!.length;
      facts.bindings.push({ ...rawSite(doc, at), name: `${cls.name}.${m[2]}`, expr: `os.environ["${m[2]!.toUpperCase()}"]`, exported: true });
    }
  }
  for (const m of text.matchAll(PY_ENV_SET)) {
    const { expr } = captureValue(text, m.index + m[0].length, 'python');
    if (expr !== '') facts.bindings.push({ ...rawSite(doc, m.index), name: `env:${m[2] ?? m[4]}`, expr, exported: true });
  }
}

const PY_FROM = /^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]+)/gmu;
const PY_IMPORT = /^[ \t]*import[ \t]+([\w.]+(?:[ \t]+as[ \t]+\w+)?(?:[ \t]*,[ \t]*[\w.]+(?:[ \t]+as[ \t]+\w+)?)*)/gmu;

function pythonImports(doc: Doc, facts: FileCredentialFacts): void {
  const text = doc.text;
  if (!text.includes('import')) return;
  for (const m of text.matchAll(PY_FROM)) {
    const module = m[1]!;
    for (const entry of m[2]!.replace(/[()\\]/gu, ' ').split(',')) {
      const e = /^\s*(\w+|\*)(?:\s+as\s+(\w+))?\s*$/u.exec(entry);
      if (!e || e[1] === '*') continue;
      // `from pkg import config` may name a module or a value: the resolver tries both.
      facts.imports.push({ local: e[2] ?? e[1]!, module, imported: e[1]! });
    }
  }
  for (const m of text.matchAll(PY_IMPORT)) {
    for (const entry of m[1]!.split(',')) {
      const e = /^\s*([\w.]+)(?:\s+as\s+(\w+))?\s*$/u.exec(entry);
      if (e) facts.imports.push({ local: e[2] ?? e[1]!, module: e[1]!, imported: '*' });
    }
  }
}

function pythonSdkSinks(doc: Doc, facts: FileCredentialFacts): void {
  const text = doc.text;
  // `pat=…` to any call in a Clarifai file (the SDK clients, LangChain's Clarifai); `api_key=…` to Clarifai's or an
  // OpenAI-compatible client pointed at Clarifai.
  for (const m of text.matchAll(/(?<![\w.])(pat|api_key)[ \t]*=(?!=)/gu)) {
    const call = enclosingOpener(text, m.index);
    if (call?.bracket !== '(' || !call.callee || /^(?:def|class)\s|\bdef$/u.test(call.callee)) continue;
    if (/\bdef\s+$/u.test(text.slice(Math.max(0, call.at - 80), call.at - call.callee.length))) continue;
    if (m[1] === 'api_key' && !/^Clarifai/u.test(call.callee) && !/clarifai/iu.test(callArguments(text, call.at) ?? '')) continue;
    const { expr } = captureValue(text, m.index + m[0].length, 'python');
    if (expr === '' || expr === 'None') continue;
    facts.sinks.push({ ...rawSite(doc, m.index), sink: 'sdk-argument', via: `${call.callee}(${m[1]}=…)`, expr });
  }
  // SDK clients built with no credential read CLARIFAI_PAT themselves.
  for (const [name, sdk] of pythonSdkNames(facts)) {
    for (const m of text.matchAll(new RegExp(`(?<![\\w.])${name}(\\s*\\.\\s*from_env)?\\s*\\(`, 'gu'))) {
      if (/\b(?:class|def|import)[ \t]+$/u.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
      const args = callArguments(text, m.index + m[0].length - 1);
      if (args === undefined) continue;
      if (!m[1] && (/(?<![\w.])(?:pat|token)\s*=(?!=)|\*\*/u.test(args) || name === 'ClarifaiAuthHelper')) continue;
      pushDefault(doc, facts, m.index, m[1] ? `${name}.from_env()` : `${name}(…) with no pat`, sdk);
    }
  }
}

// ---------------------------------------------------------------- prints and logs

const JS_LOG = /\bconsole\s*\.\s*(log|info|warn|error|debug|trace)\s*\(/gu;
const PY_LOG = /(?<![\w.])(?:(print)|((?:self\.)?(?:logger|logging|log|LOGGER|_logger|_log))\s*\.\s*(debug|info|warning|warn|error|critical|exception)|(st)\s*\.\s*(write|text|markdown|code|caption|info|success|warning|error))\s*\(/gu;

/**
 * Names bound to an env read or a credential-like name: printing them may print the key. Kept per file and grown
 * with the bindings added since the last call: a notebook calls this once per cell, and rebuilding it from every
 * binding so far made a 20,000-cell notebook quadratic.
 */
const knownCache = new WeakMap<FileCredentialFacts, { seen: number; names: Set<string> }>();
function knownNames(facts: FileCredentialFacts, lang: Lang): Set<string> {
  let cache = knownCache.get(facts);
  if (!cache) knownCache.set(facts, (cache = { seen: 0, names: new Set() }));
  for (; cache.seen < facts.bindings.length; cache.seen++) {
    const b = facts.bindings[cache.seen]!;
    if (keyLikeName(b.name) || (READS_ENV[lang].test(b.expr) && envNamesIn(b.expr).length > 0)) cache.names.add(b.name.split('.')[0]!);
  }
  return cache.names;
}

/** The SDK client names imported so far in this file, grown incrementally for the same reason as knownNames. */
const sdkCache = new WeakMap<FileCredentialFacts, { seen: number; names: Map<string, SdkDefault> }>();
function pythonSdkNames(facts: FileCredentialFacts): Map<string, SdkDefault> {
  let cache = sdkCache.get(facts);
  if (!cache) sdkCache.set(facts, (cache = { seen: 0, names: new Map() }));
  for (; cache.seen < facts.imports.length; cache.seen++) {
    const i = facts.imports[cache.seen]!;
    const sdk = pythonSdkModule(i.module);
    if (!sdk || !/^[A-Z]/u.test(i.imported) || (sdk === LANGCHAIN && !isLangchainClarifai(i.imported))) continue;
    cache.names.set(i.local, sdk);
  }
  return cache.names;
}

const jsSdkCache = new WeakMap<FileCredentialFacts, { seen: number; names: Set<string> }>();
function jsSdkNames(facts: FileCredentialFacts): Set<string> {
  let cache = jsSdkCache.get(facts);
  if (!cache) jsSdkCache.set(facts, (cache = { seen: 0, names: new Set() }));
  for (; cache.seen < facts.imports.length; cache.seen++) {
    const i = facts.imports[cache.seen]!;
    if (i.module === NODE_SDK_PACKAGE && /^[A-Z]/u.test(i.imported)) cache.names.add(i.local);
  }
  return cache.names;
}

function logs(doc: Doc, facts: FileCredentialFacts, lang: Lang): void {
  const text = doc.text;
  const known = knownNames(facts, lang);
  for (const m of text.matchAll(lang === 'js' ? JS_LOG : PY_LOG)) {
    const via = lang === 'js' ? `console.${m[1]}` : (m[1] ?? (m[2] ? `${m[2]}.${m[3]}` : `${m[4]}.${m[5]}`));
    const args = callArguments(text, m.index + m[0].length - 1);
    if (!args) continue;
    const operands: string[] = [];
    for (const arg of splitTopLevel(args)) {
      if (lang === 'python' && /^\w+\s*=(?!=)/u.test(arg.text)) continue; // print(…, sep=' '), logger.info(…, exc_info=True)
      const rendered = renderExpression(arg.text, 0, lang);
      const parts = rendered && rendered.end >= arg.text.trimEnd().length ? rendered.operands : [arg.text];
      for (const op of parts.map((p) => p.trim())) {
        if (!plainOperand(op)) continue;
        const chain = parseChain(op);
        const last = chain ? (chain.members.at(-1) ?? chain.root) : op;
        if (keyLikeName(last) || /clarifai/iu.test(op) || envNamesIn(op).length > 0 || (chain && known.has(chain.root))) operands.push(op);
      }
    }
    if (operands.length > 0) facts.logs.push({ ...rawSite(doc, m.index), via, operands });
  }
}
