// Shell scripts (and shell inside Markdown, Dockerfiles, CI YAML, notebooks): $VAR reads, curl / wget / grpcurl headers and URLs, base variables.
import type { Doc } from '../doc.js';
import { maskKeys } from '../text.js';
import { isClarifaiUrl, urlKind } from './common.js';
import { AUTH_HEADER_NAME } from './headers.js';
import { hostOfUrl } from './request-host.js';
import { serviceOfHost } from '../../providers/others.js';

interface Word {
  start: number;
  end: number;
  /** The word after quote removal; expansions written `${NAME}`, single-quoted text kept literally. */
  value: string;
  envRefs: { name: string; index: number }[];
  /** `$NAME` / `${NAME}` written inside single quotes: the shell passes the text on, not the variable's value. */
  literalRefs?: string[];
}

const SPECIAL = /[0-9@#?$!*-]/u;

/** Splits shell text into simple commands of words (quotes, escapes, `$VAR`, line continuations, comments). */
export function shellCommands(text: string): Word[][] {
  const commands: Word[][] = [];
  let words: Word[] = [];
  let word: Word | undefined;
  const begin = (i: number): Word => (word ??= { start: i, end: i, value: '', envRefs: [] });
  const endWord = (i: number) => {
    if (word) {
      word.end = i;
      words.push(word);
      word = undefined;
    }
  };
  const endCommand = (i: number) => {
    endWord(i);
    if (words.length > 0) commands.push(words);
    words = [];
  };
  /** Reads `$NAME`, `${NAME…}`, `$(…)` at i; returns the index after it. */
  const expansion = (i: number, w: Word): number => {
    const next = text[i + 1] ?? '';
    if (next === '{') {
      // Bounded look-ahead: many unclosed `${` must not make the tokenizer quadratic.
      const found = text.indexOf('}', i + 2);
      const close = found !== -1 && found - i < 1000 ? found : -1;
      const inner = close === -1 ? '' : text.slice(i + 2, close);
      const name = /^[A-Za-z_][A-Za-z0-9_]*/u.exec(inner)?.[0];
      if (close === -1 || !name) {
        w.value += '$';
        return i + 1;
      }
      w.envRefs.push({ name, index: i });
      w.value += `\${${name}}`;
      return close + 1;
    }
    if (next === '(') {
      let depth = 0;
      let j = i + 1;
      for (; j < Math.min(text.length, i + 10_000); j++) {
        if (text[j] === '(') depth++;
        else if (text[j] === ')' && --depth === 0) break;
      }
      w.value += text.slice(i, j + 1);
      return j + 1;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/u.exec(text.slice(i + 1, i + 200))?.[0];
    if (name) {
      w.envRefs.push({ name, index: i });
      w.value += `\${${name}}`;
      return i + 1 + name.length;
    }
    w.value += SPECIAL.test(next) ? `$${next}` : '$';
    return SPECIAL.test(next) ? i + 2 : i + 1;
  };

  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && text[i + 1] === '\n') {
      endWord(i);
      i += 2;
    } else if (c === '\\' && text[i + 1] === '\r' && text[i + 2] === '\n') {
      endWord(i);
      i += 3;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      endWord(i);
      i++;
    } else if (c === '\n' || c === ';' || c === '|' || c === '&' || c === '(' || c === ')') {
      endCommand(i);
      i++;
    } else if (c === '#' && !word) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl;
    } else if (c === "'" || (c === '$' && text[i + 1] === "'")) {
      const w = begin(i);
      const open = c === '$' ? i + 1 : i;
      const close = text.indexOf("'", open + 1);
      const end = close === -1 ? text.length : close;
      const literal = text.slice(open + 1, end);
      // `${X}` in the value means an expansion; the literal text keeps its `$` but not the braces, so it never reads as one.
      w.value += literal.includes('$') ? literal.replace(/\$\{([A-Za-z_]\w*)\}/gu, '$$$1') : literal;
      if (literal.includes('$')) for (const m of literal.matchAll(/\$\{?([A-Za-z_]\w*)/gu)) (w.literalRefs ??= []).push(m[1]!);
      i = end + 1;
    } else if (c === '"') {
      const w = begin(i);
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) {
          const n = text[i + 1]!;
          if (n !== '\n') w.value += '$`"\\'.includes(n) ? n : `\\${n}`;
          i += 2;
        } else if (text[i] === '$') i = expansion(i, w);
        else w.value += text[i++];
      }
      i++;
    } else if (c === '$') {
      i = expansion(i, begin(i));
    } else if (c === '\\') {
      begin(i).value += text[i + 1] ?? '';
      i += 2;
    } else {
      begin(i).value += c;
      i++;
    }
  }
  endCommand(text.length);
  return commands;
}

