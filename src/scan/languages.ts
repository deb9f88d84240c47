// Which extractor reads a file, from its name alone (the walker must decide before opening anything).
import { isManifestOnly } from './manifests/index.js';

export type FileKind =
  | 'js'
  | 'python'
  | 'notebook'
  | 'shell'
  | 'markdown'
  | 'dockerfile'
  | 'compose'
  | 'actions'
  | 'yaml'
  | 'other'
  /** No extension: read only if a shebang names sh/bash/zsh, node or python. */
  | 'shebang';

const BY_EXTENSION: Record<string, FileKind> = {
  js: 'js', mjs: 'js', cjs: 'js', jsx: 'js', ts: 'js', mts: 'js', cts: 'js', tsx: 'js', vue: 'js', svelte: 'js', astro: 'js',
  py: 'python', pyw: 'python', pyi: 'python',
  ipynb: 'notebook',
  sh: 'shell', bash: 'shell', zsh: 'shell', ksh: 'shell', command: 'shell',
  md: 'markdown', markdown: 'markdown', mdx: 'markdown',
  yml: 'yaml', yaml: 'yaml',
  // Other languages and config formats: only key literals and Clarifai URLs are read from them.
  json: 'other', jsonc: 'other', toml: 'other', ini: 'other', cfg: 'other', conf: 'other', properties: 'other', xml: 'other',
  go: 'other', rb: 'other', php: 'other', java: 'other', kt: 'other', kts: 'other', cs: 'other', swift: 'other', rs: 'other',
  dart: 'other', scala: 'other', r: 'other', jl: 'other', lua: 'other', pl: 'other', ex: 'other', exs: 'other', c: 'other',
  cc: 'other', cpp: 'other', h: 'other', hpp: 'other', m: 'other', html: 'other', htm: 'other', tf: 'other', hcl: 'other',
  ps1: 'other', bat: 'other', cmd: 'other', gradle: 'other', sql: 'other', txt: 'other', rst: 'other', http: 'other', rest: 'other',
};

/** Files the env sources read (dotenv family): not the scan's business. */
/** The kind a shebang line names, for files without an extension. */
export function shebangKind(firstLine: string): FileKind | undefined {
  const m = /^#!\s*\S*?(?:\/env\s+(?:-\S+\s+)*)?\/?([\w.-]+)(?:\s|$)/u.exec(firstLine);
  const program = m?.[1]?.split('/').pop() ?? '';
  if (/^(?:ba|z|k|da)?sh$/u.test(program)) return 'shell';
  if (/^(?:node|deno|bun|tsx|ts-node)$/u.test(program)) return 'js';
  if (/^python[\d.]*$/u.test(program)) return 'python';
  return undefined;
}

const DOTENV = /^\.env(?:\..*)?$|\.env$|^\.envrc$|^\.flaskenv$/u;

export function fileKind(relPath: string): FileKind | undefined {
  const slash = relPath.lastIndexOf('/');
  const name = relPath.slice(slash + 1);
  const lower = name.toLowerCase();
  if (DOTENV.test(lower)) return undefined;
  // Lockfiles and Pipfile: scan-file reads them for the Clarifai packages they pin, nothing else.
  if (isManifestOnly(lower)) return 'other';
  if (/^(?:docker|container)file(?:[.-].*)?$/u.test(lower) || lower.endsWith('.dockerfile') || lower.endsWith('.containerfile')) return 'dockerfile';
  const dot = lower.lastIndexOf('.');
  if (dot <= 0) return dot === -1 && !lower.includes('license') && !/^(?:readme|changelog|authors|notice|makefile)$/u.test(lower) ? 'shebang' : undefined;
  if (/\.min\.[cm]?js$/u.test(lower)) return 'js'; // read (and reported as minified) so the skip is visible
  // TypeScript declarations hold types, not code that runs or values it sends: not read.
  if (/\.d\.[cm]?ts$/u.test(lower)) return undefined;
  const ext = lower.slice(dot + 1);
  const kind = BY_EXTENSION[ext];
  if (kind === 'yaml') {
    if (/^(?:docker-)?compose(?:[.-].*)?\.ya?ml$/u.test(lower)) return 'compose';
    if (/(?:^|\/)\.github\/workflows\/[^/]+$/u.test(relPath) || /(?:^|\/)\.gitlab-ci\.ya?ml$|(?:^|\/)\.circleci\//u.test(relPath) || lower === 'action.yml' || lower === 'action.yaml') return 'actions';
  }
  return kind;
}
