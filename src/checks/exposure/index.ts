// The `exposure` checks, in the order they run.
import type { Check } from '../../types/check.js';
import { check as hardcodedKey } from './hardcoded-key.js';
import { check as envFileCommitted } from './env-file-committed.js';

export const exposureChecks: Check[] = [hardcodedKey, envFileCommitted];
