// Python: os.environ / os.getenv reads, requests headers and gRPC metadata tuples, URLs, clarifai imports.
import type { Doc } from '../doc.js';
import { codeUrls } from './code-urls.js';
import { attachUrls, bindFromPrefix, codeHeaders, type Bindings } from './headers.js';

/** `os.environ['X']`, `os.environ.get('X')`, `os.getenv('X')`, and the same after `from os import environ, getenv`. */
const ENV = /(?<![\w.])(?:os\s*\.\s*)?(?:environ\s*(?:\[|\.\s*(?:get|setdefault|pop)\s*\()|getenv\s*\()\s*[rbu]?(['"])([^'"\n]+)\1(\s*\]\s*=(?!=))?/gu;
const IMPORT = /^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import\b|import[ \t]+([\w.]+(?:[ \t]+as[ \t]+\w+)?(?:[ \t]*,[ \t]*[\w.]+(?:[ \t]+as[ \t]+\w+)?)*))/gmu;
const TRACKED_PY = new Set(['clarifai', 'clarifai_grpc']);

export function extractPython(doc: Doc): void {
  const text = doc.text;
  const bindings: Bindings = new Map();
  if (text.includes('environ') || text.includes('getenv')) {
    for (const m of text.matchAll(ENV)) {
      // `os.environ['X'] = …` sets the variable; it is not a read.
      if (m[3]) continue;
      doc.facts.envReads.push({ ...doc.site(m.index), name: m[2]!, language: doc.language });
      bindFromPrefix(bindings, doc.around(m.index, 300), m[2]!);
    }
  }
  const firstUrl = doc.facts.urls.length;
  codeUrls(doc, 'python');
  const firstHeader = doc.facts.authHeaders.length;
  codeHeaders(doc, 'python', bindings);
  attachUrls(doc, firstHeader, firstUrl);
  if (text.includes('clarifai')) {
    for (const m of text.matchAll(IMPORT)) {
      const modules = m[1] ? [m[1]] : m[2]!.split(',').map((s) => s.trim().split(/\s+/u)[0]!);
      for (const mod of modules) {
        const root = mod.split('.')[0]!;
        if (TRACKED_PY.has(root)) doc.facts.imports.push({ ...doc.site(m.index + m[0].length - m[0].trimStart().length), module: root });
      }
    }
  }
}
