// The finding model: the plain, serialisable data every check produces and every reporter reads.
import type { Location } from './location.js';

/** The eight checklist categories, in the order keydoctor reports them (part of the JSON contract). */
export const CATEGORIES = [
  'key',
  'env',
  'limits',
  'activation',
  'permissions',
  'headers',
  'endpoint',
  'exposure',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface Finding {
  /** Stable id, `category/name`, e.g. `key/trailing-whitespace`. */
  id: string;
  category: Category;
  severity: Severity;
  /** One sentence that names the culprit. Secrets only ever appear masked. */
  message: string;
  /** What to do, concretely: the command to run or the line to change. */
  fix: string;
  location?: Location;
  /** Other places involved (the losing source of a shadowed variable, the defined near-miss name…). */
  related?: Location[];
  /** The mechanical change that fixes it, for `keydoctor fix` and SARIF `fixes`; only problems the registry marks fixable. */
  autofix?: Autofix;
}

/**
 * One replacement in a file: bytes [start, end) of the file exactly as the diagnosis read it (UTF-8 bytes, a BOM
 * included, CRLF as two bytes) become `replacement`. A replacement never holds a key: fixes that remove damage
 * around a key delete bytes and insert nothing.
 */
export interface FixEdit {
  /** Relative to the project folder, `/`-separated. */
  file: string;
  start: number;
  end: number;
  replacement: string;
  /** sha256 (hex) of the whole file as the diagnosis read it: `keydoctor fix` writes only if the file still matches. */
  sha256: string;
}

/** What `keydoctor fix` can do about a finding. */
export interface Autofix {
  /** What the change does, in words (`remove the trailing space after the key in .env line 3`). */
  description: string;
  /** May be applied unattended (`--write` without a terminal, no `--yes`). */
  safe: boolean;
  edits: FixEdit[];
  /** Lines to add to a file the diagnosis did not read (`.env` to `.gitignore`) when the file lacks them; the file is created if missing. */
  ensureLines?: { file: string; line: string }[];
  /** Files to stop tracking in git (`git rm --cached`); history is never rewritten. */
  untrack?: string[];
  /** What the fix cannot do, said after applying it (rotate the key that was committed). */
  note?: string;
}
