// The `permissions` checks, in the order they run.
import type { Check } from '../../types/check.js';
import { check as codePatWithoutApp } from './code-pat-without-app.js';
import { check as codeAppKeyPatRoute } from './code-app-key-pat-route.js';
import { check as codeAppKeyPublicModel } from './code-app-key-public-model.js';

export const permissionsChecks: Check[] = [codePatWithoutApp, codeAppKeyPatRoute, codeAppKeyPublicModel];
