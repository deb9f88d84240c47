// Walks a project like git sees it: nested .gitignore (and .keydoctorignore), no node_modules/.git, no symlinked folders, nothing but regular files.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { describeFsError, readTextFile } from '../sources/read-text-file.js';
import { OUTSIDE_REASON, symlinkLeaves } from '../sources/inside.js';
import { fileKind, type FileKind } from './languages.js';

export type WalkItem = { type: 'file'; abs: string; rel: string; kind: FileKind } | { type: 'skip'; rel: string; reason: string };

const NEVER_ENTER = new Set(['.git', 'node_modules', '.hg', '.svn']);
const IGNORE_FILES = ['.gitignore', '.keydoctorignore'];
const MAX_IGNORE_FILE_BYTES = 1024 * 1024;

interface Layer {
  /** The folder the rules are relative to ('' for the root). */
  base: string;
  rules: Ignore;
}

function loadLayer(absDir: string, base: string, extra: string[] = []): Layer | undefined {
  let rules: Ignore | undefined;
  for (const name of [...extra, ...IGNORE_FILES]) {
    const read = readTextFile(join(absDir, name), MAX_IGNORE_FILE_BYTES);
    if (!read.ok) continue;
    rules ??= ignore();
    for (const line of read.bytes.toString('utf8').split(/\r?\n/u)) {
      // A broken pattern must not stop the scan: drop that line only.
      try {
        rules.add(line);
      } catch {
        /* ignored line */
      }
    }
  }
  return rules ? { base, rules } : undefined;
}

function isIgnored(rel: string, dir: boolean, layers: readonly Layer[]): boolean {
  let ignored = false;
  for (const layer of layers) {
    const sub = layer.base === '' ? rel : rel.slice(layer.base.length + 1);
    try {
      const result = layer.rules.test(dir ? `${sub}/` : sub);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    } catch {
      /* a name the ignore library cannot test: keep it */
    }
  }
  return ignored;
}

function specialKind(e: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (e.isFIFO()) return 'FIFO';
  if (e.isSocket()) return 'socket';
  if (e.isCharacterDevice() || e.isBlockDevice()) return 'device';
  return 'special file';
}

/** Yields files to scan (with their kind) and things it skipped (with why), folders in name order. */
export async function* walk(root: string, signal?: AbortSignal): AsyncGenerator<WalkItem> {
  const stack: { abs: string; rel: string; layers: Layer[] }[] = [{ abs: root, rel: '', layers: [] }];
  while (stack.length > 0) {
    signal?.throwIfAborted();
    const dir = stack.pop()!;
    const own = loadLayer(dir.abs, dir.rel, dir.rel === '' ? ['.git/info/exclude'] : []);
    const layers = own ? [...dir.layers, own] : dir.layers;
    let entries;
    try {
      entries = await readdir(dir.abs, { withFileTypes: true });
    } catch (error) {
      yield { type: 'skip', rel: dir.rel || '.', reason: `folder ${describeFsError(error)}` };
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: typeof stack = [];
    for (const e of entries) {
      const rel = dir.rel === '' ? e.name : `${dir.rel}/${e.name}`;
      const abs = join(dir.abs, e.name);
      if (e.isDirectory()) {
        if (!NEVER_ENTER.has(e.name) && !isIgnored(rel, true, layers)) subdirs.push({ abs, rel, layers });
        continue;
      }
      if (isIgnored(rel, false, layers)) continue;
      if (e.isSymbolicLink()) {
        // Never follow a symlinked folder (that is how loops happen); a symlinked file is read like any other.
        let target;
        try {
          target = await stat(abs);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          yield { type: 'skip', rel, reason: code === 'ELOOP' ? 'symlink loop' : code === 'ENOENT' ? 'broken symlink' : `symlink ${describeFsError(error)}` };
          continue;
        }
        if (target.isDirectory()) {
          yield { type: 'skip', rel, reason: 'symlink to a folder (not followed)' };
          continue;
        }
        if (!target.isFile()) {
          yield { type: 'skip', rel, reason: `symlink to a ${specialKind(target)}, not a regular file` };
          continue;
        }
        // The scanned folder is untrusted: a link out of it (to ~/.bash_history) would print another file's lines.
        if (symlinkLeaves(abs, root)) {
          yield { type: 'skip', rel, reason: OUTSIDE_REASON };
          continue;
        }
      } else if (!e.isFile()) {
        yield { type: 'skip', rel, reason: `${specialKind(e)}, not a regular file` };
        continue;
      }
      const kind = fileKind(rel);
      if (kind) yield { type: 'file', abs, rel, kind };
    }
    // Reverse so the stack pops them in name order.
    for (let k = subdirs.length - 1; k >= 0; k--) stack.push(subdirs[k]!);
  }
}
