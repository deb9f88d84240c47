// JavaScript / TypeScript (also JSX, TSX, .mjs, .cjs, Vue/Svelte scripts): env reads, auth headers, URLs, imports.
import type { Doc } from '../doc.js';
import { codeUrls } from './code-urls.js';
import { attachUrls, bindFromPrefix, codeHeaders, type Bindings } from './headers.js';

/** One pass finds every env object; what follows (`.X`, `['X']`, `.get('X')`) or precedes (`{ … } =`) is read at each hit. */
const ENV_OBJECT = /\b(?:process\s*\.\s*env|import\.meta\.env|Deno\.env)\b/gu;
const AFTER_ENV = /^\s*(?:\.get\(\s*(['"`])([^'"`\n]+)\1|(?:\?\.|\.)\s*([A-Za-z_$][\w$]*)|(?:\?\.)?\[\s*(['"`])([^'"`\n]+)\4\s*\])/u;
const IMPORT = /\b(?:require|import)\s*\(\s*(['"`])([^'"`\n]+)\1|\bfrom\s*(['"])([^'"\n]+)\3|\bimport\s*(['"])([^'"\n]+)\5/gu;

/** The packages whose presence matters to Clarifai auth (the Node SDKs and a separately required grpc-js). */
const TRACKED_JS = new Set(['@grpc/grpc-js', 'grpc', 'clarifai-nodejs-grpc', 'clarifai', 'clarifai-nodejs']);

export function packageRoot(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function envRead(doc: Doc, bindings: Bindings, index: number, name: string): void {
  doc.facts.envReads.push({ ...doc.site(index), name, language: doc.language });
  bindFromPrefix(bindings, doc.around(index, 300), name);
}

/** `const { X, Y: alias, Z = 'default' } = process.env`: each name is a read, each alias a binding. */
function destructured(doc: Doc, bindings: Bindings, close: number): void {
  // Look back 2,000 characters at most: an unbounded lastIndexOf rescans the whole file for every `} = process.env`.
  const from = Math.max(0, close - 2000);
  const found = doc.text.slice(from, close + 1).lastIndexOf('{');
  if (found === -1) return;
  const open = from + found;
  const list = doc.text.slice(open + 1, close);
  const listStart = open + 1;
  let offset = 0;
  for (const raw of list.split(',')) {
    const at = listStart + offset + (raw.length - raw.trimStart().length);
    offset += raw.length + 1;
    const entry = raw.trim();
    if (entry === '' || entry.startsWith('...')) continue;
    const e = /^(?:(['"])([^'"]+)\1|([A-Za-z_$][\w$]*))\s*(?::\s*([A-Za-z_$][\w$]*))?/u.exec(entry);
    if (!e) continue;
    const name = e[2] ?? e[3]!;
    doc.facts.envReads.push({ ...doc.site(at), name, language: doc.language });
    const local = e[4] ?? name;
    bindings.set(local, [...new Set([...(bindings.get(local) ?? []), name])]);
  }
}

export function extractJs(doc: Doc): void {
  const text = doc.text;
  const bindings: Bindings = new Map();
  if (text.includes('.env') || text.includes('. env')) {
    for (const m of text.matchAll(ENV_OBJECT)) {
      const after = AFTER_ENV.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 200));
      // `Deno.env.get('X')` is the only Deno form; `process.env.get` is a variable named get.
      const deno = m[0] === 'Deno.env';
      const name = after ? (deno ? after[2] : (after[3] ?? after[5])) : undefined;
      if (name) envRead(doc, bindings, m.index, name);
      else if (!name && /\}\s*=\s*$/u.test(text.slice(Math.max(0, m.index - 20), m.index))) destructured(doc, bindings, text.lastIndexOf('}', m.index));
    }
  }
  const firstUrl = doc.facts.urls.length;
  codeUrls(doc, 'js');
  const firstHeader = doc.facts.authHeaders.length;
  codeHeaders(doc, 'js', bindings);
  attachUrls(doc, firstHeader, firstUrl);
  // Imports matter only in a file that talks to Clarifai (a lone @grpc/grpc-js is no one's business).
  if (doc.clarifai) {
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[2] ?? m[4] ?? m[6]!;
      const root = packageRoot(spec);
      if (TRACKED_JS.has(root)) doc.facts.imports.push({ ...doc.site(m.index), module: root });
    }
  }
}
