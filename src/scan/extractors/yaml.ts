// YAML read line by line (no parser needed, garbage-tolerant): compose `environment:` and `${VAR}`, CI `env:` blocks, `run:`/`script:` shell, Clarifai URLs.
import type { Doc } from '../doc.js';
import { plainTextUrls } from './common.js';

export type YamlFlavor = 'compose' | 'actions' | 'generic';

const SCRIPT_KEYS = new Set(['run', 'script', 'before_script', 'after_script', 'command', 'entrypoint', 'commands']);

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Compose interpolates `${VAR}`, `${VAR:-default}` and `$VAR` from the host environment everywhere in the file; `$$` escapes. */
const COMPOSE_VAR = /(?<!\$)\$(?:\{([A-Za-z_]\w*)[^}]*\}|([A-Za-z_]\w*))/gu;

export function extractYaml(doc: Doc, flavor: YamlFlavor, shell: (doc: Doc) => void): void {
  const lines = doc.text.split('\n');
  const plain = [...lines];
  let envIndent = -1;
  let block: { indent: number; first: number } | undefined;
  const runScript = (from: number, to: number, blankBefore?: number) => {
    const text = lines
      .slice(from, to)
      .map((l, k) => (k === 0 && blankBefore !== undefined ? ' '.repeat(blankBefore) + l.slice(blankBefore) : l))
      .join('\n');
    for (let k = from; k < to; k++) plain[k] = '';
    shell(doc.subAtLine(text, doc.language, from + 1));
  };
  const starts: number[] = [];
  for (let i = 0, at = 0; i < lines.length; at += lines[i]!.length + 1, i++) starts.push(at);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (block) {
      if (line.trim() === '' || indentOf(line) > block.indent) continue;
      runScript(block.first, i);
      block = undefined;
    }
    if (/^\s*#/u.test(line) || line.trim() === '') continue;
    const indent = indentOf(line);
    if (envIndent >= 0 && indent <= envIndent) envIndent = -1;
    const m = /^(\s*)(-\s+)?("[^"]*"|'[^']*'|[\w.-]+)\s*:(?:\s+(.*?))?\s*$/u.exec(line);
    const key = m ? m[3]!.replace(/^["']|["']$/gu, '') : undefined;
    const value = m?.[4] ?? '';
    if (m && (key === 'env' || key === 'environment') && value === '') {
      envIndent = m[1]!.length + (m[2]?.length ?? 0);
      continue;
    }
    if (m && key && SCRIPT_KEYS.has(key) && flavor !== 'generic') {
      const valueAt = line.indexOf(value, m[1]!.length + (m[2]?.length ?? 0) + m[3]!.length);
      if (/^[|>][-+0-9]*$/u.test(value)) block = { indent: m[1]!.length + (m[2]?.length ?? 0), first: i + 1 };
      else if (value === '') {
        // A list of commands: `script:` then `- curl …` lines.
        let j = i + 1;
        while (j < lines.length && (lines[j]!.trim() === '' || /^\s*-\s/u.test(lines[j]!)) && (lines[j]!.trim() === '' || indentOf(lines[j]!) >= indent)) {
          if (lines[j]!.trim() !== '') runScript(j, j + 1, lines[j]!.indexOf('-') + 1);
          j++;
        }
        i = j - 1;
      } else if (!value.startsWith('[') && valueAt >= 0) runScript(i, i + 1, valueAt);
      continue;
    }
    if (envIndent >= 0 && flavor === 'compose') {
      // `- NAME` or `NAME:` with no value: compose passes the host's variable through.
      const listed = /^\s*-\s+(['"]?)([A-Za-z_][\w.-]*)(=.*)?\1\s*$/u.exec(line);
      const name = listed ? (listed[3] === undefined ? listed[2] : undefined) : m && value === '' ? key : undefined;
      if (name) doc.facts.envReads.push({ ...doc.site(starts[i]! + line.indexOf(name)), name, language: 'yaml' });
    }
  }
  if (block) runScript(block.first, lines.length);
  // Actions expressions: `${{ env.X }}` reads the workflow's environment (secrets.* and vars.* are not env).
  if (flavor === 'actions' && doc.text.includes('env.')) {
    for (const m of doc.text.matchAll(/\$\{\{[^}]*?\benv\.([A-Za-z_]\w*)/gu)) doc.facts.envReads.push({ ...doc.site(m.index + m[0].length - m[1]!.length), name: m[1]!, language: 'yaml' });
  }
  if (flavor === 'compose' && doc.text.includes('$')) {
    for (const m of doc.text.matchAll(COMPOSE_VAR)) doc.facts.envReads.push({ ...doc.site(m.index), name: m[1] ?? m[2]!, language: 'yaml' });
  }
  plainTextUrls(doc.sub(plain.join('\n'), doc.language, (line, column) => ({ line, column })).withSnippetsFrom(doc));
}
