// Authorization-like headers and gRPC metadata built in JS/TS and Python code, with the value rendered as a template.
import type { AuthHeaderSite } from '../../types/code-evidence.js';
import type { Doc } from '../doc.js';
import { envNamesIn, renderExpression } from '../expression.js';
import { maskKeys } from '../text.js';

type Lang = 'js' | 'python';

/** Header names that carry a credential, misspellings included. */
export const AUTH_HEADER_NAME = /^(?:authori[sz]ation|x-api-key|api-key|x-clarifai-[a-z0-9-]+)$/iu;
const NAME_IN_CODE = /authori[sz]ation|x-api-key|api-key|x-clarifai-[a-z0-9-]+/gi;

/** `identifier → env names`: `const k = process.env.X`, `k = os.getenv('X')`, destructuring aliases. */
export type Bindings = Map<string, string[]>;

/** Records `name = <expression reading env>` bindings from the text before an env read on its line. */
export function bindFromPrefix(bindings: Bindings, linePrefix: string, envName: string): void {
  // The last 300 characters are plenty for `const name: Type = `; a longer prefix would make the regex quadratic.
  linePrefix = linePrefix.slice(-300);
  const m = /(?:^|[^\w$.])((?:this\.|self\.)?[A-Za-z_$][\w$]*)\s*(?::\s*[\w<>|[\]\s]+)?=(?![=>])[^=;]*$/u.exec(linePrefix);
  if (!m) return;
  const list = bindings.get(m[1]!) ?? [];
  if (!list.includes(envName)) list.push(envName);
  bindings.set(m[1]!, list);
}

function envNamesOf(operands: string[], bindings: Bindings): string[] {
  const names = new Set<string>();
  for (const op of operands) {
    for (const n of envNamesIn(op)) names.add(n);
    const root = /^(?:this\.|self\.)?[A-Za-z_$][\w$]*/u.exec(op)?.[0];
    for (const n of bindings.get(op) ?? (root ? bindings.get(root) : undefined) ?? []) names.add(n);
  }
  return [...names];
}

interface Placement {
  valueStart: number;
  transport: AuthHeaderSite['transport'];
}

