// Parses one dotenv file with dotenv's own parser and locates every assignment it honours by line.
import dotenv from 'dotenv';
import type { EnvFile, EnvFileEntry } from '../types/evidence.js';
import { readTextFile } from './read-text-file.js';

/** Lines that dotenv's parser could treat as an assignment (it decides; this only finds candidates). */
const ASSIGNMENT = /^\s*(?:export\s+)?([\w.-]+)(?:\s*=|:\s)/u;

export function parseEnvText(bytes: Buffer): Pick<EnvFile, 'text' | 'lines' | 'parsed' | 'entries' | 'hasBom' | 'hasCrlf'> {
  const text = bytes.toString('utf8');
  const parsed = dotenv.parse(bytes);
  const lines = text.split('\n');
  const candidates: { name: string; index: number }[] = [];
  lines.forEach((line, index) => {
    const m = ASSIGNMENT.exec(index === 0 ? line.replace(/^\uFEFF/u, '') : line);
    if (m && Object.hasOwn(parsed, m[1]!)) candidates.push({ name: m[1]!, index });
  });
  const entries: EnvFileEntry[] = [];
  candidates.forEach((c, i) => {
    const next = candidates.slice(i + 1).find((d) => d.name === c.name);
    // Parse just this occurrence, with dotenv itself, so multi-line and quoted values stay exact.
    const slice = lines.slice(c.index, next ? next.index : undefined).join('\n');
    const value = dotenv.parse(slice)[c.name];
    if (value !== undefined) entries.push({ name: c.name, value, line: c.index + 1, raw: lines[c.index]! });
  });
  return {
    text,
    lines,
    parsed,
    entries,
    hasBom: text.startsWith('\uFEFF'),
    hasCrlf: text.includes('\r\n'),
  };
}

export function readEnvFile(
  path: string,
  display: string,
  placement: Pick<EnvFile, 'loaded' | 'reason' | 'priority'>,
): EnvFile {
  const result = readTextFile(path);
  if (!result.ok) {
    return {
      path,
      display,
      ...placement,
      text: '',
      lines: [],
      parsed: {},
      entries: [],
      hasBom: false,
      hasCrlf: false,
      unreadable: result.reason,
    };
  }
  return { path, display, ...placement, ...parseEnvText(result.bytes) };
}
