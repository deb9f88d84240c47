// Which host an auth header is sent to, read from the syntax tree: the same call, the same object literal, the variable the headers are passed through, a client's base URL.
import type { Node } from 'web-tree-sitter';
import { eachNode, withTree, type GrammarName } from '../grammar.js';

export interface RequestHost {
  /** Lowercased host, no port. */
  host: string;
  /** The URL as written, when it was one string literal (so a check can read its path). */
  url?: string;
}

/** Property and keyword names that hold where a request goes. */
const URL_KEY = /^(?:url|uri|href|endpoint|api_?url|apiUrl|base_?url|baseURL|baseUrl|api_base|apiBase|base_path|basePath|azure_endpoint|azureEndpoint|host|server_url|serverURL)$/u;
/** `https://host/…`, `//host/…`, or a bare `api.host.com/…` at the start of a string. */
const URL_HOST = /^(?:[a-z][a-z0-9+.-]*:)?\/\/(?:[^/?#@\s]*@)?([^/?#:\s'"`{}$]+)/iu;
const BARE_HOST = /^((?:[a-z0-9-]+\.)+[a-z]{2,})(?::\d+)?(?:\/|$)/iu;

const CALL = new Set(['call_expression', 'new_expression', 'call']);
const OBJECT = new Set(['object', 'dictionary']);
const DECLARATOR = new Set(['variable_declarator', 'assignment_expression', 'assignment']);
const FUNCTION = new Set(['function_declaration', 'function_expression', 'arrow_function', 'method_definition', 'function_definition', 'lambda', 'generator_function_declaration']);
const MAX_DEPTH = 5;
/** A file with more calls than this is generated or vendored: the tree is not searched for uses (the fallback still applies). */
const MAX_CALLS = 5000;
/** How many calls after a headers variable are searched for the one that passes it on. */
const MAX_CALLS_AFTER = 200;

/** The hosts the requests at each index go to (undefined where the tree does not tell), for a text of one grammar. */
export function requestHosts(text: string, grammar: GrammarName, indexes: readonly number[]): (RequestHost | undefined)[] | undefined {
  return withTree(text, grammar, (root) => {
    const reader = new HostReader(root);
    return indexes.map((i) => reader.hostAt(i));
  });
}

class HostReader {
  /** Assignments by target text (`API_URL`, `self.base_url`, `this.baseURL`): right-hand sides in text order. */
  readonly #assigned = new Map<string, Node[]>();
  readonly #calls: Node[] = [];

  constructor(readonly root: Node) {
    // One walk collects every assignment and call, so each lookup below is a map read or a bounded scan.
    eachNode(root, (n) => {
      if (DECLARATOR.has(n.type)) {
        const left = n.childForFieldName(n.type === 'variable_declarator' ? 'name' : 'left');
        const right = n.childForFieldName(n.type === 'variable_declarator' ? 'value' : 'right');
        if (left && right) {
          const list = this.#assigned.get(left.text);
          if (list) list.push(right);
          else this.#assigned.set(left.text, [right]);
        }
      } else if (CALL.has(n.type) && this.#calls.length < MAX_CALLS) this.#calls.push(n);
    });
  }

  hostAt(index: number): RequestHost | undefined {
    let node: Node | null = this.root.descendantForIndex(index);
    let from: Node | null = null;
    for (; node; from = node, node = node.parent) {
      if (CALL.has(node.type)) {
        const h = this.#inCall(node, 0, from);
        if (h) return h;
      } else if (OBJECT.has(node.type)) {
        const h = this.#inObject(node, 0);
        if (h) return h;
      } else if (DECLARATOR.has(node.type)) {
        // `headers = {…}` then `requests.post(URL, headers=headers)`: the calls that pass the variable on.
        const left = node.childForFieldName(node.type === 'variable_declarator' ? 'name' : 'left');
        if (left && /^[A-Za-z_$][\w$.]*$/u.test(left.text)) {
          const h = this.#callsPassing(left.text, index);
          if (h) return h;
        }
      } else if (FUNCTION.has(node.type)) {
        return undefined;
      }
    }
    return undefined;
  }

  /** A call's URL: a string or URL-named argument, an options object, else the client it is called on (`client.post(…)`). */
  #inCall(call: Node, depth: number, skip: Node | null = null): RequestHost | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const args = call.childForFieldName('arguments');
    const list = args?.namedChildren.filter((a): a is Node => a !== null) ?? [];
    // Keyword arguments that name the URL first, then the first positional argument, then option objects.
    for (const a of list) {
      if (a.type !== 'keyword_argument') continue;
      const name = a.childForFieldName('name')?.text ?? '';
      const value = a.childForFieldName('value');
      if (value && URL_KEY.test(name)) {
        const h = this.#valueHost(value, depth + 1);
        if (h) return h;
      }
    }
    // Positional arguments in order: `requests.request("POST", API_URL, …)` has its URL second.
    for (const a of list) {
      if (a.type === 'keyword_argument' || a.type === 'comment' || a === skip || OBJECT.has(a.type)) continue;
      const h = this.#valueHost(a, depth + 1);
      if (h) return h;
    }
    for (const a of list) {
      if (!OBJECT.has(a.type)) continue;
      const h = this.#inObject(a, depth + 1);
      if (h) return h;
    }
    // `client.post(…)`, `client.chat.completions.create(…)`: the client's own base URL.
    const callee = call.childForFieldName(call.type === 'new_expression' ? 'constructor' : 'function');
    if (callee && (callee.type === 'member_expression' || callee.type === 'attribute')) {
      let object: Node | null = callee.childForFieldName('object');
      while (object && (object.type === 'member_expression' || object.type === 'attribute')) {
        const inner = object.childForFieldName('object');
        if (!inner || inner.type === 'this' || inner.text === 'self') break;
        object = inner;
      }
      if (object) {
        const init = this.#resolve(object.text, call.startIndex);
        if (init && CALL.has(init.type)) return this.#inCall(init, depth + 1);
      }
    }
    return undefined;
  }

  #inObject(object: Node, depth: number): RequestHost | undefined {
    if (depth > MAX_DEPTH) return undefined;
    for (const p of object.namedChildren) {
      if (!p) continue;
      if (p.type === 'pair') {
        const key = p.childForFieldName('key')?.text.replace(/^['"`]|['"`]$/gu, '') ?? '';
        const value = p.childForFieldName('value');
        if (value && URL_KEY.test(key)) {
          const h = this.#valueHost(value, depth + 1);
          if (h) return h;
        }
      } else if (p.type === 'shorthand_property_identifier' && URL_KEY.test(p.text)) {
        const init = this.#resolve(p.text, p.startIndex);
        const h = init ? this.#valueHost(init, depth + 1) : undefined;
        if (h) return h;
      }
    }
    return undefined;
  }

  /** The calls after `index` that take `name` as an argument (or as `headers: name`): the first that names a host. */
  #callsPassing(name: string, index: number): RequestHost | undefined {
    // Calls are in text order: start at the first one after `index` (by halves) and look at a bounded number, so a file
    // with thousands of headers and calls stays linear.
    let lo = 0;
    let hi = this.#calls.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#calls[mid]!.startIndex < index) lo = mid + 1;
      else hi = mid;
    }
    for (const call of this.#calls.slice(lo, lo + MAX_CALLS_AFTER)) {
      const args = call.childForFieldName('arguments');
      if (!args || !args.text.includes(name)) continue;
      const passes = args.namedChildren.some((a) => {
        if (!a) return false;
        if (a.text === name) return true;
        if (a.type === 'keyword_argument') return a.childForFieldName('value')?.text === name;
        if (OBJECT.has(a.type)) return a.namedChildren.some((p) => p?.type === 'pair' ? p.childForFieldName('value')?.text === name : p?.text === name);
        return false;
      });
      if (!passes) continue;
      const h = this.#inCall(call, 1);
      if (h) return h;
    }
    return undefined;
  }

  /** The right-hand side `name` was last assigned before `index` (else the first assignment after it). */
  #resolve(name: string, index: number): Node | undefined {
    const list = this.#assigned.get(name);
    if (!list) return undefined;
    let best: Node | undefined;
    for (const n of list) if (n.startIndex < index) best = n;
    return best ?? list[0];
  }

  #valueHost(value: Node, depth: number): RequestHost | undefined {
    if (depth > MAX_DEPTH) return undefined;
    switch (value.type) {
      case 'string':
      case 'template_string': {
        const text = stringText(value.text);
        const h = hostOfUrl(text);
        if (h) return h;
        // `${BASE}/v1/messages`, f"{BASE}/v1/messages": the host is the leading expression's.
        const lead = /^(?:\$\{|\{)\s*([A-Za-z_$][\w$.]*)\s*\}/u.exec(text);
        if (lead) {
          const init = this.#resolve(lead[1]!, value.startIndex);
          return init ? this.#valueHost(init, depth + 1) : undefined;
        }
        return undefined;
      }
      case 'binary_expression':
      case 'binary_operator': {
        const left = value.childForFieldName('left');
        return left ? this.#valueHost(left, depth + 1) : undefined;
      }
      case 'identifier':
      case 'member_expression':
      case 'attribute': {
        const init = this.#resolve(value.text, value.startIndex);
        return init ? this.#valueHost(init, depth + 1) : undefined;
      }
      case 'parenthesized_expression':
      case 'await_expression': {
        const inner = value.namedChildren.find((c) => c !== null);
        return inner ? this.#valueHost(inner, depth + 1) : undefined;
      }
      default:
        if (CALL.has(value.type)) {
          // `new URL('/v1/x', BASE)`, `urljoin(BASE, path)`, `axios.create({ baseURL })`, `OpenAI(base_url=…)`.
          const args = value.childForFieldName('arguments');
          for (const a of args?.namedChildren ?? []) {
            if (!a) continue;
            const h = a.type === 'keyword_argument' ? (URL_KEY.test(a.childForFieldName('name')?.text ?? '') ? this.#valueHost(a.childForFieldName('value')!, depth + 1) : undefined) : OBJECT.has(a.type) ? this.#inObject(a, depth + 1) : this.#valueHost(a, depth + 1);
            if (h) return h;
          }
        }
        return undefined;
    }
  }
}

/** The text inside a string literal's quotes (prefixes such as f, r, b dropped). */
function stringText(literal: string): string {
  return literal.replace(/^[rRbBuUfF]{0,2}(?:'''|"""|['"`])/u, '').replace(/(?:'''|"""|['"`])$/u, '');
}

/** The host a URL string names, or undefined when it names none. */
export function hostOfUrl(text: string): RequestHost | undefined {
  const t = text.trim();
  const m = URL_HOST.exec(t) ?? BARE_HOST.exec(t);
  if (!m) return undefined;
  const host = m[1]!.toLowerCase().replace(/\.$/u, '');
  if (!host.includes('.') && host !== 'localhost') return undefined;
  return { host, url: t };
}
