// Which findings make `scan` exit 1: `--fail-on` picks the lowest failing severity; a commit about to carry a key always fails.
import { usageError } from '../core/errors.js';
import type { Finding } from '../types/diagnostic.js';

export const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

const RANK = { error: 0, warning: 1, info: 2 } as const;

export function parseFailOn(value: unknown): FailOn {
  if (value === undefined) return 'error';
  if (!FAIL_ON.includes(value as FailOn)) throw usageError(`--fail-on takes error, warning, info or never, not "${String(value)}".`);
  return value as FailOn;
}

/**
 * Whether these findings fail the run. With `staged`, an exposure finding fails at any severity: a key-shaped value that
 * keydoctor is not sure belongs to Clarifai is still a secret about to enter history, and `keydoctor-ignore` silences a fake.
 */
export function failing(findings: readonly Finding[], failOn: FailOn, staged = false): boolean {
  return findings.some((f) => (staged && f.category === 'exposure') || (failOn !== 'never' && RANK[f.severity] <= RANK[failOn]));
}
