// Reads one file defensively and runs the extractor for its kind; the unit of work a worker thread does.
import { count } from '../core/count.js';
import type { SourceLanguage } from '../types/code-evidence.js';
import { Doc } from './doc.js';
import { dedupeFacts, emptyFacts, isEmpty, type FileFacts } from './facts.js';
import { keyLiterals, plainTextUrls, suppressions } from './extractors/common.js';
import { extractDockerfile } from './extractors/dockerfile.js';
import { extractJs } from './extractors/js.js';
import { extractMarkdown } from './extractors/markdown.js';
import { extractNotebook } from './extractors/notebook.js';
import { extractPython } from './extractors/python.js';
import { extractShell } from './extractors/shell.js';
import { extractYaml } from './extractors/yaml.js';
import { extractClarifaiUsage } from './extractors/clarifai-usage.js';
import { extractJsLoaders, extractNotebookMagics, extractPythonLoaders, extractShellLoaders } from './extractors/env-loaders.js';
import { isManifestOnly, manifestFormat, readManifest } from './manifests/index.js';
import { MAX_MANIFEST_BYTES, scanManifest, withDependencies } from './manifests/scan.js';
import { shebangKind, type FileKind } from './languages.js';
import { extractDocumentedNames } from './credential/docs.js';
import { extractCredentialFlow } from './credential/extract.js';
import { fileFlags } from './text.js';
import { locateFixSites } from './fix-sites.js';
import { classifySource, readSource } from './read.js';
import { blank, jsGrammar, loadGrammars, proseRangesOf, withTree, worthParsing, type GrammarName } from './grammar.js';
import { extractRequests, mayMakeRequests } from './requests/index.js';

export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface FileResult {
  /** Bytes read and scanned (0 when skipped). */
  bytes: number;
  /** Set when the file was looked at but could not be scanned: binary, too big, minified, unreadable … */
  skipped?: string;
  facts?: FileFacts;
}

type ReadKind = Exclude<FileKind, 'shebang'>;

const LANGUAGE: Record<ReadKind, SourceLanguage> = {
  js: 'js', python: 'python', notebook: 'notebook', shell: 'shell', markdown: 'markdown', dockerfile: 'dockerfile',
  compose: 'yaml', actions: 'yaml', yaml: 'yaml', other: 'other',
};

/** Nothing to find in a file that mentions none of these (the cheap test before any real work). */
const WORTH_A_LOOK = /env|clar|clfai|uthori[sz]|api-key|key|pat|token|secret|passw|credential|\/v[12]\/|keydoctor-ignore/iu;

const SHELLISH = new Set<FileKind>(['shell', 'dockerfile', 'compose', 'actions', 'markdown']);

const MINIFIED_SAMPLE = 256 * 1024;

/** Generated bundles: a `.min.js` name, or the first 256 KB has a line over 10,000 characters and long lines on average. */
export function minifiedReason(file: string, bytes: Buffer): string | undefined {
  if (/\.min\.[cm]?js$/iu.test(file)) return 'minified (.min.js)';
  const sample = bytes.subarray(0, MINIFIED_SAMPLE);
  // Fast exit: a line over 10,000 bytes must cover a whole aligned 5,000-byte block with no line break in it.
  let block = 0;
  while (block + 5000 <= sample.length) {
    const nl = sample.indexOf(10, block);
    if (nl === -1 || nl >= block + 5000) break;
    block += 5000;
  }
  if (block + 5000 > sample.length) return undefined;
  let longest = 0;
  let lines = 0;
  for (let start = 0; start < sample.length; lines++) {
    let nl = sample.indexOf(10, start);
    if (nl === -1) nl = sample.length;
    longest = Math.max(longest, nl - start);
    start = nl + 1;
  }
  return longest > 10_000 && sample.length / Math.max(lines, 1) > 200 ? `minified (a line of ${count(longest)}+ characters)` : undefined;
}

/**
 * What the code extractors read: the text with comments, docstrings and prose heredocs blanked by the language's real
 * grammar, for texts that pass the keyword prefilter. Key literals are read from the full text (a key in a comment is
 * still exposed).
 */
const CELL_PARSE_LIMIT = 64 * 1024;

