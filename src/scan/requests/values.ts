// What an expression in a parsed file evaluates to, as far as the file shows: a small scope-aware lookup of simple constants, not a data-flow engine.
import type { Node } from 'web-tree-sitter';
import type { RequestValue } from '../../types/code-evidence.js';

/**
 * A value: known text, a concatenation with unknown parts, an env read, an object / dict / request message with its
 * fields, a list, or something the file does not show. `names` are the variables followed to reach it (`PAT`, `self.pat`):
 * what the credential's kind is judged by.
 */
export type Val =
  | { t: 'str'; s: string; names: string[] }
  | { t: 'cat'; parts: Val[]; names: string[] }
  | { t: 'env'; name: string; names: string[] }
  | { t: 'obj'; fields: Map<string, Val>; open: boolean; type?: string; key?: string; names: string[] }
  | { t: 'list'; items: Val[]; names: string[] }
  | { t: 'unknown'; expr: string; names: string[] };

export type Lang = 'python' | 'js';

const FUNCTIONS: Record<Lang, Set<string>> = {
  python: new Set(['function_definition', 'lambda']),
  js: new Set(['function_declaration', 'function_expression', 'function', 'arrow_function', 'method_definition', 'generator_function_declaration']),
};

const MAX_DEPTH = 12;
/** Values carried from one notebook cell to the next (module-level names only): cells share one namespace. */
export type Carry = Map<string, Val>;

/** A function's text range (its id is where it starts), and the function around it. */
interface FnScope {
  id: number;
  start: number;
  end: number;
  parent: FnScope | undefined;
}

