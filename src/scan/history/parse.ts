// Parses `git log -p --unified=0` output as a stream of lines into each commit's added lines, grouped by file, in bounded memory.

/** The lines one commit added to one file, with their line numbers in the new version. */
export interface AddedChunk {
  commit: string;
  date: string;
  path: string;
  lines: string[];
  numbers: number[];
}

/** A line longer than this is a minified bundle or data, not code anyone typed a key into: it is dropped, not kept. */
export const MAX_LINE = 16 * 1024;
/** Added lines held for one file of one commit before they are handed on (a huge generated file is read in pieces). */
export const MAX_CHUNK_BYTES = 1024 * 1024;

/** The marker the log format puts before each commit; no diff line can start with it. */
export const COMMIT_MARK = '\u001e';

/** `+++ b/src/app.js`, `+++ "b/name with \"quotes\""`: the path after the `b/` prefix; undefined for /dev/null. */
export function parseNewPath(header: string): string | undefined {
  let p = header.slice(4).replace(/\t$/u, '');
  if (p === '/dev/null') return undefined;
  if (p.startsWith('"') && p.endsWith('"')) p = unquoteC(p.slice(1, -1));
  return p.startsWith('b/') ? p.slice(2) : p;
}

/** git's C-style quoting (`\t`, `\"`, `\\`, octal bytes for non-ASCII when quotePath is on). */
function unquoteC(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const n = s[++i];
    if (n === undefined) break;
    if (/[0-7]/u.test(n)) {
      bytes.push(Number.parseInt(s.slice(i, i + 3), 8) & 0xff);
      i += 2;
    } else bytes.push(({ n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11 } as Record<string, number>)[n] ?? n.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * A line-at-a-time parser: feed it every line of the log (without the newline), and it calls `onChunk` with the added
 * lines of each file of each commit, and `onCommit` once per commit.
 */
export class DiffParser {
  #commit = '';
  #date = '';
  #path: string | undefined;
  #inHeader = false;
  #next = 0;
  #lines: string[] = [];
  #numbers: number[] = [];
  #bytes = 0;

  constructor(
    private readonly onChunk: (chunk: AddedChunk) => void,
    private readonly onCommit: () => void,
  ) {}

  line(line: string): void {
    const first = line.charCodeAt(0);
    if (line.startsWith(COMMIT_MARK)) {
      this.#flush();
      const [commit = '', date = ''] = line.slice(1).split(' ');
      this.#commit = commit;
      this.#date = date;
      this.#path = undefined;
      this.#inHeader = false;
      this.onCommit();
      return;
    }
    if (line.startsWith('diff --git ') || line.startsWith('diff --cc ') || line.startsWith('diff --combined ')) {
      this.#flush();
      this.#path = undefined;
      this.#inHeader = true;
      return;
    }
    if (this.#inHeader) {
      if (line.startsWith('+++ ')) this.#path = parseNewPath(line);
      else if (line.startsWith('@@')) this.#hunk(line);
      return;
    }
    if (first === 0x40 /* @ */) this.#hunk(line);
    else if (first === 0x2b /* + */ && this.#path !== undefined) {
      if (line.length <= MAX_LINE) {
        this.#lines.push(line.slice(1));
        this.#numbers.push(this.#next);
        this.#bytes += line.length;
        if (this.#bytes >= MAX_CHUNK_BYTES) this.#flush();
      }
      this.#next++;
    }
  }

  /** `@@ -12,0 +13,2 @@`: added lines start at 13. */
  #hunk(line: string): void {
    this.#inHeader = false;
    const m = /^@@+ [^@]*\+(\d+)(?:,\d+)? @@/u.exec(line);
    this.#next = m ? Number(m[1]) : 1;
  }

  #flush(): void {
    if (this.#path !== undefined && this.#lines.length > 0) {
      this.onChunk({ commit: this.#commit, date: this.#date, path: this.#path, lines: this.#lines, numbers: this.#numbers });
    }
    this.#lines = [];
    this.#numbers = [];
    this.#bytes = 0;
  }

  end(): void {
    this.#flush();
  }
}

/** Splits a byte stream into lines without ever holding more than one (capped) line: longer lines are cut at MAX_LINE + 1. */
export class LineSplitter {
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #overflow = false;

  constructor(private readonly onLine: (line: string) => void) {}

  push(data: Buffer): void {
    let start = 0;
    for (let nl = data.indexOf(10); nl !== -1; nl = data.indexOf(10, start)) {
      this.#take(data.subarray(start, nl));
      this.#emit();
      start = nl + 1;
    }
    if (start < data.length) this.#take(data.subarray(start));
  }

  #take(part: Buffer): void {
    if (this.#overflow) return;
    const room = MAX_LINE * 4 + 8 - this.#pendingBytes;
    if (part.length > room) {
      this.#pending.push(part.subarray(0, Math.max(0, room)));
      this.#pendingBytes += Math.max(0, room);
      this.#overflow = true;
      return;
    }
    this.#pending.push(part);
    this.#pendingBytes += part.length;
  }

  #emit(): void {
    let line = Buffer.concat(this.#pending, this.#pendingBytes).toString('utf8');
    if (line.endsWith('\r')) line = line.slice(0, -1);
    // A cut line is longer than MAX_LINE: the parser drops it (its length says so).
    this.onLine(this.#overflow && line.length <= MAX_LINE ? line.padEnd(MAX_LINE + 1) : line);
    this.#pending = [];
    this.#pendingBytes = 0;
    this.#overflow = false;
  }

  end(): void {
    if (this.#pendingBytes > 0 || this.#overflow) this.#emit();
  }
}
