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
}
