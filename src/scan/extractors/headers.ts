// Authorization-like headers and gRPC metadata built in JS/TS and Python code, with the value rendered as a template.
import type { AuthHeaderSite } from '../../types/code-evidence.js';
import type { Doc } from '../doc.js';
import { envNamesIn, renderExpression } from '../expression.js';
import { maskKeys } from '../text.js';
import { grammarLoaded, jsGrammar } from '../grammar.js';
import { OTHER_SERVICE_HINT, serviceOfEnvName, serviceOfHost, serviceOfIdentifier, serviceOfKey } from '../../providers/others.js';
import { isClarifaiHost } from './common.js';
import { hostOfUrl, requestHosts } from './request-host.js';

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
  const placed: { site: AuthHeaderSite; index: number; operands: string[] }[] = [];
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
    const site: AuthHeaderSite = {
      ...doc.site(start),
      name,
      value: maskKeys(rendered.template),
      transport: place.transport,
      envNames,
    };
    doc.facts.authHeaders.push(site);
    placed.push({ site, index: start, operands: rendered.operands });
  }
  if (placed.length > 0) assignHosts(doc, lang, placed);
}

/**
 * Gives each header the host its request goes to, and the other service it belongs to: first what the syntax tree says
 * (the same call, object literal, or the call the headers variable is passed to), then what the value says (an env
 * name or variable named after another service, another service's key shape). Only texts that name another service are
 * parsed: elsewhere every header is judged as before.
 */
function assignHosts(doc: Doc, lang: Lang, placed: { site: AuthHeaderSite; index: number; operands: string[] }[]): void {
  if (!OTHER_SERVICE_HINT.test(doc.text)) return;
  const grammar = lang === 'python' ? 'python' : jsGrammar(doc.file);
  const http = placed.filter((p) => p.site.transport === 'http');
  const hosts = grammar && grammarLoaded(grammar) ? requestHosts(doc.text, grammar, http.map((p) => p.index)) : undefined;
  http.forEach((p, i) => {
    const found = hosts?.[i];
    if (found) {
      p.site.host = found.host;
      const service = serviceOfHost(found.host);
      if (service) p.site.service = service.name;
      else if (isClarifaiHost(found.host) && found.url && hostOfUrl(found.url)) p.site.url = maskKeys(found.url);
      return;
    }
    // `Key …` is Clarifai's scheme and no other service's: a name alone does not move such a header.
    const service = /^\s*key\b/iu.test(p.site.value) ? undefined : serviceOfValue(p.site.envNames, p.operands);
    if (service) p.site.service = service;
  });
}

/** The other service a header value names: `process.env.OPENAI_API_KEY`, `HF_TOKEN`, `self.anthropic_key`, an `sk-ant-…` literal. */
export function serviceOfValue(envNames: readonly string[], operands: readonly string[]): string | undefined {
  if (envNames.some((n) => /CLARIFAI/iu.test(n)) || operands.some((o) => /clarifai/iu.test(o))) return undefined;
  for (const n of envNames) {
    const s = serviceOfEnvName(n);
    if (s) return s.name;
  }
  for (const o of operands) {
    const literal = /^(['"`])(.*)\1$/su.exec(o.trim())?.[2];
    const s = literal !== undefined ? serviceOfKey(literal) : serviceOfIdentifier(o.replace(/^(?:this|self)\./u, '').split(/[.([]/u).at(-1) ?? o);
    if (s) return s.name;
  }
  return undefined;
}

/** Gives each header the Clarifai URL used nearest to it in the same file (within 15 lines), when there is one. */
export function attachUrls(doc: Doc, firstHeader: number, firstUrl: number): void {
  // Sorted by line and searched by halves: a file with thousands of calls would otherwise cost headers × URLs.
  // Other services' URLs take part too: a header nearest to api.openai.com goes there, not to the Clarifai URL 12 lines up.
  const others = otherServiceUrls(doc);
  const sorted = [...doc.facts.urls.slice(firstUrl).filter((u) => u.kind === 'rest'), ...others].sort((a, b) => a.line - b.line);
  // The first URL of each line is the one a header on a nearby line takes.
  const urls = sorted.filter((u, i) => i === 0 || sorted[i - 1]!.line !== u.line);
  if (urls.length === 0) return;
  for (const h of doc.facts.authHeaders.slice(firstHeader)) {
    if (h.url !== undefined || h.host !== undefined || h.service !== undefined || h.file !== doc.file) continue;
    let lo = 0;
    let hi = urls.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (urls[mid]!.line < h.line) lo = mid + 1;
      else hi = mid;
    }
    // The nearest URL is at `lo` (first at or after the header) or just before it; ties go to the earlier one, as before.
    let best: { url: string; d: number; service?: string } | undefined;
    for (const i of [lo - 1, lo]) {
      const u = urls[i];
      if (!u) continue;
      const d = Math.abs(u.line - h.line);
      if (d <= 15 && (!best || d < best.d)) best = { url: u.url, d, ...('service' in u ? { service: u.service } : {}) };
    }
    if (best?.service !== undefined && h.transport === 'http') {
      h.service = best.service;
      h.host = hostOfUrl(best.url)?.host ?? '';
    } else if (best && best.service === undefined) h.url = best.url;
  }
}

/** URLs of other services written in the text (`'https://api.openai.com/v1/…'`), by line: only when the text names one. */
function otherServiceUrls(doc: Doc): { line: number; url: string; service: string }[] {
  if (!OTHER_SERVICE_HINT.test(doc.text)) return [];
  const out: { line: number; url: string; service: string }[] = [];
  for (const m of doc.text.matchAll(/https?:\/\/[^\s'"`<>()\\]+/gu)) {
    const host = hostOfUrl(m[0])?.host;
    const service = host ? serviceOfHost(host) : undefined;
    if (!service) continue;
    const at = doc.position(m.index);
    out.push({ line: doc.placer ? doc.placer(at.line, at.column).line : at.line, url: m[0], service: service.name });
  }
  return out;
}
