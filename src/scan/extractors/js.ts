// JavaScript / TypeScript (also JSX, TSX, .mjs, .cjs, Vue/Svelte scripts): env reads, auth headers, URLs, imports.
import type { Doc } from '../doc.js';
import { codeUrls } from './code-urls.js';
import { attachUrls, bindFromPrefix, codeHeaders, type Bindings } from './headers.js';

const ENV_DOT = /\b(?:process\s*\.\s*env|import\.meta\.env)\s*(?:\?\.|\.)\s*([A-Za-z_$][\w$]*)/gu;
const ENV_INDEX = /\b(?:process\s*\.\s*env|import\.meta\.env)\s*(?:\?\.)?\[\s*(['"`])([^'"`\n]+)\1\s*\]/gu;
const DENO = /\bDeno\.env\.get\(\s*(['"`])([^'"`\n]+)\1/gu;
const DESTRUCTURE = /\}\s*=\s*(?:process\s*\.\s*env|import\.meta\.env)\b/gu;
const IMPORT = /\b(?:require|import)\s*\(\s*(['"`])([^'"`\n]+)\1|\bfrom\s*(['"])([^'"\n]+)\3|\bimport\s*(['"])([^'"\n]+)\5/gu;

/** The packages whose presence matters to Clarifai auth (the Node SDKs and a separately required grpc-js). */
const TRACKED_JS = new Set(['@grpc/grpc-js', 'clarifai-nodejs-grpc', 'clarifai', 'clarifai-nodejs']);

export function packageRoot(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function envRead(doc: Doc, bindings: Bindings, index: number, name: string): void {
  doc.facts.envReads.push({ ...doc.site(index), name, language: doc.language });
  const lineStart = doc.text.lastIndexOf('\n', index) + 1;
  bindFromPrefix(bindings, doc.text.slice(lineStart, index), name);
}

/** `const { X, Y: alias, Z = 'default' } = process.env`: each name is a read, each alias a binding. */
function destructured(doc: Doc, bindings: Bindings, close: number): void {
  const open = doc.text.lastIndexOf('{', close);
  if (open === -1 || close - open > 2000) return;
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
  if (text.includes('env')) {
    for (const m of text.matchAll(ENV_DOT)) envRead(doc, bindings, m.index, m[1]!);
    for (const m of text.matchAll(ENV_INDEX)) envRead(doc, bindings, m.index, m[2]!);
    for (const m of text.matchAll(DENO)) envRead(doc, bindings, m.index, m[2]!);
    for (const m of text.matchAll(DESTRUCTURE)) destructured(doc, bindings, m.index);
  }
  const firstUrl = doc.facts.urls.length;
  codeUrls(doc, 'js');
  const firstHeader = doc.facts.authHeaders.length;
  codeHeaders(doc, 'js', bindings);
  attachUrls(doc, firstHeader, firstUrl);
  if (text.includes('clarifai') || text.includes('@grpc/grpc-js')) {
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[2] ?? m[4] ?? m[6]!;
      const root = packageRoot(spec);
      if (TRACKED_JS.has(root)) doc.facts.imports.push({ ...doc.site(m.index), module: root });
    }
  }
}
