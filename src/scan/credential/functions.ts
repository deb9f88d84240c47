// Functions and the calls to them, read from the syntax tree: what lets the tracer follow a credential one call up (argument → parameter) or to a parameter's default.
import type { Node } from 'web-tree-sitter';
import type { Doc } from '../doc.js';
import { eachNode, jsGrammar, withTree } from '../grammar.js';
import type { RawCall, RawFunction, RawSite } from './types.js';

/** Files with more functions than this are generated: the tracer follows no parameters in them. */
const MAX_FUNCTIONS = 2000;

const JS_FUNCTION = new Set(['function_declaration', 'generator_function_declaration', 'function_expression', 'arrow_function', 'method_definition']);

/**
 * The functions of a JS/TS or Python text (name, parameters with their defaults, line range) and the calls in it to a
 * name one of them has (positional arguments and keyword arguments as written). A class's constructor / `__init__` is
 * named after the class, so `Tagger('…')` and `new Client(key)` reach its parameters.
 */
export function functionsAndCalls(doc: Doc, lang: 'js' | 'python'): { functions: RawFunction[]; calls: RawCall[] } | undefined {
  const grammar = lang === 'python' ? 'python' : jsGrammar(doc.file);
  if (!grammar) return undefined;
  return withTree(doc.text, grammar, (root) => {
    const functions: RawFunction[] = [];
    const callNodes: Node[] = [];
    const line = (index: number) => doc.site(index).line;
    eachNode(root, (n) => {
      if (functions.length >= MAX_FUNCTIONS) return false;
      if (lang === 'python' ? n.type === 'function_definition' : JS_FUNCTION.has(n.type)) {
        const fn = lang === 'python' ? pythonFunction(n) : jsFunction(n);
        if (fn) functions.push({ ...fn, start: line(n.startIndex), end: line(n.endIndex) });
      } else if (n.type === 'call' || n.type === 'call_expression' || n.type === 'new_expression') callNodes.push(n);
      return true;
    });
    const names = new Set(functions.map((f) => f.name));
    const calls: RawCall[] = [];
    for (const c of callNodes) {
      const callee = c.childForFieldName(c.type === 'new_expression' ? 'constructor' : 'function');
      // `f(x)`, `Tagger(x)`, `new Client(x)`, `this.send(x)` / `self.send(x)`: a name this file defines.
      const name = callee?.type === 'identifier' ? callee.text : /^(?:this|self)\.([A-Za-z_$][\w$]*)$/u.exec(callee?.text ?? '')?.[1];
      if (!name || !names.has(name)) continue;
      const args: string[] = [];
      const keywords: Record<string, string> = {};
      for (const a of c.childForFieldName('arguments')?.namedChildren ?? []) {
        if (!a || a.type === 'comment') continue;
        if (a.type === 'keyword_argument') {
          const k = a.childForFieldName('name')?.text;
          const v = a.childForFieldName('value')?.text;
          if (k && v) keywords[k] = v;
        } else args.push(a.text);
      }
      const { line: l, column, snippet } = doc.site(c.startIndex);
      calls.push({ line: l, column, snippet, callee: name, args, keywords } satisfies RawSite & RawCall);
    }
    return { functions, calls };
  });
}

function pythonFunction(n: Node): Omit<RawFunction, 'start' | 'end'> | undefined {
  let name = n.childForFieldName('name')?.text;
  if (!name) return undefined;
  const params: RawFunction['params'] = [];
  for (const p of n.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p) continue;
    if (p.type === 'identifier') params.push({ name: p.text });
    else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
      const pname = p.childForFieldName('name')?.text;
      const value = p.childForFieldName('value')?.text;
      if (pname) params.push({ name: pname, ...(value ? { default: value } : {}) });
    } else if (p.type === 'typed_parameter') {
      const id = p.namedChildren.find((c) => c?.type === 'identifier');
      if (id) params.push({ name: id.text });
    } else params.push({ name: '' }); // *args, **kwargs: keeps the positions of what follows honest
  }
  // A method: `self` (or `cls`) is not an argument at the call; `__init__` is reached by calling the class.
  const cls = n.parent?.type === 'block' && n.parent.parent?.type === 'class_definition' ? n.parent.parent : undefined;
  if (cls) {
    if (params[0] && /^(?:self|cls)$/u.test(params[0].name)) params.shift();
    if (name === '__init__') name = cls.childForFieldName('name')?.text ?? name;
  }
  return { name, params };
}

function jsFunction(n: Node): Omit<RawFunction, 'start' | 'end'> | undefined {
  let name = n.childForFieldName('name')?.text;
  if (n.type === 'method_definition' && name === 'constructor') {
    const cls = n.parent?.parent;
    name = cls?.childForFieldName('name')?.text;
  }
  // `const send = (key) => …`, `const send = function (key) {…}`.
  if (!name && n.parent?.type === 'variable_declarator') name = n.parent.childForFieldName('name')?.text;
  if (!name) return undefined;
  const params: RawFunction['params'] = [];
  const list = n.childForFieldName('parameters') ?? n.childForFieldName('parameter');
  const entries = list?.type === 'identifier' ? [list] : (list?.namedChildren ?? []);
  for (const p of entries) {
    if (!p || p.type === 'comment') continue;
    // TypeScript wraps each parameter: `required_parameter` / `optional_parameter` with a pattern and maybe a value.
    const inner = p.type === 'required_parameter' || p.type === 'optional_parameter' ? p : undefined;
    const pattern = inner ? inner.childForFieldName('pattern') : p.type === 'assignment_pattern' ? p.childForFieldName('left') : p;
    const value = inner ? inner.childForFieldName('value') : p.type === 'assignment_pattern' ? p.childForFieldName('right') : null;
    params.push({ name: pattern?.type === 'identifier' ? pattern.text : '', ...(value ? { default: value.text } : {}) });
  }
  return { name, params };
}
