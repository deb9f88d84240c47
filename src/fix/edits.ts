// The mechanical fixes checks attach to findings, computed purely from the evidence: byte-range edits into files the diagnosis read.
//
// Every edit here deletes damage or rewrites a name or a line ending: none inserts a key, so a fix can be shown,
// stored in JSON or carried by SARIF without the key ever being written anywhere it was not already.
import type { KeyAnalysis } from '../providers/clarifai/key-format.js';
import type { AuthHeaderSite, EnvRead } from '../types/code-evidence.js';
import type { Autofix, FixEdit } from '../types/diagnostic.js';
import type { EnvFile, EnvFileEntry } from '../types/evidence.js';
import type { EnvLocation } from '../types/location.js';

/** What a key check removes from a value: its own kind of damage only, so two checks' edits never overlap. */
export type ValueDamage = 'whitespace' | 'invisible' | 'wrappers' | 'scheme';

const DAMAGE_WORDS: Record<ValueDamage, string> = {
  whitespace: 'the whitespace',
  invisible: 'the invisible characters',
  wrappers: 'the stray quotes',
  scheme: 'the pasted scheme word',
};

const decodedCleanly = new WeakMap<EnvFile, boolean>();

/** A file keydoctor may edit: read whole as text, inside the project (not `../.env`), with the hash of what was read. */
function editable(file: EnvFile | undefined): file is EnvFile & { sha256: string } {
  if (file === undefined || file.unreadable || file.sha256 === undefined || file.display.startsWith('..')) return false;
  // Invalid UTF-8 decodes to U+FFFD: offsets counted on that text would not be the file's.
  let clean = decodedCleanly.get(file);
  if (clean === undefined) decodedCleanly.set(file, (clean = !file.text.includes('\uFFFD')));
  return clean;
}

function fileOf(files: readonly EnvFile[], display: string): (EnvFile & { sha256: string }) | undefined {
  const file = files.find((f) => f.display === display);
  return editable(file) ? file : undefined;
}

// A .env of 100,000 lines can raise thousands of findings: its bytes and its entries are indexed once, not per finding.
const bytesCache = new WeakMap<EnvFile, Buffer>();
const entryCache = new WeakMap<EnvFile, Map<string, EnvFileEntry>>();

function bytesOf(file: EnvFile): Buffer {
  let b = bytesCache.get(file);
  if (!b) bytesCache.set(file, (b = Buffer.from(file.text, 'utf8')));
  return b;
}

/** The located assignment a definition came from (the last one of that name on that line). */
function entryOf(file: EnvFile, name: string, line: number | undefined): EnvFileEntry | undefined {
  let index = entryCache.get(file);
  if (!index) {
    index = new Map();
    for (const e of file.entries) {
      index.set(`${e.name}\u0000${e.line}`, e);
      index.set(`${e.name}\u0000`, e);
    }
    entryCache.set(file, index);
  }
  return index.get(`${name}\u0000${line ?? ''}`);
}

const lineCache = new WeakMap<EnvFile, number[]>();

/** UTF-8 byte offset where 1-based `line` starts, counting line breaks as dotenv does (CRLF, LF, a lone CR). */
function lineStartByte(file: EnvFile, line: number): number | undefined {
  let starts = lineCache.get(file);
  if (!starts) {
    starts = [0];
    const text = file.text;
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(bytes);
    }
    lineCache.set(file, starts);
  }
  return starts[line - 1];
}

/**
 * Where an entry's value is written, in bytes: the reader's own offsets, or (for entries a loader's parse rules
 * located by line and column) the value found on its line, quotes included, an unquoted value's comment not.
 */