function placeJs(text: string, start: number, end: number, quoted: boolean): Placement | undefined {
  const before = text.slice(Math.max(0, start - 120), start);
  const after = text.slice(end, end + 40);
  // `{ Authorization: value }`, `'x-api-key': value` — not `'Authorization: Key …'` inside a string.
  const colon = /^\s*:(?!:)/u.exec(after);
  if (colon && (quoted || /(?:^|[{,\n])\s*$/u.test(before))) return { valueStart: end + colon[0].length, transport: 'http' };
  const comma = /^\s*,/u.exec(after);
  if (comma && quoted) {
    const call = /([\w$.\]\)]*?)\s*\.\s*(set|append|add|setHeader|setRequestHeader|header|set_header)\s*\(\s*$/u.exec(before);
    if (call) {
      const receiver = call[1] ?? '';
      const grpc = /meta/iu.test(receiver) || (call[2] === 'add' && !/header/iu.test(receiver)) || (!/header|req|xhr|res/iu.test(receiver) && /\bMetadata\b/u.test(text));
      return { valueStart: end + comma[0].length, transport: grpc ? 'grpc-metadata' : 'http' };
    }
    if (/\[\s*$/u.test(before)) return { valueStart: end + comma[0].length, transport: 'http' };
  }
  const assign = /^\s*\]?\s*=(?![=>])/u.exec(after);
  if (assign && ((quoted && /\[\s*$/u.test(before)) || (!quoted && /\.\s*$/u.test(before)))) {
    return { valueStart: end + assign[0].length, transport: 'http' };
  }
  return undefined;
}

function placePython(text: string, start: number, end: number, quoted: boolean): Placement | undefined {
  if (!quoted) return undefined;
  const before = text.slice(Math.max(0, start - 120), start);
  const after = text.slice(end, end + 40);
  const colon = /^\s*:/u.exec(after);
  if (colon) return { valueStart: end + colon[0].length, transport: 'http' };
  const comma = /^\s*,/u.exec(after);
  // `(('authorization', f'Key {k}'),)`: gRPC metadata tuples.
  if (comma && /\(\s*$/u.test(before)) return { valueStart: end + comma[0].length, transport: 'grpc-metadata' };
  if (comma && /\[\s*$/u.test(before)) return { valueStart: end + comma[0].length, transport: 'http' };
  const assign = /^\s*\]\s*=(?!=)/u.exec(after);
  if (assign && /\[\s*$/u.test(before)) return { valueStart: end + assign[0].length, transport: 'http' };
  return undefined;
}

/** Only headers that matter to a Clarifai diagnosis: in a Clarifai file, with the `Key` scheme, or from CLARIFAI_* names. */
function relevant(doc: Doc, name: string, value: string, envNames: string[]): boolean {
  return doc.clarifai || /^key\b/iu.test(value.trim()) || envNames.some((n) => /clarifai/iu.test(n)) || /^x-clarifai-/iu.test(name);
}

export function codeHeaders(doc: Doc, lang: Lang, bindings: Bindings): void {
  const text = doc.text;
  for (const m of text.matchAll(NAME_IN_CODE)) {
    const name = m[0];
    const before = text[m.index - 1] ?? '';
    const after = text[m.index + name.length] ?? '';
    if (/[\w-]/u.test(after) || /[\w-]/u.test(before)) continue;
    // Quoted only when the same quote closes right after the name: `'Authorization': …`, not `'Authorization: Key …'`.
    const quoted = /['"`]/u.test(before) && after === before;
    const start = quoted ? m.index - 1 : m.index;
    const place = (lang === 'js' ? placeJs : placePython)(text, start, m.index + name.length + (quoted ? 1 : 0), quoted);
    if (!place) continue;
    const rendered = renderExpression(text, place.valueStart, lang);
    if (!rendered) continue;
    // `Authorization: string;` in a TypeScript type is a declaration, not a value.
    if (lang === 'js' && /^\$\{(?:string|any|unknown|never|number)\}$/u.test(rendered.template)) continue;
    const envNames = envNamesOf(rendered.operands, bindings);
    if (!relevant(doc, name, rendered.template, envNames)) continue;
    doc.facts.authHeaders.push({
      ...doc.site(start),
      name,
      value: maskKeys(rendered.template),
      transport: place.transport,
      envNames,
    });
  }
}

/** Gives each header the Clarifai URL used nearest to it in the same file (within 15 lines), when there is one. */
export function attachUrls(doc: Doc, firstHeader: number, firstUrl: number): void {
  // Sorted by line and searched by halves: a file with thousands of calls would otherwise cost headers × URLs.
  const sorted = doc.facts.urls.slice(firstUrl).filter((u) => u.kind === 'rest').sort((a, b) => a.line - b.line);
  // The first URL of each line is the one a header on a nearby line takes.
  const urls = sorted.filter((u, i) => i === 0 || sorted[i - 1]!.line !== u.line);
  if (urls.length === 0) return;
  for (const h of doc.facts.authHeaders.slice(firstHeader)) {
    if (h.url !== undefined || h.file !== doc.file) continue;
    let lo = 0;
    let hi = urls.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (urls[mid]!.line < h.line) lo = mid + 1;
      else hi = mid;
    }
    // The nearest URL is at `lo` (first at or after the header) or just before it; ties go to the earlier one, as before.
    let best: { url: string; d: number } | undefined;
    for (const i of [lo - 1, lo]) {
      const u = urls[i];
      if (!u) continue;
      const d = Math.abs(u.line - h.line);
      if (d <= 15 && (!best || d < best.d)) best = { url: u.url, d };
    }
    if (best) h.url = best.url;
  }
}
