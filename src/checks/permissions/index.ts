// The `permissions` checks, in the order they run.
import type { Check } from '../../types/check.js';
import { check as codePatWithoutApp } from './code-pat-without-app.js';
import { check as codeAppKeyPatRoute } from './code-app-key-pat-route.js';
import { check as codeAppKeyPublicModel } from './code-app-key-public-model.js';
import { check as publicModelOwnApp } from './public-model-own-app.js';
import { check as publicModelNameAsId } from './public-model-name-as-id.js';
import { check as publicModelNoOwner } from './public-model-no-owner.js';
import { check as requestAppKeyPublicModel } from './request-app-key-public-model.js';
import { check as liveMissingScopes } from './live-missing-scopes.js';
import { check as liveAppKeyOnPatRoute } from './live-app-key-on-pat-route.js';
import { check as livePatNeedsApp } from './live-pat-needs-app.js';
import { check as livePublicModelNeedsPat } from './live-public-model-needs-pat.js';
import { check as liveOtherApp } from './live-other-app.js';

export const permissionsChecks: Check[] = [
  codePatWithoutApp,
  codeAppKeyPatRoute,
  codeAppKeyPublicModel,
  publicModelOwnApp,
  publicModelNameAsId,
  publicModelNoOwner,
  requestAppKeyPublicModel,
  // Live: the key's kind, owner and scopes against the call.
  livePublicModelNeedsPat,
  liveAppKeyOnPatRoute,
  livePatNeedsApp,
  liveOtherApp,
  liveMissingScopes,
];