function valueSpan(file: EnvFile, entry: EnvFileEntry): [number, number] | undefined {
  if (entry.valueBytes) return entry.valueBytes;
  if (entry.endLine !== entry.line) return undefined;
  const lineStart = lineStartByte(file, entry.line);
  if (lineStart === undefined) return undefined;
  const written = entry.raw.slice(entry.valueColumn - 1);
  let end: number;
  if (/^['"`]/u.test(written)) {
    const close = written.indexOf(written[0]!, 1);
    if (close === -1) return undefined;
    end = close + 1;
  } else end = written.replace(/\s+#.*$/u, '').trimEnd().length;
  const start = lineStart + Buffer.byteLength(entry.raw.slice(0, entry.valueColumn - 1), 'utf8');
  return [start, start + Buffer.byteLength(written.slice(0, end), 'utf8')];
}

/** Where an entry's name is written, in bytes. */
function nameSpan(file: EnvFile, entry: EnvFileEntry): [number, number] | undefined {
  if (entry.nameBytes) return entry.nameBytes;
  const lineStart = lineStartByte(file, entry.line);
  if (lineStart === undefined) return undefined;
  const start = lineStart + Buffer.byteLength(entry.raw.slice(0, entry.column - 1), 'utf8');
  return [start, start + Buffer.byteLength(entry.name, 'utf8')];
}

/** Code-point indices (0-based, into the value) a damage kind covers. */
function damageIndices(a: KeyAnalysis, damage: ValueDamage): number[] {
  switch (damage) {
    case 'whitespace':
      return [...a.leadingWhitespace, ...a.trailingWhitespace, ...a.internalWhitespace].map((c) => c.position - 1);
    case 'invisible':
      return a.invisible.map((c) => c.position - 1);
    case 'wrappers':
      return a.wrappers.map((c) => c.position - 1);
    case 'scheme': {
      if (!a.schemeSpan) return [];
      const out: number[] = [];
      for (let i = a.schemeSpan[0]; i < a.schemeSpan[1]; i++) out.push(i);
      return out;
    }
  }
}

/**
 * Removes one kind of copy-paste damage from a value in a dotenv file. Only when the value is written literally
 * (the bytes between its quotes are exactly what dotenv returns, no escapes): otherwise positions in the value
 * are not positions in the file, and the fix stays advice.
 */
export function envValueFix(files: readonly EnvFile[], location: EnvLocation, analysis: KeyAnalysis, damage: ValueDamage): Autofix | undefined {
  if (location.source === 'shell' || location.source === 'flag') return undefined;
  const file = fileOf(files, location.source);
  const entry = file && entryOf(file, location.env, location.line);
  const span = file && entry && valueSpan(file, entry);
  if (!file || !entry || !span || entry.value !== analysis.raw) return undefined;
  const bytes = bytesOf(file);
  const [start, end] = span;
  const written = bytes.subarray(start, end).toString('utf8');
  const quoted = written.length >= 2 && /^['"`]/u.test(written) && written.endsWith(written[0]!);
  const inner = quoted ? written.slice(1, -1) : written;
  if (inner !== entry.value) return undefined;
  const chars = [...inner];
  const remove = new Set(damageIndices(analysis, damage));
  if (remove.size === 0 || remove.size >= chars.length) return undefined;
  // Byte offset of each code point of the value in the file.
  const offsets: number[] = [];
  let at = start + (quoted ? 1 : 0);
  for (const c of chars) {
    offsets.push(at);
    at += Buffer.byteLength(c, 'utf8');
  }
  offsets.push(at);
  const edits: FixEdit[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (!remove.has(i)) continue;
    let j = i;
    while (remove.has(j + 1)) j++;
    edits.push({ file: file.display, start: offsets[i]!, end: offsets[j + 1]!, replacement: '', sha256: file.sha256 });
    i = j;
  }
  return {
    description: `Remove ${DAMAGE_WORDS[damage]} from the value of ${entry.name} in ${file.display} line ${entry.line} (the key itself is not changed).`,
    safe: true,
    edits,
  };
}

/** Deletes the UTF-8 byte-order mark at the start of a dotenv file. */
export function bomFix(file: EnvFile): Autofix | undefined {
  if (!editable(file) || !file.text.startsWith('\uFEFF')) return undefined;
  return {
    description: `Remove the UTF-8 byte-order mark at the start of ${file.display}.`,
    safe: true,
    edits: [{ file: file.display, start: 0, end: 3, replacement: '', sha256: file.sha256 }],
  };
}

/** Turns every CRLF of a dotenv file into LF (a lone CR is left alone: it is not a Windows line ending). */
export function crlfFix(file: EnvFile): Autofix | undefined {
  if (!editable(file) || !file.text.includes('\r\n')) return undefined;
  const edits: FixEdit[] = [];
  let bytes = 0;
  const text = file.text;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) edits.push({ file: file.display, start: bytes, end: bytes + 1, replacement: '', sha256: file.sha256 });
    // Surrogate pairs are 4 bytes over 2 code units: 2 each.
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return { description: `Convert ${file.display} to LF line endings (${edits.length} line${edits.length === 1 ? '' : 's'}).`, safe: true, edits };
}

/** Renames a variable where a dotenv file defines it. */
export function envRenameFix(files: readonly EnvFile[], location: EnvLocation, to: string, safe: boolean): Autofix | undefined {
  if (location.source === 'shell' || location.source === 'flag' || location.line === undefined) return undefined;
  const file = fileOf(files, location.source);
  const entry = file && entryOf(file, location.env, location.line);
  const span = file && entry && nameSpan(file, entry);
  if (!file || !entry || !span || !/^[\w.-]+$/u.test(to)) return undefined;
  const [start, end] = span;
  if (bytesOf(file).subarray(start, end).toString('utf8') !== entry.name) return undefined;
  return {
    description: `Rename ${entry.name} to ${to} in ${file.display} line ${entry.line}.`,
    safe,
    edits: [{ file: file.display, start, end, replacement: to, sha256: file.sha256 }],
  };
}

/**
 * Ignores a dotenv file in git, and stops tracking it when it is committed (`git rm --cached`, never rewriting
 * history: the committed key stays in the history and must be rotated).
 */
export function ignoreEnvFileFix(file: EnvFile, tracked: boolean): Autofix | undefined {
  if (file.display.startsWith('..') || !/^[\w./-]+$/u.test(file.display)) return undefined;
  return {
    description: tracked
      ? `Add ${file.display} to .gitignore and stop tracking it (git rm --cached ${file.display}; the file stays on disk).`
      : `Add ${file.display} to .gitignore.`,
    // Changing what git tracks is the user's call; adding an ignore line is not.
    safe: !tracked,
    edits: [],
    ensureLines: [{ file: '.gitignore', line: `/${file.display}` }],
    ...(tracked
      ? {
          untrack: [file.display],
          note: `The key in ${file.display} is still in the git history: rotate it at https://clarifai.com/me/settings/secrets (keydoctor never rewrites history).`,
        }
      : {}),
  };
}

/** `{ autofix }` to spread into a finding draft, or nothing. */
export function withFix(autofix: Autofix | undefined): { autofix?: Autofix } {
  return autofix ? { autofix } : {};
}

/**
 * Rewrites the scheme part at the start of an Authorization value's first string literal to exactly `Key `
 * (`'Key' + k`, `key ${k}`, `Bearer ${k}`). `written` is what the check read from the template (blanks, word, gap):
 * when the file does not show the same thing there, the value was built some other way and the fix stays advice.
 */
export function schemeFix(site: AuthHeaderSite, written: string, description: string): Autofix | undefined {
  const literal = site.written?.literal;
  if (!literal || literal.head !== written) return undefined;
  return {
    description,
    safe: true,
    edits: [{ file: site.file, start: literal.at, end: literal.at + Buffer.byteLength(literal.head, 'utf8'), replacement: 'Key ', sha256: site.written!.sha256 }],
  };
}

/** An expression simple enough to prefix with `'Key ' + ` in JavaScript and Python alike. */
const PLAIN_EXPRESSION = /^(?:[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*|os\.environ\[(['"])\w+\1\]|os\.getenv\((['"])\w+\2\))$/u;

/** Adds the missing `Key ` scheme word: inside the value's opening string literal, or in front of a plain expression. */
export function addSchemeFix(site: AuthHeaderSite, exprs: readonly string[], description: string): Autofix | undefined {
  const w = site.written;
  if (!w || /\.(?:ipynb|md)$/u.test(site.file)) return undefined;
  if (w.literal && w.literal.head === '') {
    return { description, safe: true, edits: [{ file: site.file, start: w.literal.at, end: w.literal.at, replacement: 'Key ', sha256: w.sha256 }] };
  }
  if (w.literal || exprs.length !== 1 || site.value !== `\${${exprs[0]}}` || !PLAIN_EXPRESSION.test(exprs[0]!)) return undefined;
  // A change to what the code computes, however small: applied unattended only with --yes.
  return { description, safe: false, edits: [{ file: site.file, start: w.value, end: w.value, replacement: "'Key ' + ", sha256: w.sha256 }] };
}

/** Renames a variable where the code reads it (every located read of that name). */
export function codeRenameFix(reads: readonly EnvRead[], to: string, description: string): Autofix | undefined {
  if (!/^\w+$/u.test(to)) return undefined;
  const located = reads.filter((r) => r.written);
  if (located.length === 0 || located.length !== reads.length) return undefined;
  return {
    description,
    safe: true,
    edits: located.map((r) => ({ file: r.file, start: r.written!.name[0], end: r.written!.name[1], replacement: to, sha256: r.written!.sha256 })),
  };
}
