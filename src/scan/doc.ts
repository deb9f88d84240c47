// A text being scanned (a file, or a code block / notebook cell inside one) and how its positions map to the file.
import { mask } from '../core/secret.js';
import type { CodeSite, SourceLanguage } from '../types/code-evidence.js';
import type { FileFacts } from './facts.js';
import { maskKeys } from './text.js';

/** Maps a 1-based line/column of a sub-text to the file; `label` prefixes snippets (`[cell 3, line 2]`). */
export type Placer = (line: number, column: number) => { line: number; column: number; label?: string };

const MAX_SNIPPET = 160;

export class Doc {
  #starts: number[] | undefined;
  /** A document with the same lines whose text snippets show instead (a Dockerfile behind its shell rewrite). */
  #display: Doc | undefined;

  constructor(
    readonly file: string,
    readonly text: string,
    readonly language: SourceLanguage,
    readonly facts: FileFacts,
    /** Whether the whole file mentions Clarifai (import, URL, identifier): the context key literals need. */
    readonly clarifai: boolean,
    readonly placer?: Placer,
  ) {}

  #lineStarts(): number[] {
    if (!this.#starts) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.#starts = starts;
    }
    return this.#starts;
  }

  /** 1-based line and column of a character index. */
  position(index: number): { line: number; column: number } {
    const starts = this.#lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: index - starts[lo]! + 1 };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const [start, end] = this.#lineBounds(line);
    return this.text.slice(start, end).replace(/\r$/u, '');
  }

  #lineBounds(line: number): [number, number] {
    const starts = this.#lineStarts();
    const start = starts[line - 1];
    if (start === undefined) return [0, 0];
    return [start, starts[line] !== undefined ? starts[line]! - 1 : this.text.length];
  }

  /**
   * Up to `before` characters of the line before `index` and `after` from it on: what the extractors look at
   * around a hit. Bounded, so a megabyte-long line costs the same as a short one.
   */
  around(index: number, before: number, after = 0): string {
    const [start, end] = this.#lineBounds(this.position(index).line);
    return this.text.slice(Math.max(start, index - before), Math.min(end, index + after)).replace(/\r$/u, '');
  }

  /** Where a fact at `index` is, in file terms, with the line as a snippet (keys and `secrets` masked). */
  site(index: number, secrets: readonly string[] = []): Omit<CodeSite, never> {
    const { line, column } = this.position(index);
    const placed = this.placer ? this.placer(line, column) : { line, column };
    return { file: this.file, line: placed.line, column: placed.column, snippet: this.snippet(line, column, secrets, placed.label) };
  }

  snippet(line: number, column: number, secrets: readonly string[] = [], label?: string): string {
    const source = this.#display ?? this;
    const [lineStart, lineEnd] = source.#lineBounds(line);
    // Window the line first (long lines), widened to whole tokens so no cut leaves part of a key unmasked.
    let from = Math.max(lineStart, lineStart + column - 1 - 200);
    let to = Math.min(lineEnd, lineStart + column - 1 + 400);
    if (from > lineStart) while (from < to && /[A-Za-z0-9]/u.test(source.text[from]!)) from++;
    if (to < lineEnd) while (to > from && /[A-Za-z0-9]/u.test(source.text[to - 1]!)) to--;
    let text = source.text.slice(from, to).replace(/\r$/u, '');
    const col = column - 1 - (from - lineStart);
    for (const s of secrets) if (s.length > 0) text = text.split(s).join(mask(s));
    // Mask before cutting the snippet, so a cut can never leave part of a key unmasked.
    text = maskKeys(text);
    let start = text.length - text.trimStart().length;
    let end = text.trimEnd().length;
    if (end - start > MAX_SNIPPET) {
      start = Math.max(start, Math.min(col - 40, end - MAX_SNIPPET));
      end = Math.min(end, start + MAX_SNIPPET);
    }
    const body = text.slice(start, end);
    return label ? `${label} ${body}` : body;
  }

  /** A sub-text (code block, cell) whose line 1 column 1 maps through `placer` into this document. */
  sub(text: string, language: SourceLanguage, placer: Placer): Doc {
    const outer = this.placer;
    const composed: Placer = outer
      ? (l, c) => {
          const p = placer(l, c);
          const o = outer(p.line, p.column);
          return { ...o, ...(p.label ? { label: p.label } : {}) };
        }
      : placer;
    return new Doc(this.file, text, language, this.facts, this.clarifai, composed);
  }

  /** This document, showing `other`'s lines in snippets (same line structure, different text). */
  withSnippetsFrom(other: Doc): Doc {
    const copy = new Doc(this.file, this.text, this.language, this.facts, this.clarifai, this.placer);
    copy.#display = other;
    return copy;
  }

  /**
   * The same document with some text blanked (comments, docstrings: same length and line breaks), so code extractors
   * never see it; snippets still show the real lines.
   */
  withCodeOnly(code: string): Doc {
    if (code === this.text) return this;
    const copy = new Doc(this.file, code, this.language, this.facts, this.clarifai, this.placer);
    copy.#display = this.#display ?? this;
    return copy;
  }

  /** A sub-text starting at `line` (1-based) of this document, same columns: code blocks, `run:` scripts. */
  subAtLine(text: string, language: SourceLanguage, firstLine: number): Doc {
    return this.sub(text, language, (l, c) => ({ line: l + firstLine - 1, column: c }));
  }
}
