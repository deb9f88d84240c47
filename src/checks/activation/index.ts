// The `activation` checks, in the order they run.
import type { Check } from '../../types/check.js';
import { check as livePropagation } from './live-propagation.js';

export const activationChecks: Check[] = [livePropagation];
