// The `limits` checks, in the order they run.
import type { Check } from '../../types/check.js';

export const limitsChecks: Check[] = [];
