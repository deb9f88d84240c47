// The `headers` checks, in the order they run.
import type { Check } from '../../types/check.js';

export const headersChecks: Check[] = [];
