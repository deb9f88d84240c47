// Shared pieces of the property tests: the fake key, a fragment soup, and the run budget.
import fc from 'fast-check';

/** Obviously fake: 32 lowercase hex ending in 0000. */
export const KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';

/** Text made of meaningful fragments with arbitrary characters mixed in: near enough to real code to reach deep paths. */
export function soup(fragments: readonly string[], maxLength = 60): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fragments) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }), { maxLength })
    .map((parts) => parts.join(''));
}

/**
 * fast-check parameters: `numRuns` cases, but the run stops (passing) after a time budget so a slow CI machine
 * cannot stretch the suite. Per-case work is bounded by input size, never by a clock.
 */
export function budget(numRuns: number, seconds = 20): fc.Parameters<unknown> {
  return { numRuns, interruptAfterTimeLimit: seconds * 1000, markInterruptAsFailure: false };
}
