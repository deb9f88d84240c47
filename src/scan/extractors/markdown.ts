// Markdown: fenced code blocks (bash/sh/console/curl, js/ts, python, http, yaml, Dockerfile) run through their language's extractor.
import type { SourceLanguage } from '../../types/code-evidence.js';
import type { Doc } from '../doc.js';
import { maskKeys } from '../text.js';
import { isClarifaiUrl } from './common.js';
import { AUTH_HEADER_NAME } from './headers.js';

export type BlockKind = 'shell' | 'console' | 'js' | 'python' | 'pycon' | 'http' | 'dockerfile' | 'yaml';

const KINDS: Record<string, BlockKind> = {
  bash: 'shell', sh: 'shell', shell: 'shell', zsh: 'shell', curl: 'shell', ksh: 'shell',
  console: 'console', 'shell-session': 'console', 'sh-session': 'console', terminal: 'console', shellsession: 'console',
  js: 'js', javascript: 'js', jsx: 'js', ts: 'js', typescript: 'js', tsx: 'js', mjs: 'js', cjs: 'js', node: 'js', nodejs: 'js',
  python: 'python', py: 'python', python3: 'python', ipython: 'python', pycon: 'pycon',
  http: 'http', dockerfile: 'dockerfile', docker: 'dockerfile', yaml: 'yaml', yml: 'yaml',
};

export interface Block {
  kind: BlockKind;
  /** 1-based line of the first content line. */
  firstLine: number;
  text: string;
}

/** Fenced blocks (``` or ~~~) with a language we read; an unlabelled block that runs curl counts as shell. */
export function fencedBlocks(text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^[ \t]{0,3}(`{3,}|~{3,})[ \t]*([^\s`{]*)/u.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const info = open[2]!.toLowerCase().replace(/^\{?\.?/u, '');
    let j = i + 1;
    while (j < lines.length && !new RegExp(`^[ \\t]{0,3}${fence[0]}{${fence.length},}[ \\t]*\\r?$`, 'u').test(lines[j]!)) j++;
    const content = lines.slice(i + 1, j).join('\n');
    const kind = KINDS[info] ?? (info === '' && /^\s*(?:\$\s+)?curl\s/mu.test(content) ? 'console' : undefined);
    if (kind) blocks.push({ kind, firstLine: i + 2, text: content });
    i = j;
  }
  return blocks;
}

/** Console transcripts: keep commands (prompts blanked so columns stay), blank the output lines. */
export function stripPrompts(text: string, prompt: RegExp, continuation?: RegExp): string {
  let inCommand = false;
  return text
    .split('\n')
    .map((line) => {
      const p = prompt.exec(line) ?? (continuation ? continuation.exec(line) : null);
      if (p) {
        inCommand = /\\\r?$/u.test(line);
        return ' '.repeat(p[0].length) + line.slice(p[0].length);
      }
      if (inCommand) {
        inCommand = /\\\r?$/u.test(line);
        return line;
      }
      return '';
    })
    .join('\n');
}

/** A raw HTTP request: `POST https://api.clarifai.com/v2/… HTTP/1.1` then `Authorization: Key …`. */
function extractHttp(doc: Doc): void {
  const lines = doc.text.split('\n');
  let url: string | undefined;
  let offset = 0;
  for (const [n, line] of lines.entries()) {
    const request = /^\s*([A-Z]+)\s+(\S+)(?:\s+HTTP\/[\d.]+)?\s*$/u.exec(line);
    if (request && !url) {
      url = request[2]!;
      if (isClarifaiUrl(url, doc.clarifai)) doc.facts.urls.push({ ...doc.site(offset + line.indexOf(url)), url: maskKeys(url), method: request[1]!, kind: 'rest' });
    }
    const header = /^\s*([\w-]+)\s*:\s*(.*?)\s*$/u.exec(line);
    if (header && n > 0 && AUTH_HEADER_NAME.test(header[1]!)) {
      doc.facts.authHeaders.push({
        ...doc.site(offset + line.indexOf(header[1]!)),
        name: header[1]!,
        value: maskKeys(header[2]!),
        transport: 'http',
        envNames: [...header[2]!.matchAll(/\$\{?([A-Za-z_]\w*)/gu)].map((m) => m[1]!),
        ...(url ? { url: maskKeys(url) } : {}),
      });
    }
    if (line.trim() === '' && url) break;
    offset += line.length + 1;
  }
}

export interface BlockExtractors {
  shell(doc: Doc): void;
  js(doc: Doc): void;
  python(doc: Doc): void;
  dockerfile(doc: Doc): void;
  yaml(doc: Doc): void;
}

export function extractMarkdown(doc: Doc, run: BlockExtractors): void {
  for (const block of fencedBlocks(doc.text)) {
    const at = (text: string, language: SourceLanguage) => doc.subAtLine(text, language, block.firstLine);
    switch (block.kind) {
      case 'shell':
        run.shell(at(block.text, 'markdown'));
        break;
      case 'console':
        run.shell(at(stripPrompts(block.text, /^\s*(?:\(\S+\)\s*)?(?:[\w@.~:/-]*)?[$%#]\s/u), 'markdown'));
        break;
      case 'js':
        run.js(at(block.text, 'markdown'));
        break;
      case 'python':
        run.python(at(block.text, 'markdown'));
        break;
      case 'pycon':
        run.python(at(stripPrompts(block.text, /^>>> ?/u, /^\.\.\. ?/u), 'markdown'));
        break;
      case 'http':
        extractHttp(at(block.text, 'markdown'));
        break;
      case 'dockerfile':
        run.dockerfile(at(block.text, 'markdown'));
        break;
      case 'yaml':
        run.yaml(at(block.text, 'markdown'));
        break;
    }
  }
}
