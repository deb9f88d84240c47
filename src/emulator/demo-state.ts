// The documented demo world: one healthy app key and PAT plus one credential for each way Clarifai rejects a key.
import type { EmulatorStateInput } from './state.js';

/** Obviously fake tokens (32 lowercase hex, ending in 0000), named by what they demonstrate. */
export const DEMO_TOKENS = {
  /** App key of demo-user/demo-app with scope All: every app call succeeds. */
  appKey: '0a0a0a0a0a0a0a0a0a0a0a0a0a0a0000',
  /** PAT of demo-user with scope All: works with user_id/app_id, and reads clarifai/main. */
  pat: '0b0b0b0b0b0b0b0b0b0b0b0b0b0b0000',
  /** App key with no scopes at all: 11007 on every call that needs one. */
  scopelessKey: '0c0c0c0c0c0c0c0c0c0c0c0c0c0c0000',
  /** App key with Predict only: 11007 on PostModelOutputs naming Apps_Get, Concepts_Get, Models_Get. */
  predictOnlyKey: '0d0d0d0d0d0d0d0d0d0d0d0d0d0d0000',
  /** App key that becomes active 60 s after the emulator starts: 11009 until then. */
  pendingKey: '0e0e0e0e0e0e0e0e0e0e0e0e0e0e0000',
  /** App key that expired on 2020-01-01: 11008. */
  expiredKey: '0f0f0f0f0f0f0f0f0f0f0f0f0f0f0000',
  /** App key of a user with an account issue: 11000. */
  accountIssueKey: '1a1a1a1a1a1a1a1a1a1a1a1a1a1a0000',
  /** App key of a user whose monthly operations are used up: 11004. */
  monthlyLimitKey: '1b1b1b1b1b1b1b1b1b1b1b1b1b1b0000',
  /** App key of a user whose hourly operations are used up: 11003. */
  hourlyLimitKey: '1c1c1c1c1c1c1c1c1c1c1c1c1c1c0000',
  /** App key of other-user/other-app: 11008 when used on demo-user/demo-app paths. */
  otherAppKey: '1d1d1d1d1d1d1d1d1d1d1d1d1d1d0000',
} as const;

export const DEMO_STATE: EmulatorStateInput = {
  users: [
    { id: 'demo-user', apps: ['demo-app'] },
    { id: 'other-user', apps: ['other-app'] },
    { id: 'suspended-user', apps: ['suspended-app'], account_issue: true },
    { id: 'monthly-user', apps: ['monthly-app'], plan: { monthly_ops: 1000 }, usage: { monthly_ops: 1000 } },
    { id: 'hourly-user', apps: ['hourly-app'], plan: { hourly_ops: 100 }, usage: { hourly_ops: 100 } },
  ],
  keys: [
    { id: DEMO_TOKENS.appKey, type: 'app_specific_key', user_id: 'demo-user', app_id: 'demo-app', scopes: ['All'] },
    { id: DEMO_TOKENS.pat, type: 'personal_access_token', user_id: 'demo-user', scopes: ['All'] },
    { id: DEMO_TOKENS.scopelessKey, type: 'app_specific_key', user_id: 'demo-user', app_id: 'demo-app', scopes: [] },
    { id: DEMO_TOKENS.predictOnlyKey, type: 'app_specific_key', user_id: 'demo-user', app_id: 'demo-app', scopes: ['Predict'] },
    { id: DEMO_TOKENS.pendingKey, type: 'app_specific_key', user_id: 'demo-user', app_id: 'demo-app', scopes: ['All'], active_after_s: 60 },
    { id: DEMO_TOKENS.expiredKey, type: 'app_specific_key', user_id: 'demo-user', app_id: 'demo-app', scopes: ['All'], expires_at: '2020-01-01T00:00:00Z' },
    { id: DEMO_TOKENS.accountIssueKey, type: 'app_specific_key', user_id: 'suspended-user', app_id: 'suspended-app', scopes: ['All'] },
    { id: DEMO_TOKENS.monthlyLimitKey, type: 'app_specific_key', user_id: 'monthly-user', app_id: 'monthly-app', scopes: ['All'] },
    { id: DEMO_TOKENS.hourlyLimitKey, type: 'app_specific_key', user_id: 'hourly-user', app_id: 'hourly-app', scopes: ['All'] },
    { id: DEMO_TOKENS.otherAppKey, type: 'app_specific_key', user_id: 'other-user', app_id: 'other-app', scopes: ['All'] },
  ],
  rate_limit_rps: 15,
};