/** curl options that take a value (so the value is not mistaken for a URL). */
const CURL_VALUE_OPTIONS = new Set([
  '-H', '--header', '-X', '--request', '-d', '--data', '--data-raw', '--data-binary', '--data-urlencode', '--data-ascii', '--json',
  '-F', '--form', '--form-string', '-o', '--output', '-u', '--user', '-A', '--user-agent', '-e', '--referer', '-b', '--cookie',
  '-c', '--cookie-jar', '-x', '--proxy', '-m', '--max-time', '--connect-timeout', '-w', '--write-out', '-T', '--upload-file',
  '--url', '--cacert', '--cert', '--key', '-K', '--config', '--retry', '--resolve', '-r', '--range', '-E', '-U', '--proxy-user',
  '--limit-rate', '-Y', '-y', '-z', '-C', '--oauth2-bearer', '--aws-sigv4', '--variable', '--url-query', '--header-file',
]);
/** Short curl options that take a value: in a cluster (`-sSLo out.json`) the value is the rest of the word or the next word. */
const CURL_SHORT_WITH_VALUE = new Set('HXdFouAebcxmwTKrEUYyzC'.split(''));
const DATA_OPTIONS = new Set(['-d', '--data', '--data-raw', '--data-binary', '--data-urlencode', '--data-ascii', '--json', '-F', '--form', '--form-string']);

interface HttpCall {
  method?: string;
  headers: { word: Word; name: string; value: string }[];
  urls: Word[];
  grpc: boolean;
}

function parseCurl(words: Word[]): HttpCall {
  const call: HttpCall = { headers: [], urls: [], grpc: false };
  let explicit: string | undefined;
  let data = false;
  let get = false;
  let head = false;
  let upload = false;
  for (let k = 1; k < words.length; k++) {
    const w = words[k]!;
    const v = w.value;
    let opt = v;
    let arg: Word | undefined;
    const long = /^(--[\w-]+)=(.*)$/su.exec(v);
    if (long) {
      opt = long[1]!;
      arg = { ...w, value: long[2]! };
    } else if (/^-[HXdF]./su.test(v)) {
      opt = v.slice(0, 2);
      arg = { ...w, value: v.slice(2) };
    } else if (CURL_VALUE_OPTIONS.has(v)) {
      arg = words[++k];
    } else if (/^-[A-Za-z0-9]{2,}$/u.test(v) && [...v.slice(1)].some((c) => CURL_SHORT_WITH_VALUE.has(c))) {
      // A cluster of short options: the first one that takes a value takes the rest of the word, or the next word.
      const letters = v.slice(1);
      const at = [...letters].findIndex((c) => CURL_SHORT_WITH_VALUE.has(c));
      if (letters.slice(0, at).includes('G')) get = true;
      if (letters.slice(0, at).includes('I')) head = true;
      opt = `-${letters[at]}`;
      const rest = letters.slice(at + 1);
      arg = rest !== '' ? { ...w, value: rest } : words[++k];
    } else if (v.startsWith('-') && v.length > 1) {
      if (v === '-G' || v === '--get' || (/^-[A-Za-z]+$/u.test(v) && v.includes('G'))) get = true;
      if (v === '-I' || v === '--head' || (/^-[A-Za-z]+$/u.test(v) && v.includes('I'))) head = true;
      continue;
    } else {
      call.urls.push(w);
      continue;
    }
    if (!arg) continue;
    if (opt === '-H' || opt === '--header') {
      const colon = arg.value.indexOf(':');
      if (colon > 0) call.headers.push({ word: arg, name: arg.value.slice(0, colon).trim(), value: arg.value.slice(colon + 1).trimStart() });
    } else if (opt === '-X' || opt === '--request') explicit = arg.value.toUpperCase();
    else if (opt === '--url') call.urls.push(arg);
    else if (opt === '--oauth2-bearer') call.headers.push({ word: arg, name: 'Authorization', value: `Bearer ${arg.value}` });
    else if (opt === '-T' || opt === '--upload-file') upload = true;
    else if (DATA_OPTIONS.has(opt)) data = true;
  }
  call.method = explicit ?? (get ? 'GET' : head ? 'HEAD' : data ? 'POST' : upload ? 'PUT' : 'GET');
  return call;
}

