// The `env` checks, in the order they run.
import type { Check } from '../../types/check.js';
import { check as liveOtherSourceWorks } from './live-other-source-works.js';
import { check as liveNeverSet } from './live-never-set.js';

export const envChecks: Check[] = [
  // Live: which source holds the value Clarifai accepts.
  liveNeverSet,
  liveOtherSourceWorks,
];
