// Reads one file defensively and runs the extractor for its kind; the unit of work a worker thread does.
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
import { isManifestOnly } from './manifests/index.js';
import { scanManifest, withDependencies } from './manifests/scan.js';
import { shebangKind, type FileKind } from './languages.js';
import { extractDocumentedNames } from './credential/docs.js';
import { extractCredentialFlow } from './credential/extract.js';
import { fileFlags } from './text.js';
import { readSource } from './read.js';

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
  return longest > 10_000 && sample.length / Math.max(lines, 1) > 200 ? `minified (a line of ${longest.toLocaleString('en-US')}+ characters)` : undefined;
}

const runners = {
  common(doc: Doc) {
    keyLiterals(doc);
    suppressions(doc);
  },
  shell(doc: Doc) {
    extractShell(doc);
    extractShellLoaders(doc);
    extractClarifaiUsage(doc, 'shell');
    extractCredentialFlow(doc, 'shell');
  },
  js(doc: Doc) {
    extractJs(doc);
    extractJsLoaders(doc);
    extractClarifaiUsage(doc, 'js');
    extractCredentialFlow(doc, 'js');
  },
  python(doc: Doc) {
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
  const out = dedupeFacts(facts);
  const byPlace = (a: { line: number; column: number }, b: { line: number; column: number }) => a.line - b.line || a.column - b.column;
  for (const list of [out.envReads, out.authHeaders, out.urls, out.keyLiterals, out.imports] as { line: number; column: number }[][]) list.sort(byPlace);
  out.suppressions.sort((a, b) => a.line - b.line);
  return out;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${+(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;
}

export function scanFile(absPath: string, file: string, kind: FileKind, maxFileBytes = DEFAULT_MAX_FILE_BYTES): FileResult {
  // Lockfiles and Pipfile are read for the Clarifai packages they pin alone; package.json, requirements… for those too.
  if (isManifestOnly(file)) return scanManifest(absPath, file, maxFileBytes);
  return withDependencies(scanSource(absPath, file, kind, maxFileBytes), absPath, file, maxFileBytes);
}

/** Notebooks carry their outputs (images as base64) and are where keys leak most: they get 8 times the cap. */
const NOTEBOOK_CAP_FACTOR = 8;

function scanSource(absPath: string, file: string, kind: FileKind, maxFileBytes: number): FileResult {
  const cap = kind === 'notebook' ? maxFileBytes * NOTEBOOK_CAP_FACTOR : maxFileBytes;
  const read = readSource(absPath, cap);
  if (!read.ok) return { bytes: 0, skipped: read.tooBig ? `larger than ${formatSize(cap)} (raise with --max-file-size)` : read.reason };
  const bytes = read.bytes;
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
  let text = bytes.toString(read.encoding);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!WORTH_A_LOOK.test(text) && !(SHELLISH.has(resolved!) && text.includes('$'))) return { bytes: bytes.length };
  const facts = extractText(file, text, resolved!);
  if (typeof facts === 'string') return { bytes: 0, skipped: facts };
  return { bytes: bytes.length, ...(isEmpty(facts) ? {} : { facts }) };
}
