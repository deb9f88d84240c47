// The `limits` checks, in the order they run.
import type { Check } from '../../types/check.js';
import { check as liveUsageLimit } from './live-usage-limit.js';
import { check as liveThrottled } from './live-throttled.js';

export const limitsChecks: Check[] = [liveUsageLimit, liveThrottled];