function parseWget(words: Word[]): HttpCall {
  const call: HttpCall = { headers: [], urls: [], grpc: false, method: 'GET' };
  for (let k = 1; k < words.length; k++) {
    const v = words[k]!.value;
    const header = /^--header(?:=(.*))?$/su.exec(v);
    if (header) {
      const arg = header[1] !== undefined ? { ...words[k]!, value: header[1] } : words[++k];
      const colon = arg?.value.indexOf(':') ?? -1;
      if (arg && colon > 0) call.headers.push({ word: arg, name: arg.value.slice(0, colon).trim(), value: arg.value.slice(colon + 1).trimStart() });
    } else if (/^--(?:post-data|post-file)/u.test(v)) call.method = 'POST';
    else if (/^--method=/u.test(v)) call.method = v.slice(9).toUpperCase();
    // `-O clarifai.json`, `-qO out`, `--output-document out`: a file name, not a URL.
    else if (/^-[A-Za-z]*[OoPaiUetTwQ]$/u.test(v) || /^--(?:output-document|output-file|append-output|directory-prefix|input-file|user-agent|tries|timeout|wait|quota|user|password|body-data|body-file|method)$/u.test(v)) k++;
    else if (!v.startsWith('-')) call.urls.push(words[k]!);
  }
  return call;
}

/** grpcurl: `-H 'authorization: Key …'` is gRPC metadata; the target is a host:port gRPC base. */
function parseGrpcurl(words: Word[]): HttpCall {
  const call: HttpCall = { headers: [], urls: [], grpc: true };
  const positional: Word[] = [];
  for (let k = 1; k < words.length; k++) {
    const v = words[k]!.value;
    if (/^-{1,2}(?:H|rpc-header|reflect-header)$/u.test(v)) {
      const arg = words[++k];
      const colon = arg?.value.indexOf(':') ?? -1;
      if (arg && colon > 0) call.headers.push({ word: arg, name: arg.value.slice(0, colon).trim(), value: arg.value.slice(colon + 1).trimStart() });
    } else if (/^-{1,2}(?:d|import-path|proto|protoset|authority|servername|cert|key|cacert|max-time|connect-timeout|format|max-msg-sz|user-agent)$/u.test(v)) k++;
    else if (!v.startsWith('-')) positional.push(words[k]!);
  }
  if (positional[0]) call.urls.push(positional[0]);
  return call;
}

/** httpie: `http POST https://api… Authorization:"Key $PAT"`. */
function parseHttpie(words: Word[]): HttpCall {
  const call: HttpCall = { headers: [], urls: [], grpc: false };
  let k = 1;
  while (words[k]?.value.startsWith('-')) k++;
  if (/^[A-Z]+$/u.test(words[k]?.value ?? '')) call.method = words[k++]!.value;
  if (words[k]) call.urls.push(words[k++]!);
  for (; k < words.length; k++) {
    const w = words[k]!;
    const h = /^([\w-]+):(?![=/@])(.*)$/su.exec(w.value);
    if (h) call.headers.push({ word: w, name: h[1]!, value: h[2]! });
    else if (/^[\w.-]+:?=/u.test(w.value) || w.value.includes('==') === false && w.value.includes('=')) call.method ??= 'POST';
  }
  call.method ??= 'GET';
  return call;
}

