// Test helpers for the scan: run the extractors on a string, and build throwaway project trees.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FileFacts } from '../../src/scan/facts.js';
import { extractText } from '../../src/scan/scan-file.js';
import type { FileKind } from '../../src/scan/languages.js';
import { ALL_GRAMMARS, loadGrammars } from '../../src/scan/grammar.js';

// extractText reads code through the real grammars, which the scan loads before a file needs them: load them all here.
await loadGrammars(ALL_GRAMMARS);

/** Obviously fake keys (32 lowercase hex ending in 0000). */
export const FAKE_KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';
export const FAKE_KEY_2 = '0b1c2d3e4f5a6b7c8d9e0f1a2b3c0000';

export function extract(text: string, kind: Exclude<FileKind, 'shebang'>, file = 'f'): FileFacts {
  const out = extractText(file, text, kind);
  if (typeof out === 'string') throw new Error(out);
  return out;
}

/** Writes `files` (path → content) under a fresh temporary folder and returns its path. */
export function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'kd-scan-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}