function codeOnly(doc: Doc, grammar: GrammarName | undefined): Doc {
  if (!grammar) return doc;
  const lang = grammar === 'python' ? 'python' : grammar === 'bash' ? undefined : 'js';
  // A notebook's cells share one namespace: in a Clarifai notebook every cell is read, so constants carry to later cells.
  // (Only cells of an ordinary size: a cell of pasted data that names nothing is not worth a parse.)
  const requests = lang !== undefined && ((doc.language === 'notebook' && doc.clarifai && doc.text.length <= CELL_PARSE_LIMIT) || mayMakeRequests(doc.text));
  if (!requests && !worthParsing(doc.text)) return doc;
  // One parse serves both: the prose to blank, and (for Clarifai code) one record per outgoing request.
  const ranges = withTree(doc.text, grammar, (root) => {
    if (requests) extractRequests(doc, root, lang);
    return proseRangesOf(root, grammar);
  });
  return doc.withCodeOnly(blank(doc.text, ranges ?? []));
}

const runners = {
  common(doc: Doc) {
    keyLiterals(doc);
    suppressions(doc);
  },
  shell(doc: Doc) {
    doc = codeOnly(doc, 'bash');
    extractShell(doc);
    extractShellLoaders(doc);
    extractClarifaiUsage(doc, 'shell');
    extractCredentialFlow(doc, 'shell');
  },
  js(doc: Doc) {
    doc = codeOnly(doc, jsGrammar(doc.file));
    extractJs(doc);
    extractJsLoaders(doc);
    extractClarifaiUsage(doc, 'js');
    extractCredentialFlow(doc, 'js');
  },
  python(doc: Doc) {
    doc = codeOnly(doc, 'python');
    extractPython(doc);
    extractPythonLoaders(doc);
    extractClarifaiUsage(doc, 'python');
    extractCredentialFlow(doc, 'python');
  },
  markdown(doc: Doc) {
    extractMarkdown(doc, runners);
  },
  magics(doc: Doc) {
    extractNotebookMagics(doc);
  },
  dockerfile(doc: Doc) {
    extractDockerfile(doc, extractShell);
  },
  yaml(doc: Doc) {
    extractYaml(doc, 'generic', extractShell);
  },
};

