// Real grammars (tree-sitter, the grammars' own published wasm files) that tell code from comments, docstrings and prose heredocs.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Language, Node, Parser } from 'web-tree-sitter';

export type GrammarName = 'javascript' | 'typescript' | 'tsx' | 'python' | 'bash';

/** The wasm file each grammar's own npm package publishes. */
const WASM: Record<GrammarName, [pkg: string, file: string]> = {
  javascript: ['tree-sitter-javascript', 'tree-sitter-javascript.wasm'],
  typescript: ['tree-sitter-typescript', 'tree-sitter-typescript.wasm'],
  tsx: ['tree-sitter-typescript', 'tree-sitter-tsx.wasm'],
  python: ['tree-sitter-python', 'tree-sitter-python.wasm'],
  bash: ['tree-sitter-bash', 'tree-sitter-bash.wasm'],
};

/**
 * Files that mention none of these are read without a parser (the TruffleHog `Keywords()` idea): a comment can only
 * mislead a Clarifai check when it names Clarifai, an auth header or an API path, and parsing costs far more than this test.
 */
const KEYWORDS = /clarifai|authori[sz]ation|x-api-key|api[-_]key|\/v[12]\/|grpc|bearer/iu;

export function worthParsing(text: string): boolean {
  return KEYWORDS.test(text);
}

let parserModule: Promise<typeof import('web-tree-sitter')> | undefined;
const languages = new Map<GrammarName, Language>();
const loading = new Map<GrammarName, Promise<void>>();
let parser: Parser | undefined;

/** Loads a grammar once (web-tree-sitter and each wasm file are loaded only when a file first needs them). */
export function loadGrammar(name: GrammarName): Promise<void> {
  if (languages.has(name)) return Promise.resolve();
  let pending = loading.get(name);
  if (!pending) {
    pending = (async () => {
      parserModule ??= import('web-tree-sitter').then(async (m) => {
        await m.Parser.init();
        return m;
      });
      const m = await parserModule;
      const require = createRequire(import.meta.url);
      const [pkg, file] = WASM[name];
      languages.set(name, await m.Language.load(join(dirname(require.resolve(`${pkg}/package.json`)), file)));
      parser ??= new m.Parser();
    })();
    loading.set(name, pending);
  }
  return pending;
}

export function loadGrammars(names: Iterable<GrammarName>): Promise<void> {
  return Promise.all([...new Set(names)].map(loadGrammar)).then(() => undefined);
}

export const ALL_GRAMMARS: GrammarName[] = ['javascript', 'typescript', 'tsx', 'python', 'bash'];

/** The grammar for a JS-family file by its extension; `tsx` (a superset that reads JS, JSX and most TS) for code blocks and cells. */
export function jsGrammar(file: string): GrammarName | undefined {
  const ext = /\.([a-z]+)$/iu.exec(file)?.[1]?.toLowerCase();
  if (ext === 'js' || ext === 'mjs' || ext === 'cjs' || ext === 'jsx') return 'javascript';
  if (ext === 'ts' || ext === 'mts' || ext === 'cts') return 'typescript';
  if (ext === 'tsx') return 'tsx';
  // Vue, Svelte and Astro files are HTML around a script: no JS grammar reads them whole.
  if (ext === 'vue' || ext === 'svelte' || ext === 'astro') return undefined;
  return 'tsx';
}

export function grammarLoaded(name: GrammarName): boolean {
  return languages.has(name);
}

/** Commands that run a heredoc as a script; any other command's heredoc (`cat <<EOF`) is text. */
const SHELLS = /^(?:ba|z|k|da|fi)?sh$|^(?:ssh|sudo|eval|source|\.|python[\d.]*|node|docker|kubectl|xargs)$/u;

/**
 * Parses a text once and hands the tree to `use` (prose ranges, request records), then frees it: web-tree-sitter trees
 * live in wasm memory and are not garbage collected. Undefined when the grammar was not loaded (scan-file loads it for
 * every code file it reads, and for notebooks and Markdown that the prefilter passes).
 */
export function withTree<T>(text: string, name: GrammarName, use: (root: Node) => T): T | undefined {
  const language = languages.get(name);
  if (!language || !parser) return undefined;
  parser.setLanguage(language);
  const tree = parser.parse(text);
  if (!tree) return undefined;
  try {
    return use(tree.rootNode);
  } finally {
    tree.delete();
  }
}

/**
 * Visits every node of a tree in document order with one cursor (no recursion, no child arrays, so deep code cannot
 * overflow the stack); stops early when `visit` returns false.
 */
export function eachNode(root: Node, visit: (node: Node) => boolean | void): void {
  const cursor = root.walk();
  try {
    for (;;) {
      if (visit(cursor.currentNode) === false) return;
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return;
    }
  } finally {
    cursor.delete();
  }
}

/**
 * Ranges (start, end) of the text that are not code: comments in every grammar, Python docstrings and other bare string
 * statements, and heredoc bodies a shell command does not run.
 */
export function proseRanges(text: string, name: GrammarName): [number, number][] {
  return withTree(text, name, (root) => proseRangesOf(root, name)) ?? [];
}

/** proseRanges of a tree already parsed. */
export function proseRangesOf(root: Node, name: GrammarName): [number, number][] {
  const ranges: [number, number][] = [];
  const push = (n: Node | null) => {
    if (n) ranges.push([n.startIndex, n.endIndex]);
  };
  for (const n of root.descendantsOfType('comment')) push(n);
  if (name === 'python') {
    for (const n of root.descendantsOfType('expression_statement')) {
      const only = n?.namedChildCount === 1 ? n.namedChild(0) : null;
      if (only && (only.type === 'string' || only.type === 'concatenated_string')) push(n);
    }
  }
  if (name === 'bash') {
    for (const n of root.descendantsOfType('heredoc_redirect')) {
      const command = n?.parent?.namedChildren.find((c) => c?.type === 'command');
      const program = command?.childForFieldName('name')?.text.split('/').pop() ?? '';
      if (SHELLS.test(program)) continue;
      for (const body of n!.namedChildren) if (body?.type === 'heredoc_body') push(body);
    }
  }
  return ranges;
}

/** The text with every range blanked (spaces, line breaks kept): positions stay where they were, for line and column. */
export function blank(text: string, ranges: [number, number][]): string {
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    out += text.slice(at, from) + text.slice(from, end).replace(/[^\r\n]+/gu, (run) => ' '.repeat(run.length));
    at = end;
  }
  return out + text.slice(at);
}
