// Every check keydoctor runs, grouped by the eight categories in report order; the engine picks those whose evidence is there.
import type { Check } from '../types/check.js';
import { keyChecks } from './key/index.js';
import { envChecks } from './env/index.js';
import { limitsChecks } from './limits/index.js';
import { activationChecks } from './activation/index.js';
import { permissionsChecks } from './permissions/index.js';
import { headersChecks } from './headers/index.js';
import { endpointChecks } from './endpoint/index.js';
import { exposureChecks } from './exposure/index.js';
import { check as pastedError } from './pasted/pasted-error.js';

export const allChecks: Check[] = [
  ...keyChecks,
  ...envChecks,
  ...limitsChecks,
  ...activationChecks,
  ...permissionsChecks,
  ...headersChecks,
  ...endpointChecks,
  ...exposureChecks,
  pastedError,
];