/** Runs the extractors for one text; returns the facts, or a reason the text could not be read as its kind. */
export function extractText(file: string, text: string, kind: ReadKind): FileFacts | string {
  const facts = emptyFacts();
  const flags = fileFlags(text);
  const doc = new Doc(file, text, LANGUAGE[kind], facts, flags.clarifai);
  if (kind === 'notebook') {
    const problem = extractNotebook(doc, runners);
    if (problem) return problem;
  } else {
    keyLiterals(doc);
    if (flags.suppressions) suppressions(doc);
    switch (kind) {
      case 'js':
        runners.js(doc);
        break;
      case 'python':
        runners.python(doc);
        break;
      case 'shell':
        runners.shell(doc);
        break;
      case 'markdown':
        extractMarkdown(doc, runners);
        extractDocumentedNames(doc);
        break;
      case 'dockerfile':
        extractDockerfile(doc, extractShell);
        break;
      case 'compose':
      case 'actions':
      case 'yaml':
        extractYaml(doc, kind === 'yaml' ? 'generic' : kind, extractShell);
        break;
      case 'other':
        plainTextUrls(doc);
        break;
    }
  }
  // Headers another service receives leave the Clarifai facts here, after every runner (the credential tracer skips them too).
  if (facts.authHeaders.some((h) => h.service !== undefined)) {
    facts.otherServiceHeaders = facts.authHeaders.filter((h) => h.service !== undefined);
    facts.authHeaders = facts.authHeaders.filter((h) => h.service === undefined);
  }
  const out = dedupeFacts(facts);
  const byPlace = (a: { line: number; column: number }, b: { line: number; column: number }) => a.line - b.line || a.column - b.column;
  for (const list of [out.envReads, out.authHeaders, out.urls, out.keyLiterals, out.imports] as { line: number; column: number }[][]) list.sort(byPlace);
  out.suppressions.sort((a, b) => a.line - b.line);
  return out;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${+(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;
}

export async function scanFile(absPath: string, file: string, kind: FileKind, maxFileBytes = DEFAULT_MAX_FILE_BYTES): Promise<FileResult> {
  // Lockfiles and Pipfile are read for the Clarifai packages they pin alone; package.json, requirements… for those too.
  if (isManifestOnly(file)) return scanManifest(absPath, file, maxFileBytes);
  return withDependencies(await scanSource(absPath, file, kind, maxFileBytes), absPath, file, maxFileBytes);
}

/** The grammars a text of this kind may need (code blocks and cells can be any of them); loaded on first use. */
export function grammarsFor(kind: ReadKind, file: string): GrammarName[] {
  switch (kind) {
    case 'js': {
      const g = jsGrammar(file);
      return g ? [g] : [];
    }
    case 'python':
      return ['python'];
    case 'shell':
      return ['bash'];
    case 'notebook':
    case 'markdown':
      return ['python', 'bash', 'tsx'];
    default:
      return [];
  }
}

/** Notebooks carry their outputs (images as base64) and are where keys leak most: they get 8 times the cap. */
const NOTEBOOK_CAP_FACTOR = 8;

function sizeCap(kind: FileKind, maxFileBytes: number): { cap: number; reason: string } {
  const cap = kind === 'notebook' ? maxFileBytes * NOTEBOOK_CAP_FACTOR : maxFileBytes;
  return { cap, reason: `larger than ${formatSize(cap)} (raise with --max-file-size)` };
}

async function scanSource(absPath: string, file: string, kind: FileKind, maxFileBytes: number): Promise<FileResult> {
  const { cap, reason } = sizeCap(kind, maxFileBytes);
  const read = readSource(absPath, cap);
  if (!read.ok) return { bytes: 0, skipped: read.tooBig ? reason : read.reason };
  return scanBytes(file, kind, read.bytes, read.encoding);
}

/** scanFile for content already in memory: a blob read from the git index (`scan --staged`), judged by the same rules. */
export async function scanBlob(file: string, kind: FileKind, data: Buffer, maxFileBytes = DEFAULT_MAX_FILE_BYTES): Promise<FileResult> {
  const manifestOnly = isManifestOnly(file);
  const { cap, reason } = sizeCap(kind, manifestOnly ? Math.max(maxFileBytes, MAX_MANIFEST_BYTES) : maxFileBytes);
  if (data.length > cap) return { bytes: 0, skipped: reason };
  const read = classifySource(data);
  if (!read.ok) return { bytes: 0, skipped: read.reason };
  if (manifestOnly) return manifestResult({ bytes: read.bytes.length }, file, read.bytes.toString('utf8'));
  const result = await scanBytes(file, kind, read.bytes, read.encoding);
  return result.skipped || !manifestFormat(file) ? result : manifestResult(result, file, read.bytes.toString('utf8'));
}

/** Adds the Clarifai dependencies a manifest's text declares to a file's result. */
function manifestResult(result: FileResult, file: string, text: string): FileResult {
  const dependencies = readManifest(file, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return dependencies.length === 0 ? result : { ...result, facts: { ...(result.facts ?? emptyFacts()), dependencies } };
}

async function scanBytes(file: string, kind: FileKind, bytes: Buffer, encoding: 'utf8' | 'utf16le'): Promise<FileResult> {
  let resolved: ReadKind | undefined = kind === 'shebang' ? undefined : kind;
  if (kind === 'shebang') {
    if (bytes[0] !== 0x23 || bytes[1] !== 0x21) return { bytes: 0 };
    const nl = bytes.indexOf(10);
    resolved = shebangKind(bytes.subarray(0, nl === -1 ? Math.min(bytes.length, 200) : nl).toString('utf8')) as typeof resolved;
    if (!resolved) return { bytes: 0 };
  }
  if (resolved === 'js' || resolved === 'other') {
    const minified = minifiedReason(file, bytes);
    if (minified) return { bytes: 0, skipped: minified };
  }
  let text = bytes.toString(encoding);
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  if (!WORTH_A_LOOK.test(text) && !(SHELLISH.has(resolved!) && text.includes('$'))) return { bytes: bytes.length };
  // Loaded for every code file that gets this far, not only those the prefilter sends to the parser: the credential and
  // host readers parse the files that send a key, and what they find must not depend on which file a worker read first.
  // Notebooks and Markdown (three grammars) only when the prefilter passes: their readers parse only such texts.
  const blocks = resolved === 'notebook' || resolved === 'markdown';
  if (!blocks || worthParsing(text) || mayMakeRequests(text)) await loadGrammars(grammarsFor(resolved!, file));
  const facts = extractText(file, text, resolved!);
  if (typeof facts === 'string') return { bytes: 0, skipped: facts };
  // Code keydoctor fix may edit: located in the bytes while they are at hand (the buffer is reused for the next file).
  if (encoding === 'utf8' && (resolved === 'js' || resolved === 'python')) locateFixSites(facts, text, bytes, bom ? 3 : 0);
  return { bytes: bytes.length, ...(isEmpty(facts) ? {} : { facts }) };
}