/** The last binding made before `at` (bindings are in text order). */
function lastBefore(list: Binding[], at: number): Binding | undefined {
  let lo = 0;
  let hi = list.length - 1;
  let found: Binding | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.at < at) {
      found = list[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

interface Binding {
  at: number;
  value?: Node;
  /** Destructured from `value`: `const { CLARIFAI_PAT } = process.env`. */
  key?: string;
}

export const unknown = (expr: string, names: string[] = []): Val => ({ t: 'unknown', expr: expr.length > 60 ? `${expr.slice(0, 57)}…` : expr, names });

/** The bindings of one parsed text, by scope (the innermost function, or the module) and name. */
export class Scope {
  readonly #lang: Lang;
  readonly #root: Node;
  readonly #byScope = new Map<number, Map<string, Binding[]>>();
  readonly #memo = new Map<number, Val>();
  /** Functions by start, each with the function around it: scopes by position. */
  readonly #fns: FnScope[] = [];
  readonly #top: FnScope = { id: -1, start: -1, end: Infinity, parent: undefined };
  readonly #active = new Set<number>();
  readonly #carry: Carry | undefined;
  /** `metadata.set('authorization', …)` / `metadata.add(…)` values, by the metadata variable's name. */
  get root(): Node {
    return this.#root;
  }

  /** A message's place in file terms (`line:column`), the same across the cells of a notebook. */
  readonly #keyOf: (index: number) => string;

  constructor(lang: Lang, root: Node, keyOf: (index: number) => string, carry?: Carry) {
    this.#lang = lang;
    this.#root = root;
    this.#keyOf = keyOf;
    this.#carry = carry;
    // One walk of the tree for functions (scopes by position) and bindings: this runs on every Clarifai cell and file.
    const fnTypes = FUNCTIONS[lang];
    const named = lang === 'python' ? 'function_definition' : 'function_declaration';
    const types =
      lang === 'python'
        ? ['assignment', 'default_parameter', 'typed_default_parameter']
        : ['variable_declarator', 'assignment_expression', 'required_parameter', 'optional_parameter', 'assignment_pattern'];
    const stack: FnScope[] = [];
    const bindings: Node[] = [];
    const functions: Node[] = [];
    for (const n of root.descendantsOfType([...fnTypes, ...types])) {
      if (!n) continue;
      if (!fnTypes.has(n.type)) {
        bindings.push(n);
        continue;
      }
      while (stack.length > 0 && stack.at(-1)!.end <= n.startIndex) stack.pop();
      const scope: FnScope = { id: n.startIndex, start: n.startIndex, end: n.endIndex, parent: stack.at(-1) ?? this.#top };
      this.#fns.push(scope);
      stack.push(scope);
      if (n.type === named) functions.push(n);
    }
    for (const n of bindings) this.#bind(n);
    // Named functions, for one level of call: `fetch(URL, requestOptions(input))` reads what the function returns.
    for (const n of functions) {
      const name = n.childForFieldName('name');
      if (name) this.#add(this.scopeOf(n), name.text, { at: n.startIndex, value: n });
    }
    for (const names of this.#byScope.values()) for (const list of names.values()) list.sort((a, b) => a.at - b.at);
  }

  /** What a function of this file returns (its last `return`), evaluated in its own scope; parameters stay unknown. */
  #returned(fn: Node, depth: number): Val | undefined {
    if (!FUNCTIONS[this.#lang].has(fn.type)) return undefined;
    const body = fn.childForFieldName('body');
    if (!body) return undefined;
    if (fn.type === 'arrow_function' && body.type !== 'statement_block') return this.eval(body, depth + 1);
    const returns = body.descendantsOfType('return_statement').filter((r) => r !== null && this.scopeOf(r).id === fn.startIndex);
    const value = returns.at(-1)?.namedChild(0);
    return value ? this.eval(value, depth + 1) : undefined;
  }

  /** The function a callee names in this file, if it is one. */
  #calledFunction(callee: Node): Node | undefined {
    if (callee.type !== 'identifier') return undefined;
    const at = callee.startIndex;
    for (let s: FnScope | undefined = this.scopeOf(callee); s; s = s.parent) {
      const list = this.#byScope.get(s.id)?.get(callee.text);
      const b = list && (lastBefore(list, at) ?? list.at(-1));
      if (b?.value && b.key === undefined) return FUNCTIONS[this.#lang].has(b.value.type) ? b.value : undefined;
    }
    return undefined;
  }

  #bind(n: Node): void {
    const python = this.#lang === 'python';
    const left = n.childForFieldName(python ? (n.type === 'assignment' ? 'left' : 'name') : n.type === 'variable_declarator' ? 'name' : n.type.endsWith('parameter') ? 'pattern' : 'left');
    const value = n.childForFieldName(python ? (n.type === 'assignment' ? 'right' : 'value') : n.type === 'variable_declarator' || n.type.endsWith('parameter') ? 'value' : 'right');
    if (!left || !value) return;
    const attribute = left.type === 'attribute' || left.type === 'member_expression';
    if (left.type === 'identifier' || (attribute && /^(?:self|this)\.\w+$/u.test(left.text))) {
      // `self.x` / `this.x` are read from any method of the class: bound at module level.
      this.#add(attribute ? this.#top : this.scopeOf(n), left.text, { at: n.startIndex, value });
    } else if (left.type === 'object_pattern') {
      for (const p of left.namedChildren) {
        if (p?.type === 'shorthand_property_identifier_pattern') this.#add(this.scopeOf(n), p.text, { at: n.startIndex, value, key: p.text });
        else if (p?.type === 'pair_pattern') {
          const k = p.childForFieldName('key');
          const v = p.childForFieldName('value');
          if (k && v?.type === 'identifier') this.#add(this.scopeOf(n), v.text, { at: n.startIndex, value, key: keyText(k) });
        }
      }
    }
  }

  #add(scope: FnScope, name: string, b: Binding): void {
    let names = this.#byScope.get(scope.id);
    if (!names) this.#byScope.set(scope.id, (names = new Map()));
    const list = names.get(name);
    if (list) list.push(b);
    else names.set(name, [b]);
  }

  /** The innermost function around a node, or the module. */
  scopeOf(n: Node): FnScope {
    return this.#scopeAt(n.startIndex);
  }

  /**
   * The innermost function whose text holds `index`, found by position: tree-sitter's `parent` walks down from the root,
   * so climbing parents would make deeply nested code (`a = a = a = …`) quadratic.
   */
  #scopeAt(index: number): FnScope {
    const fns = this.#fns;
    let lo = 0;
    let hi = fns.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (fns[mid]!.start < index) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    let f: FnScope | undefined = found === -1 ? undefined : fns[found];
    while (f && f.end <= index) f = f.parent;
    return f ?? this.#top;
  }

  /** The value `name` has at `at`: the last assignment before it in the innermost scope that has one, else the module's last. */
  lookup(name: string, from: Node, depth: number): Val | undefined {
    const at = from.startIndex;
    for (let s: FnScope | undefined = name.includes('.') ? this.#top : this.scopeOf(from); s; s = s.parent) {
      const list = this.#byScope.get(s.id)?.get(name);
      if (!list) continue;
      const before = lastBefore(list, at) ?? (s === this.#top ? list.at(-1) : undefined);
      if (!before?.value) continue;
      // `x = x + 1`: the right side reads the binding being made; do not follow it into itself.
      if (before.value.startIndex <= at && at < before.value.endIndex) continue;
      const v = this.eval(before.value, depth + 1);
      const picked = before.key !== undefined ? member(v, before.key) : v;
      return withName(picked, name);
    }
    const carried = this.#carry?.get(name);
    return carried && withName(carried, name);
  }

  /** Module-level names and their values now (what the next notebook cell sees). */
  moduleValues(): Carry {
    const out: Carry = new Map();
    for (const [name, list] of this.#byScope.get(this.#top.id) ?? []) {
      const last = list.at(-1);
      if (last?.value) out.set(name, withName(last.key !== undefined ? member(this.eval(last.value, 0), last.key) : this.eval(last.value, 0), name));
    }
    return out;
  }

  eval(n: Node, depth = 0): Val {
    if (depth > MAX_DEPTH || this.#active.has(n.id)) return unknown(n.text);
    const memo = this.#memo.get(n.id);
    if (memo) return memo;
    this.#active.add(n.id);
    try {
      const v = this.#lang === 'python' ? this.#evalPython(n, depth) : this.#evalJs(n, depth);
      this.#memo.set(n.id, v);
      return v;
    } finally {
      this.#active.delete(n.id);
    }
  }

  #evalPython(n: Node, depth: number): Val {
    switch (n.type) {
      case 'string':
        return this.#pyString(n, depth);
      case 'concatenated_string':
        return concat(n.namedChildren.filter(isNode).map((c) => this.eval(c, depth + 1)));
      case 'parenthesized_expression':
        return n.namedChild(0) ? this.eval(n.namedChild(0)!, depth + 1) : unknown(n.text);
      case 'identifier':
        return this.lookup(n.text, n, depth) ?? unknown(n.text, [n.text]);
      case 'attribute':
        if (/^(?:self|cls)\.\w+$/u.test(n.text)) return this.lookup(n.text, n, depth) ?? unknown(n.text, [n.text]);
        return this.#memberOf(n.childForFieldName('object'), n.childForFieldName('attribute')?.text, n, depth);
      case 'subscript': {
        const env = pyEnv(n);
        if (env) return { t: 'env', name: env, names: [] };
        const key = n.childForFieldName('subscript');
        const k = key ? this.eval(key, depth + 1) : undefined;
        return this.#memberOf(n.childForFieldName('value'), k?.t === 'str' ? k.s : undefined, n, depth);
      }
      case 'binary_operator': {
        const op = n.childForFieldName('operator')?.text;
        const l = n.childForFieldName('left');
        const r = n.childForFieldName('right');
        if (op === '+' && l && r) return concat([this.eval(l, depth + 1), this.eval(r, depth + 1)]);
        return unknown(n.text);
      }
      case 'boolean_operator':
        return this.#either(n.childForFieldName('left'), n.childForFieldName('right'), n, depth);
      case 'dictionary': {
        const fields = new Map<string, Val>();
        let open = false;
        for (const p of n.namedChildren) {
          if (p?.type !== 'pair') {
            if (p?.type !== 'comment') open = true;
            continue;
          }
          const k = p.childForFieldName('key');
          const v = p.childForFieldName('value');
          const kv = k ? this.eval(k, depth + 1) : undefined;
          if (kv?.t === 'str' && v) fields.set(kv.s, this.eval(v, depth + 1));
          else open = true;
        }
        return { t: 'obj', fields, open, names: [] };
      }
      case 'list':
      case 'tuple':
        return { t: 'list', items: n.namedChildren.filter(isNode).map((c) => this.eval(c, depth + 1)), names: [] };
      case 'call':
        return this.#pyCall(n, depth);
      default:
        return unknown(n.text);
    }
  }

  #pyString(n: Node, depth: number): Val {
    const parts: Val[] = [];
    for (const c of n.namedChildren) {
      if (!c) continue;
      if (c.type === 'string_content') parts.push({ t: 'str', s: c.text, names: [] });
      else if (c.type === 'escape_sequence') parts.push({ t: 'str', s: unescape(c.text), names: [] });
      else if (c.type === 'interpolation') {
        const e = c.childForFieldName('expression');
        parts.push(e ? this.eval(e, depth + 1) : unknown(c.text));
      }
    }
    return concat(parts);
  }

  #pyCall(n: Node, depth: number): Val {
    const fn = n.childForFieldName('function');
    const args = n.childForFieldName('arguments');
    if (!fn || !args) return unknown(n.text);
    const name = fn.text;
    const positional = args.namedChildren.filter((a): a is Node => a !== null && a.type !== 'keyword_argument' && a.type !== 'comment');
    const env = /^(?:os\s*\.\s*)?(?:environ\s*\.\s*(?:get|setdefault)|getenv)$/u.test(name) ? positional[0] : undefined;
    if (env) {
      const k = this.eval(env, depth + 1);
      if (k.t === 'str') return { t: 'env', name: k.s, names: [] };
    }
    if (/^json\s*\.\s*dumps$/u.test(name) && positional[0]) return this.eval(positional[0], depth + 1);
    const called = this.#calledFunction(fn);
    const returned = called && this.#returned(called, depth);
    if (returned) return returned;
    if (/^(?:str|dict)$/u.test(name) && positional[0] && positional.length === 1) return this.eval(positional[0], depth + 1);
    const last = fn.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn.type === 'identifier' ? fn.text : undefined;
    // A capitalised callee with keyword arguments builds a message or object: `resources_pb2.UserAppIDSet(user_id=…)`.
    if (last && /^[A-Z]/u.test(last)) {
      const fields = new Map<string, Val>();
      let open = positional.length > 0;
      for (const a of args.namedChildren) {
        if (a?.type !== 'keyword_argument') continue;
        const k = a.childForFieldName('name')?.text;
        const v = a.childForFieldName('value');
        if (k && v) fields.set(k, this.eval(v, depth + 1));
        else open = true;
      }
      return { t: 'obj', fields, open, type: last, key: this.#keyOf(n.startIndex), names: [] };
    }
    return unknown(n.text);
  }

  #evalJs(n: Node, depth: number): Val {
    switch (n.type) {
      case 'string': {
        const parts = n.namedChildren.filter(isNode).map((c): Val => ({ t: 'str', s: c.type === 'escape_sequence' ? unescape(c.text) : c.text, names: [] }));
        return concat(parts);
      }
      case 'template_string': {
        const parts: Val[] = [];
        for (const c of n.namedChildren) {
          if (!c) continue;
          if (c.type === 'string_fragment') parts.push({ t: 'str', s: c.text, names: [] });
          else if (c.type === 'escape_sequence') parts.push({ t: 'str', s: unescape(c.text), names: [] });
          else if (c.type === 'template_substitution') parts.push(c.namedChild(0) ? this.eval(c.namedChild(0)!, depth + 1) : unknown(c.text));
        }
        return concat(parts);
      }
      case 'parenthesized_expression':
      case 'as_expression':
      case 'satisfies_expression':
      case 'non_null_expression':
      case 'await_expression':
        return n.namedChild(0) ? this.eval(n.namedChild(0)!, depth + 1) : unknown(n.text);
      case 'identifier':
      case 'shorthand_property_identifier':
        return this.lookup(n.text, n, depth) ?? unknown(n.text, [n.text]);
      case 'member_expression': {
        const env = jsEnv(n.text);
        if (env) return { t: 'env', name: env, names: [] };
        if (/^this\.\w+$/u.test(n.text)) return this.lookup(n.text, n, depth) ?? unknown(n.text, [n.text]);
        return this.#memberOf(n.childForFieldName('object'), n.childForFieldName('property')?.text, n, depth);
      }
      case 'subscript_expression': {
        const key = n.childForFieldName('index');
        const k = key ? this.eval(key, depth + 1) : undefined;
        const obj = n.childForFieldName('object');
        if (k?.t === 'str' && obj && /^(?:process\.env|import\.meta\.env)$/u.test(obj.text)) return { t: 'env', name: k.s, names: [] };
        return this.#memberOf(obj, k?.t === 'str' ? k.s : undefined, n, depth);
      }
      case 'binary_expression': {
        const op = n.childForFieldName('operator')?.text;
        const l = n.childForFieldName('left');
        const r = n.childForFieldName('right');
        if (op === '+' && l && r) return concat([this.eval(l, depth + 1), this.eval(r, depth + 1)]);
        if ((op === '||' || op === '??') && l && r) return this.#either(l, r, n, depth);
        return unknown(n.text);
      }
      case 'object': {
        const fields = new Map<string, Val>();
        let open = false;
        for (const p of n.namedChildren) {
          if (!p || p.type === 'comment') continue;
          if (p.type === 'pair') {
            const k = p.childForFieldName('key');
            const v = p.childForFieldName('value');
            const key = k ? (k.type === 'computed_property_name' ? undefined : keyText(k)) : undefined;
            if (key !== undefined && v) fields.set(key, this.eval(v, depth + 1));
            else open = true;
          } else if (p.type === 'shorthand_property_identifier') fields.set(p.text, this.eval(p, depth + 1));
          else open = true;
        }
        return { t: 'obj', fields, open, names: [] };
      }
      case 'array':
        return { t: 'list', items: n.namedChildren.filter(isNode).map((c) => this.eval(c, depth + 1)), names: [] };
      case 'call_expression': {
        const fn = n.childForFieldName('function');
        const args = n.childForFieldName('arguments')?.namedChildren.filter(isNode) ?? [];
        if (!fn) return unknown(n.text);
        if (fn.text === 'JSON.stringify' && args[0]) return this.eval(args[0], depth + 1);
        const called = this.#calledFunction(fn);
        const returned = called && this.#returned(called, depth);
        if (returned) return returned;
        if (/^Deno\.env\.get$/u.test(fn.text) && args[0]) {
          const k = this.eval(args[0], depth + 1);
          if (k.t === 'str') return { t: 'env', name: k.s, names: [] };
        }
        // ts-proto: `PostModelOutputsRequest.fromPartial({ … })` builds that message.
        const m = /^(\w+)\.(?:fromPartial|create|fromJSON)$/u.exec(fn.text);
        if (m && args[0]) {
          const v = this.eval(args[0], depth + 1);
          return v.t === 'obj' ? { ...v, type: m[1]!, key: this.#keyOf(n.startIndex) } : unknown(n.text);
        }
        return unknown(n.text);
      }
      case 'new_expression': {
        const ctor = n.childForFieldName('constructor')?.text ?? '';
        return { t: 'obj', fields: new Map(), open: true, type: ctor.split('.').pop()!, key: this.#keyOf(n.startIndex), names: [] };
      }
      default:
        return unknown(n.text);
    }
  }

  /** `a or b`, `a || b`, `a ?? b`: the env read or the known value (`os.getenv('X') or 'default'` reads X). */
  #either(l: Node | null, r: Node | null, n: Node, depth: number): Val {
    const left = l ? this.eval(l, depth + 1) : undefined;
    if (left && left.t !== 'unknown') return left;
    const right = r ? this.eval(r, depth + 1) : undefined;
    return right && right.t !== 'unknown' ? right : (left ?? unknown(n.text));
  }

  #memberOf(obj: Node | null, key: string | undefined, n: Node, depth: number): Val {
    if (!obj || key === undefined) return unknown(n.text);
    const v = this.eval(obj, depth + 1);
    const field = member(v, key);
    return field.t === 'unknown' ? unknown(n.text, [...v.names, key]) : field;
  }
}

function isNode(n: Node | null): n is Node {
  return n !== null && n.type !== 'comment';
}

function keyText(k: Node): string {
  return k.type === 'string' ? k.text.slice(1, -1) : k.text;
}

function unescape(s: string): string {
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', "'": "'", '\\': '\\', '/': '/' };
  return s.length === 2 && simple[s[1]!] !== undefined ? simple[s[1]!]! : s;
}

function member(v: Val, key: string): Val {
  if (v.t === 'obj' && v.fields.has(key)) return v.fields.get(key)!;
  // `const { CLARIFAI_PAT } = process.env`
  if (v.t === 'unknown' && /^(?:process\.env|import\.meta\.env|os\.environ)$/u.test(v.expr)) return { t: 'env', name: key, names: [] };
  return unknown(key);
}

function withName(v: Val, name: string): Val {
  return v.names.includes(name) ? v : { ...v, names: [name, ...v.names] };
}

function concat(parts: Val[]): Val {
  const flat: Val[] = [];
  for (const p of parts) {
    if (p.t === 'cat') flat.push(...p.parts);
    else flat.push(p);
  }
  const merged: Val[] = [];
  for (const p of flat) {
    const prev = merged.at(-1);
    if (p.t === 'str' && prev?.t === 'str') merged[merged.length - 1] = { t: 'str', s: prev.s + p.s, names: [...prev.names, ...p.names] };
    else merged.push(p);
  }
  if (merged.length === 1) return merged[0]!;
  if (merged.length === 0) return { t: 'str', s: '', names: [] };
  return { t: 'cat', parts: merged, names: merged.flatMap((p) => p.names) };
}

/** `os.environ['X']`, `environ["X"]`. */
function pyEnv(n: Node): string | undefined {
  const value = n.childForFieldName('value');
  const key = n.childForFieldName('subscript');
  if (!value || !key || !/^(?:os\s*\.\s*)?environ$/u.test(value.text) || key.type !== 'string') return undefined;
  return /^[rbu]?(['"])([^'"\n]+)\1$/u.exec(key.text)?.[2];
}

/** `process.env.X`, `import.meta.env.X`. */
function jsEnv(text: string): string | undefined {
  return /^(?:process\.env|import\.meta\.env)\.([A-Za-z_$][\w$]*)$/u.exec(text)?.[1];
}

/** A value as a record keeps it: the literal, the env name, or the expression (for the owner and model ids). */
export function requestValue(v: Val | undefined): RequestValue | undefined {
  if (!v) return undefined;
  if (v.t === 'str') return { literal: v.s };
  if (v.t === 'env') return { env: v.name };
  return { expr: v.t === 'unknown' ? v.expr : (v.names[0] ?? 'expression') };
}

/** Text with unknown parts as `{…}` (the hole the endpoint checks' URL parser knows). */
export function render(v: Val): string {
  if (v.t === 'str') return v.s;
  if (v.t === 'cat') return v.parts.map(render).join('');
  return '{…}';
}

/** A JSON text given as a string body (`data='{"user_app_id": …}'`) read as an object; undefined when it is not JSON. */
export function jsonObject(v: Val): Val | undefined {
  if (v.t !== 'str' || !/^\s*\{/u.test(v.s)) return undefined;
  try {
    return fromJson(JSON.parse(v.s) as unknown);
  } catch {
    return undefined;
  }
}

function fromJson(x: unknown): Val {
  if (typeof x === 'string') return { t: 'str', s: x, names: [] };
  if (Array.isArray(x)) return { t: 'list', items: x.map(fromJson), names: [] };
  if (x && typeof x === 'object') return { t: 'obj', fields: new Map(Object.entries(x).map(([k, v]) => [k, fromJson(v)])), open: false, names: [] };
  return unknown(String(x));
}
