// Clarifai URLs in JS and Python string literals, rendered with their concatenations, and the HTTP method when the call shows it.
import type { Doc } from '../doc.js';
import { renderExpression, skipBalanced } from '../expression.js';
import { maskKeys } from '../text.js';
import { clarifaiHostHits, isClarifaiUrl, urlKind } from './common.js';

type Lang = 'js' | 'python';

const VERBS = 'get|post|put|patch|delete|head|options';

/**
 * Where the line holding `index` starts, looking back at most `limit` characters. `lastIndexOf('\n', index)` alone
 * scans a one-line 20 MB file back to its start for every hit: quadratic.
 */
function lineStartWithin(text: string, index: number, limit: number): number {
  const from = Math.max(0, index - limit);
  const nl = text.slice(from, index).lastIndexOf('\n');
  return nl === -1 ? from : from + nl + 1;
}

/** The string literal around `hit` on its line: start at the opening quote, or undefined when `hit` is not in a string. */
function enclosingString(text: string, hit: number, lang: Lang): number | undefined {
  // Look back at most 2,000 characters: a very long line must not make this quadratic.
  const lineStart = lineStartWithin(text, hit, 2000);
  // Comments (`// see api.clarifia.com`, JSDoc ` * `clarifai.com``) are prose, not calls.
  if (/^\s*(?:\*|\/\*|\/\/|#)/u.test(text.slice(lineStart, Math.min(hit, lineStart + 200)))) return undefined;
  let open = -1;
  let quote = '';
  for (let i = lineStart; i < hit; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (lang === 'js' ? c === '/' && text[i + 1] === '/' : c === '#') {
      return undefined;
    } else if (c === '"' || c === "'" || c === '`') {
      quote = c;
      open = i;
    }
  }
  return quote ? open : undefined;
}

function methodInOptions(text: string, from: number): string | undefined {
  const m = /^\s*,\s*\{/u.exec(text.slice(from, from + 40));
  if (!m) return /^\s*\)/u.test(text.slice(from, from + 20)) ? 'GET' : undefined;
  const open = from + m[0].length - 1;
  const close = skipBalanced(text, open, open + 2000);
  if (close === -1) return undefined;
  const method = /\bmethod\s*:\s*['"`](\w+)['"`]/u.exec(text.slice(open, close));
  return method ? method[1]!.toUpperCase() : 'GET';
}

function jsMethod(text: string, before: string, start: number, end: number): string | undefined {
  const verb = new RegExp(`[\\w$\\]).]\\s*\\.\\s*(${VERBS})\\s*\\(\\s*$`, 'iu').exec(before);
  if (verb) return verb[1]!.toUpperCase();
  if (/\bfetch\s*\(\s*$/u.test(before)) return methodInOptions(text, end);
  if (/\burl\s*:\s*$/u.test(before)) {
    const around = text.slice(Math.max(0, start - 300), end + 300);
    const method = /\bmethod\s*:\s*['"`](\w+)['"`]/u.exec(around);
    return method ? method[1]!.toUpperCase() : undefined;
  }
  const bound = /(?:^|[^\w$.])([A-Za-z_$][\w$]*)\s*=\s*$/u.exec(before);
  if (bound) {
    const later = text.slice(end, end + 4000);
    const use = new RegExp(`(\\bfetch|\\.\\s*(${VERBS}))\\s*\\(\\s*${bound[1]!.replace(/\$/gu, '\\$')}\\b`, 'u').exec(later);
    if (use) return use[2] ? use[2].toUpperCase() : methodInOptions(text, end + use.index + use[0].length);
  }
  return undefined;
}

function pythonMethod(text: string, before: string, end: number): string | undefined {
  const verb = new RegExp(`\\.\\s*(${VERBS})\\s*\\(\\s*(?:url\\s*=\\s*)?$`, 'iu').exec(before);
  if (verb) return verb[1]!.toUpperCase();
  const request = /\brequest\s*\(\s*(?:method\s*=\s*)?['"](\w+)['"]\s*,\s*(?:url\s*=\s*)?$/iu.exec(before);
  if (request) return request[1]!.toUpperCase();
  const bound = /(?:^|[^\w.])([A-Za-z_]\w*)\s*=\s*$/u.exec(before);
  if (bound) {
    const use = new RegExp(`\\.\\s*(${VERBS})\\s*\\(\\s*(?:url\\s*=\\s*)?${bound[1]}\\b`, 'iu').exec(text.slice(end, end + 4000));
    if (use) return use[1]!.toUpperCase();
    const req = new RegExp(`\\brequest\\s*\\(\\s*['"](\\w+)['"]\\s*,\\s*(?:url\\s*=\\s*)?${bound[1]}\\b`, 'iu').exec(text.slice(end, end + 4000));
    if (req) return req[1]!.toUpperCase();
  }
  return undefined;
}

export function codeUrls(doc: Doc, lang: Lang): void {
  const text = doc.text;
  const hits = clarifaiHostHits(text);
  if (doc.clarifai) for (const m of text.matchAll(/\/v[12](?=[/'"`?#])/gu)) hits.push(m.index);
  let lastEnd = -1;
  for (const hit of hits.sort((a, b) => a - b)) {
    if (hit < lastEnd) continue;
    let start = enclosingString(text, hit, lang);
    if (start === undefined) continue;
    if (lang === 'python') {
      const prefix = /[rRbBuUfF]{1,2}$/u.exec(text.slice(Math.max(0, start - 2), start));
      if (prefix && !/\w/u.test(text[start - prefix[0].length - 1] ?? ' ')) start -= prefix[0].length;
    }
    const rendered = renderExpression(text, start, lang);
    if (!rendered) continue;
    lastEnd = Math.max(hit + 1, rendered.end);
    let before = text.slice(lineStartWithin(text, start, 200), start);
    let url = rendered.template;
    const plus = /([A-Za-z_$][\w$.]*(?:\[[^\]]*\])?)\s*\+\s*$/u.exec(before);
    if (plus) {
      url = `\${${plus[1]}}${url}`;
      before = before.slice(0, plus.index);
    }
    if (!isClarifaiUrl(url, doc.clarifai)) continue;
    const method = lang === 'js' ? jsMethod(text, before, start, rendered.end) : pythonMethod(text, before, rendered.end);
    const lineText = doc.around(start, 200, 300);
    doc.facts.urls.push({
      ...doc.site(start),
      url: maskKeys(url),
      ...(method ? { method } : {}),
      kind: urlKind(url, /grpc|secure_channel|insecure_channel|ChannelCredentials/iu.test(lineText)),
    });
  }
}
