// Passes every language shares: key-shaped literals, `keydoctor-ignore` comments, and deciding which URLs are Clarifai's.
import type { Doc } from '../doc.js';
import {
  HOST_CANDIDATE,
  KEY_TOKEN,
  QUOTED_KEY_TOKEN,
  SUPPRESSION,
  isClarifaiLabel,
  keyLikeName,
  keyShape,
  nameBefore,
  parseSuppression,
} from '../text.js';
import { serviceOfEnvName, serviceOfHost, serviceOfIdentifier } from '../../providers/others.js';

/** Values that are placeholders or references, not keys. */
const NOT_A_VALUE = /^(?:process|os\.|import|env|\\?\$|\{|<|%|None|null|undefined|true|false|https?:)|your|here|x{4}|example|changeme|placeholder|dummy|redacted|\*{3}/iu;
/** An UPPER_SNAKE name where a value should be (`CLARIFAI_PAT` in a README table): a reference, not a key. */
const ENV_NAME = /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/u;

/** A value assigned to a Clarifai credential name (`CLARIFAI_PAT = 'abc…'`), whatever its shape: a malformed key is still a key. */
const CLARIFAI_ASSIGNMENT =
  /(?<![\w$])((?:[A-Za-z_$][\w$]*)?(?:CLARIFAI|Clarifai|clarifai)[\w$]*|PAT|pat)\s*['"]?\s*\]?\s*(?::=|[:=])\s*[frbFRB]?(['"`]?)([^\s'"`;,)\]}]{8,200})\2/gu;

/** Key-shaped literals (32 letters/digits) bound to a key-like name or sitting in a file that talks to Clarifai. */
export function keyLiterals(doc: Doc): void {
  const text = doc.text;
  const seen = new Set<number>();
  const code = doc.language === 'js' || doc.language === 'python' || doc.language === 'other';
  for (const m of text.matchAll(code && !doc.clarifai ? QUOTED_KEY_TOKEN : KEY_TOKEN)) {
    const token = m[0].slice(-32);
    const index = m.index + m[0].length - 32;
    const shape = keyShape(token);
    if (!shape) continue;
    if (index > 0 && /[A-Za-z0-9_\-/+.]/u.test(text[index - 1]!) ) continue;
    const { line } = doc.position(index);
    const prefix = doc.around(index, 160);
    const previous = line > 1 ? doc.around(index - prefix.length - 1, 160) : undefined;
    const boundTo = nameBefore(prefix, prefix.length, previous);
    // Bound to something that is not a credential (MODEL_VERSION_ID = '…', cacheKey: '…'): an id or hash.
    if (boundTo !== undefined && !keyLikeName(boundTo)) continue;
    if (boundTo === undefined && !(doc.clarifai && shape === 'hex')) continue;
    // An expected digest (`hashlib.md5(data).hexdigest() == '…'`, `expect(sha1(x)).toBe('…')`, `etag: '…'`): a hash, not a key.
    if (HASH_CONTEXT.test(prefix)) continue;
    // A test's expected value (`assert out == '…'`, `expect(x).toBe('…')`) bound to nothing: a digest or an id under test.
    if (boundTo === undefined && TEST_FILE.test(doc.file) && ASSERTION.test(prefix)) continue;
    seen.add(index);
    const service = serviceNear(boundTo, doc.around(index, 300, 300)) ?? serviceAround(doc, line);
    doc.facts.keyLiterals.push({
      ...doc.site(index, [token]),
      value: token,
      ...(boundTo !== undefined ? { boundTo } : {}),
      clarifaiContext: doc.clarifai,
      ...(service ? { service } : {}),
    });
  }
  if (!doc.clarifai) return;
  for (const m of text.matchAll(CLARIFAI_ASSIGNMENT)) {
    const [, name, , value] = m;
    const at = m.index + m[0].length - value!.length - m[2]!.length;
    // In code an unquoted value is an identifier, not a literal.
    const code = doc.language === 'js' || doc.language === 'python' || doc.language === 'notebook';
    if (seen.has(at) || !keyLikeName(name) || NOT_A_VALUE.test(value!) || ENV_NAME.test(value!) || (code && m[2] === '')) continue;
    doc.facts.keyLiterals.push({ ...doc.site(at, [value!]), value: value!, boundTo: name!, clarifaiContext: true });
  }
}

/** What comes before a hash's expected value on its line: a digest call, or a name that says hash. */
const HASH_CONTEXT = /hexdigest\s*\(|\.digest\s*\(|createHash\s*\(|\b(?:md5|sha-?(?:1|224|256|384|512)?)(?:sum)?\b|hash|checksum|digest|etag|fingerprint/iu;

const TEST_FILE = /(?:^|\/)(?:tests?|__tests__|spec)\/|(?:^|\/)test_[^/]*\.py$|_test\.py$|\.(?:test|spec)\.[cm]?[jt]sx?$/u;
const ASSERTION = /\bassert|\bexpect\s*\(|\.to(?:Be|Equal|StrictEqual|Match)\s*\(|assert\w*\s*\(|==\s*[rbu]?['"`]?$/u;

/** The other service a key belongs to: the name it is bound to, else another service's URL on its line. */
function serviceNear(boundTo: string | undefined, line: string): string | undefined {
  if (boundTo !== undefined) {
    if (/clarifai/iu.test(boundTo)) return undefined;
    const named = serviceOfEnvName(boundTo) ?? serviceOfIdentifier(boundTo);
    if (named) return named.name;
  }
  if (/clarifai/iu.test(line)) return undefined;
  for (const m of line.matchAll(/https?:\/\/([a-z0-9.-]+)/giu)) {
    const service = serviceOfHost(m[1]!);
    if (service) return service.name;
  }
  return undefined;
}

/** Service names as code spells them (packages, clients, hosts): `require('twilio')`, `new GiphyFetch(…)`, `anthropic.Anthropic(`. */
const SERVICE_WORD = /\b(twilio|giphy|anthropic|openai|huggingface|azure|replicate|cohere|groq|mistral)/giu;

/**
 * The one other service the lines around a key name (two before, two after): `const authToken = '…'` above
 * `require('twilio')(sid, authToken)`. Nothing when Clarifai is named there too, or more than one service is.
 */
function serviceAround(doc: Doc, line: number): string | undefined {
  const near: string[] = [];
  for (let l = Math.max(1, line - 2); l <= line + 2; l++) near.push(doc.lineText(l).slice(0, 400));
  const text = near.join('\n');
  if (/clarifai/iu.test(text)) return undefined;
  const found = new Set<string>();
  for (const m of text.matchAll(SERVICE_WORD)) {
    const service = serviceOfIdentifier(m[1]!);
    if (service) found.add(service.name);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** `keydoctor-ignore[: id, id] [-- reason]` anywhere on a line (any comment syntax). */
export function suppressions(doc: Doc): void {
  if (!doc.text.includes('keydoctor-ignore')) return;
  for (const m of doc.text.matchAll(SUPPRESSION)) {
    const { ids, reason } = parseSuppression(m[1], m[2]);
    const site = doc.site(m.index);
    doc.facts.suppressions.push({ file: site.file, line: site.line, reason, ids });
  }
}

export interface UrlParts {
  scheme?: string;
  host?: string;
  path: string;
}

/** Splits a URL template; a template that starts with `${…}` has no literal host. */
export function urlParts(url: string): UrlParts {
  const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/\s:$?#{}]+\.[a-z]{2,}|localhost|\d+\.\d+\.\d+\.\d+)?(?::\d+)?(.*)$/iu.exec(url);
  if (!m) return { path: url };
  return { ...(m[1] ? { scheme: m[1].toLowerCase() } : {}), ...(m[2] ? { host: m[2].toLowerCase() } : {}), path: m[3] ?? '' };
}

export function isClarifaiHost(host: string): boolean {
  const labels = host.split('.');
  return labels.length >= 2 && isClarifaiLabel(labels[labels.length - 2]!);
}

const API_PATH = /^(?:\$\{[^}]*\})?\/v[12](?:[/?#]|$)/u;

/**
 * Whether a URL found in code is worth judging: a Clarifai (or typo'd) host other than website links,
 * or an API path (`/v2/…`, `${base}/v2/…`) in a file that talks to Clarifai.
 */
/** A last label that is a file extension: `clarifai.json` without a scheme is a file (curl -o, a path), not a host. */
const FILE_EXTENSION = /\.(?:json|jsonl|txt|csv|tsv|log|ya?ml|toml|xml|html?|md|py|js|ts|sh|jpe?g|png|gif|webp|zip|gz|tar|pkl|bin|out)$/u;

export function isClarifaiUrl(url: string, clarifaiContext: boolean): boolean {
  const { scheme, host, path } = urlParts(url.trim());
  if (host) {
    if (!isClarifaiHost(host) || (!scheme && FILE_EXTENSION.test(host))) return false;
    const label = host.split('.').slice(-2)[0]!;
    const website = /^(?:www\.|docs\.|portal\.|help\.|community\.|status\.|blog\.|samples\.)?clarifai\.com$/u.test(host) && label === 'clarifai';
    return !website || API_PATH.test(path);
  }
  const rest = url.replace(/^\$\{[^}]*\}/u, '');
  return (clarifaiContext || /CLARIFAI/iu.test(url)) && (API_PATH.test(url) || /^\/v[12](?:[/?#]|$)/u.test(rest));
}

/** `grpc-base` for host[:port] targets and anything said in a gRPC context; REST otherwise. */
export function urlKind(url: string, grpcContext: boolean): 'rest' | 'grpc-base' {
  const { scheme, path } = urlParts(url.trim());
  if (grpcContext) return 'grpc-base';
  return !scheme && path === '' && !url.startsWith('/') ? 'grpc-base' : 'rest';
}

/** Start indexes of Clarifai host mentions (and typos) in a text. */
export function clarifaiHostHits(text: string): number[] {
  const hits: number[] = [];
  for (const m of text.matchAll(HOST_CANDIDATE)) {
    if (m.index > 0 && /[A-Za-z0-9_]/u.test(text[m.index - 1]!)) continue;
    if (isClarifaiLabel(m[0].slice(0, m[0].indexOf('.')))) hits.push(m.index);
  }
  return hits;
}

/** Clarifai URLs written as plain text (YAML values, config files, prose code): the token around each hit. */
export function plainTextUrls(doc: Doc): void {
  const text = doc.text;
  const hits = clarifaiHostHits(text);
  if (doc.clarifai) for (const m of text.matchAll(/\/v[12]\//gu)) hits.push(m.index);
  let lastEnd = -1;
  for (const hit of hits.sort((a, b) => a - b)) {
    if (hit < lastEnd) continue;
    let start = hit;
    while (start > 0 && !/[\s'"`<>()[\]{},|=;]/u.test(text[start - 1]!)) start--;
    // Keep `${BASE}` in front of a path.
    if (text[start - 1] === '}' || (text[start - 1] === '{' && text[start - 2] === '$')) {
      // Only the last 80 characters: an unbounded lastIndexOf rescans a megabyte line for every hit.
      const from = Math.max(0, start - 80);
      const open = text.slice(from, start + 2).lastIndexOf('${');
      if (open !== -1 && from + open > start - 80) start = from + open;
    }
    let end = hit;
    while (end < text.length && !/[\s'"`<>()[\],|;\\]/u.test(text[end]!)) end++;
    lastEnd = end;
    const url = text.slice(start, end).replace(/[.:]+$/u, '');
    if (!isClarifaiUrl(url, doc.clarifai)) continue;
    doc.facts.urls.push({ ...doc.site(start), url, kind: urlKind(url, /grpc/iu.test(doc.around(start, 200, 200))) });
  }
}
