// The `exposure` checks, in the order they run.
import type { Check } from '../../types/check.js';
import { check as hardcodedKey } from './hardcoded-key.js';

export const exposureChecks: Check[] = [hardcodedKey];