function commandName(words: Word[]): { name: string; at: number } | undefined {
  let k = 0;
  while (k < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/u.test(words[k]!.value)) k++;
  while (k < words.length && /^(?:sudo|exec|time|env|nohup|command|builtin|!|-\w+)$/u.test(words[k]!.value)) k++;
  const w = words[k];
  if (!w) return undefined;
  return { name: w.value.slice(w.value.lastIndexOf('/') + 1), at: k };
}

export function extractShell(doc: Doc): void {
  for (const words of shellCommands(doc.text)) {
    for (const w of words) {
      for (const ref of w.envRefs) doc.facts.envReads.push({ ...doc.site(ref.index), name: ref.name, language: doc.language });
    }
    // `export CLARIFAI_GRPC_BASE=…`, `CLARIFAI_API_BASE=…`: base URLs set in scripts.
    for (const w of words) {
      const a = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/su.exec(w.value);
      if (!a) continue;
      const [, name, value] = a;
      const grpc = /GRPC/iu.test(name!);
      if ((grpc || /_BASE$|_URL$|_HOST$|_ENDPOINT$/iu.test(name!)) && isClarifaiUrl(value!, true)) {
        doc.facts.urls.push({ ...doc.site(w.start), url: maskKeys(value!), kind: urlKind(value!, grpc) });
      }
    }
    const cmd = commandName(words);
    if (!cmd) continue;
    const args = words.slice(cmd.at);
    const call =
      cmd.name === 'curl' ? parseCurl(args) : cmd.name === 'wget' ? parseWget(args) : cmd.name === 'grpcurl' ? parseGrpcurl(args) : cmd.name === 'http' || cmd.name === 'https' ? parseHttpie(args) : undefined;
    if (!call) {
      for (const w of args.slice(1)) {
        if (/^-|=/u.test(w.value) || !isClarifaiUrl(w.value, doc.clarifai) || !/clar|\/v[12]/iu.test(w.value)) continue;
        doc.facts.urls.push({ ...doc.site(w.start), url: maskKeys(w.value), kind: urlKind(w.value, false) });
      }
      continue;
    }
    const urls = call.urls.filter((u) => isClarifaiUrl(u.value, doc.clarifai || call.headers.length > 0));
    for (const u of urls) {
      doc.facts.urls.push({
        ...doc.site(u.start),
        url: maskKeys(u.value),
        ...(call.grpc ? {} : call.method ? { method: call.method } : {}),
        kind: call.grpc ? 'grpc-base' : 'rest',
      });
    }
    // The request goes to another service (api.openai.com …): its headers are that service's business.
    const otherHost = urls.length === 0 ? call.urls.map((u) => hostOfUrl(u.value)?.host).find((h) => h !== undefined && serviceOfHost(h)) : undefined;
    for (const h of call.headers) {
      if (!AUTH_HEADER_NAME.test(h.name)) continue;
      const envNames = [...new Set(h.word.envRefs.map((r) => r.name))];
      // Only what matters to a Clarifai diagnosis: a Clarifai URL or file, the `Key` scheme, CLARIFAI_* names.
      const relevant = urls.length > 0 || doc.clarifai || /^key\b/iu.test(h.value) || envNames.some((n) => /clarifai/iu.test(n)) || /^x-clarifai-/iu.test(h.name);
      if (!relevant) continue;
      doc.facts.authHeaders.push({
        ...doc.site(h.word.start),
        name: h.name,
        value: maskKeys(h.value),
        transport: call.grpc ? 'grpc-metadata' : 'http',
        envNames,
        ...(h.word.literalRefs ? { unexpanded: [...new Set(h.word.literalRefs)] } : {}),
        ...(urls[0] && !call.grpc ? { url: maskKeys(urls[0].value) } : {}),
        ...(otherHost ? { host: otherHost, service: serviceOfHost(otherHost)!.name } : {}),
      });
    }
  }
}
