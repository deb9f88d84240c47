// keydoctor's knowledge of why Clarifai answers each auth-related status: causes, most likely first, keyed by code and details.
//
// Wire facts (descriptions, details strings, HTTP statuses, how sure we are) live in
// providers/clarifai/status-descriptions.ts; this file only says what they mean for the user and what to do.
import { findScope } from '../providers/clarifai/api-table.js';
import { mask } from '../core/secret.js';
import type { Finding } from '../types/diagnostic.js';
import { explainEchoedKey } from './echoed-key.js';
import { cause } from './finding.js';
import type { PastedAuthorization, PastedStatus } from './parse.js';

export interface Clues {
  status?: PastedStatus;
  httpStatus?: number;
  authorization?: PastedAuthorization;
  /** The bounded paste, for hints (which client printed it). */
  text: string;
}

const PAT_PAGE = 'https://clarifai.com/me/settings/secrets';

// ---- causes shared by several codes ----

const keyNotSet = (severity: Finding['severity'] = 'error') =>
  cause(
    'env/key-not-set',
    severity,
    'The key variable may not have been set where the program ran: CLARIFAI_PAT (or the variable your code reads) was missing or empty, so the client sent `Key None`, `Key undefined` or no header at all.',
    'Set CLARIFAI_PAT where the program runs (export it in that shell, or put it in .env and load the file before the client is created); run `keydoctor env` to see whether and where it is defined.',
  );

const unknownKey = (severity: Finding['severity'] = 'error') =>
  cause(
    'key/unknown-key',
    severity,
    'Clarifai does not know the key it received: it was mistyped, deleted, belongs to another account or Clarifai environment, or is brand new (no propagation delay is documented).',
    `Compare the key your project sends (\`keydoctor check\`) with the one Clarifai lists (PATs: ${PAT_PAGE}; app keys: the app's Settings → API Keys), and create a new PAT if it is gone.`,
  );

const staleValue = () =>
  cause(
    'env/stale-value',
    'warning',
    'The key sent may be an old copy: a CLARIFAI_PAT exported in the shell, IDE or CI wins over the one in .env, because dotenv does not override variables that are already set.',
    'Run `keydoctor env` to see every definition of the variable and which one wins; remove or update the stale one (`unset CLARIFAI_PAT`).',
  );

const patWithoutApp = (severity: Finding['severity'] = 'error', certain = true) =>
  cause(
    'permissions/pat-without-app',
    severity,
    certain
      ? 'Clarifai could not tell which app the call is for: a PAT (personal access token) was sent without a user_id and app_id, which only an app-specific API key may leave out.'
      : 'If the key is a PAT, it must come with the user_id and app_id of the resource owner; a PAT on a short path such as /v2/models gets this same answer.',
    'Call the /v2/users/{user_id}/apps/{app_id}/… form of the route (or set user_app_id in the request) with the owner\'s ids, clarifai/main for Clarifai\'s public models; `keydoctor routes "GET /v2/models"` shows the full-path routes.',
  );

const appKeyOtherApp = (code?: number) =>
  cause(
    'permissions/app-key-other-app',
    'warning',
    `If the key is an app-specific API key, it only reaches its own app: since API 9.3 (2023) and 11.6 (June 2025) Clarifai's public models in clarifai/main need a PAT, and which code that failure returns is not documented${code ? ` (${code} is one candidate)` : ''}.`,
    'Use a PAT with user_id "clarifai" and app_id "main" for public models, or call resources in the key\'s own app.',
  );

const expiredKey = () =>
  cause(
    'activation/expired-key',
    'warning',
    'If the key was created with an expiry date, it may have expired: which code an expired key returns is not documented, and 11008 is only keydoctor\'s inference.',
    `Check the key's expiry in Clarifai's key list (${PAT_PAGE}) and create a new one if it has passed.`,
  );

const wrongFormat = () =>
  cause(
    'key/wrong-format',
    'error',
    'Clarifai says the value sent is not in the format of a key: it has quotes, whitespace or invisible characters around it, is a different string (a placeholder, another service\'s key, a user or app id), or is a legacy app secret.',
    'Run `keydoctor check` to inspect the value your project sends (quotes, whitespace, length, characters); a key is 32 lowercase hex characters.',
  );

const variableHoldsWrongThing = () =>
  cause(
    'env/wrong-definition',
    'warning',
    'The variable may not hold what you think: a quoted name in a .env file (`export "CLARIFAI_PAT"=…`), a duplicate definition, or another file winning can all put the wrong text in it.',
    'Run `keydoctor env` to see every definition of the variable, with its file and line, and which one wins.',
  );

const separateGrpcJs = () =>
  cause(
    'headers/separate-grpc-js',
    'warning',
    'In Node, requiring @grpc/grpc-js yourself next to clarifai-nodejs-grpc builds the metadata from another grpc-js copy, which Clarifai\'s README warns breaks authentication.',
    'Take grpc from the Clarifai package (`const { ClarifaiStub, grpc } = require("clarifai-nodejs-grpc")`) and drop the separate @grpc/grpc-js import; `keydoctor check` scans for it.',
  );

function looksLikeNode(text: string): boolean {
  return /grpc-js|nodejs|node_modules|require\(|toObject|stackTraceList|reqId|\bat .*\.[cm]?js:\d+/u.test(text);
}

/** Findings about the Authorization value the paste shows, when it is not exactly `Key <token>`. */
export function headerFindings(auth: PastedAuthorization | undefined): Finding[] {
  if (!auth) return [];
  const token = mask(auth.token);
  if (auth.scheme === '') {
    return [
      cause(
        'headers/missing-scheme',
        'error',
        `The Authorization header in the paste is the key alone (${token}) without the \`Key \` scheme word Clarifai requires.`,
        'Send `Authorization: Key <token>` (REST) or the metadata pair ("authorization", "Key <token>") (gRPC).',
      ),
    ];
  }
  if (auth.scheme.toLowerCase() === 'bearer') {
    return [
      cause(
        'headers/bearer-on-core-api',
        'error',
        `The Authorization header in the paste uses \`Bearer ${token}\`, but Clarifai's /v2 API takes \`Key <token>\` (Bearer is only for the /v2/ext/ OpenAI-compatible and MCP routes).`,
        'Send `Authorization: Key <token>`; `keydoctor check` finds where the header is built.',
      ),
    ];
  }
  if (auth.scheme !== 'Key' || auth.separator !== ' ') {
    const what =
      auth.scheme !== 'Key'
        ? `the scheme word "${auth.scheme}" instead of "Key" (capital K)`
        : auth.separator === ''
          ? 'no space between `Key` and the token'
          : `${JSON.stringify(auth.separator)} between \`Key\` and the token instead of one space`;
    return [
      cause(
        'headers/scheme-format',
        'error',
        `The Authorization header in the paste has ${what}; Clarifai accepts exactly \`Key <token>\`.`,
        'Send `Authorization: Key <token>`: "Key" with a capital K, one space, then the token; `keydoctor check` finds where the header is built.',
      ),
    ];
  }
  return [];
}

function malformedHeader(clues: Clues, lead: string): Finding[] {
  const pasted = headerFindings(clues.authorization);
  const generic = cause(
    'headers/scheme-format',
    'error',
    `${lead}: a lowercase \`key\`, \`Bearer\`, a missing or doubled space, or no Authorization header at all gets this answer.`,
    'Send exactly `Authorization: Key <token>` (gRPC: the metadata pair ("authorization", "Key <token>"), lowercase name); `keydoctor check` finds where the header is built.',
  );
  const out = pasted.length > 0 ? pasted : [generic];
  const rest = [keyNotSet('warning'), separateGrpcJs()];
  if (looksLikeNode(clues.text)) rest.reverse();
  return [...out, ...rest];
}

// ---- details strings that pinpoint a cause (checked before the code: they are more specific) ----

interface DetailsRule {
  pattern: RegExp;
  /** Used on a whole paste rather than an isolated details string, where a greedy match would run on. */
  inText?: RegExp;
  explain(match: RegExpExecArray, clues: Clues): Finding[];
}

const DETAILS_RULES: readonly DetailsRule[] = [
  { pattern: /invalid key\(([\s\S]*)\)/iu, inText: /invalid key\(([^)\r\n]{0,300})\)/iu, explain: (m) => explainEchoedKey(m[1]!) },
  { pattern: /must provide app external id/iu, explain: () => [patWithoutApp()] },
  { pattern: /invalid format of key/iu, explain: () => [wrongFormat(), variableHoldsWrongThing()] },
  {
    pattern: /empty or malformed authorization header/iu,
    explain: (_m, clues) => malformedHeader(clues, 'Clarifai found the Authorization header empty or malformed'),
  },
  {
    pattern: /exceeded limit of (\d+) requests? per second/iu,
    explain: (m) => [throttled(Number(m[1]))],
  },
  {
    pattern: /expired token/iu,
    explain: () => [
      cause(
        'key/legacy-token',
        'error',
        'Clarifai says the token expired: "expired token" comes from the pre-2017 OAuth access tokens (sent as `Bearer …`), which lived 48 hours and no longer exist.',
        'Use a PAT sent as `Authorization: Key <PAT>` and upgrade the old client library; `keydoctor check` flags Bearer headers.',
      ),
    ],
  },
  {
    // Not a documented Clarifai string; servers that say so (the emulator, proxies) mean what they say.
    pattern: /\bexpired key\b|\bkey (?:has )?expired\b/iu,
    explain: () => [
      cause(
        'activation/expired-key',
        'error',
        'The server says the key has expired (Clarifai keys can carry an expiry date, although its docs say keys and PATs do not expire).',
        `Create a new key or PAT (${PAT_PAGE}) and replace the expired one; \`keydoctor env\` shows where it is defined.`,
      ),
    ],
  },
  {
    pattern: /\bnot valid for (?:the )?app(?: ([\w.-]{1,100}\/[\w.-]{1,100}))?/iu,
    explain: (m) => [
      cause(
        'permissions/app-key-other-app',
        'error',
        `The key belongs to another app than the one in the request${m[1] ? ` (${m[1]})` : ''}: an app-specific API key only reaches its own app.`,
        'Use a key created in that app, or a PAT with the owner\'s user_id and app_id; `keydoctor env` shows CLARIFAI_USER_ID and CLARIFAI_APP_ID.',
      ),
    ],
  },
  {
    pattern: /\b([a-z]+)_id '([^']{0,200})' not found/iu,
    explain: (m) => [resourceNotFound(m[1]!, m[2]!), wrongOwner()],
  },
  {
    pattern: /\b(app|application|user)\b[^.\r\n]{0,40}\b(does not exist|not found|doesn't exist)/iu,
    explain: (m) => [
      cause(
        'env/wrong-user-or-app',
        'error',
        `Clarifai found no such ${m[1]!.toLowerCase().startsWith('app') ? 'app' : 'user'} for this credential: CLARIFAI_USER_ID or CLARIFAI_APP_ID is misspelt, or the PAT belongs to a different user than the user_id sent.`,
        'Make CLARIFAI_USER_ID the PAT owner\'s id and CLARIFAI_APP_ID an app of that user (or clarifai/main for public models); run `keydoctor env` to see the values and where they come from.',
      ),
    ],
  },
  { pattern: /method not allowed/iu, explain: () => [wrongMethod()] },
];

// ---- causes per code ----

function throttled(perSecond?: number): Finding {
  return cause(
    'limits/throttled',
    'error',
    `The client sent more requests per second than the account's rate limit (${perSecond ?? 15} per second${perSecond ? '' : ', the default on every plan'}); the key itself was accepted.`,
    'Back off and retry (Clarifai\'s docs suggest about 15 seconds), keep concurrency under the limit, or ask Clarifai to raise it.',
  );
}

function resourceNotFound(kind?: string, id?: string): Finding {
  const what = kind && id !== undefined ? `no ${kind} with id "${id}"` : kind ? `no such ${kind}` : 'nothing at that path';
  return cause(
    'endpoint/resource-not-found',
    'error',
    `Clarifai has ${what} where the request looked: a misspelt route or id, a name used instead of an id, or a user_id/app_id that does not own it.`,
    'Check the ids in the URL (Clarifai\'s public models live under user_id clarifai, app_id main) and the route with `keydoctor routes "METHOD /v2/…"`.',
  );
}

const wrongOwner = () =>
  cause(
    'permissions/wrong-owner',
    'warning',
    'If CLARIFAI_USER_ID names another user than the PAT\'s owner, Clarifai reports the resource as missing rather than forbidden.',
    'Make CLARIFAI_USER_ID the PAT owner\'s id (`GET /v2/users/me` with the PAT returns it); run `keydoctor env` to see where the value comes from.',
  );

const wrongMethod = () =>
  cause(
    'endpoint/wrong-method',
    'error',
    'The route does not accept this HTTP method, for example a GET (opening the URL in a browser) on a POST-only path.',
    'Use the method the route is bound to; `keydoctor routes "/v2/…"` lists the methods served at a path.',
  );

function missingScopes(clues: Clues): string[] {
  const text = clues.status?.details ?? '';
  const names = new Set<string>();
  for (const m of text.matchAll(/\b(?:[A-Z][A-Za-z]*[_:][A-Z][A-Za-z]*|All|Predict|Search)\b|\/clarifai\.api\.V2\/\w+/gu)) {
    if (names.size >= 10) break;
    const token = m[0];
    if (token.startsWith('/')) names.add(token);
    else {
      const scope = findScope(token);
      if (scope) names.add(scope.name);
    }
  }
  return [...names];
}

type CodeRule = (clues: Clues) => Finding[];

const BY_CODE: Record<number, CodeRule> = {
  11000: () => [
    cause(
      'activation/account-issue',
      'error',
      'Clarifai reports an account or plan issue for the key\'s account: per the proto, an expired credit card, a trial still in progress, or a feature your plan does not include.',
      'Sign in to clarifai.com and check the account\'s billing and plan; a new key will not help.',
    ),
  ],
  11001: () => [
    cause(
      'key/legacy-token',
      'error',
      'Clarifai rejected an authentication token: 11001 belongs to the pre-2017 OAuth access tokens (`Bearer …`), and the proto marks it deprecated in favour of 11008 for today\'s keys.',
      'Use a PAT sent as `Authorization: Key <PAT>` and upgrade old client libraries; `keydoctor check` flags Bearer headers.',
    ),
  ],
  11002: () => [
    cause(
      'key/legacy-credentials',
      'error',
      'Clarifai rejected the credentials: 11002 comes from the legacy app ID and app secret (client id/secret) login, which API keys replaced in 2017.',
      'Replace the app id and secret with a PAT sent as `Authorization: Key <PAT>`, and upgrade the client library.',
    ),
  ],
  11003: () => [
    cause(
      'limits/hourly-limit',
      'error',
      'The account used up its hourly request allowance; the key itself was accepted.',
      'Wait for the next hour or make fewer calls; a higher plan raises the limit.',
    ),
  ],
  11004: () => [
    cause(
      'limits/monthly-limit',
      'error',
      'The account used up its monthly operations; the key itself was accepted.',
      'Check usage on clarifai.com and upgrade the plan, or wait for the next month.',
    ),
  ],
  11005: () => [throttled()],
  11006: () => [
    cause(
      'limits/account-limits',
      'error',
      'The account went over one of its limits; which limit is not documented.',
      'Check the plan\'s usage and limits on clarifai.com, and give Clarifai support the req_id if it is not clear.',
    ),
  ],
  11007: (clues) => {
    const missing = missingScopes(clues);
    return [
      cause(
        'permissions/missing-scopes',
        'error',
        `The key lacks a scope this call needs${missing.length > 0 ? ` (Clarifai names ${missing.join(', ')})` : ''}.`,
        'Create a key or PAT with the needed scopes (`keydoctor routes <RPC>` lists what each call needs; "All" covers everything) and use it.',
      ),
      cause(
        'permissions/app-key-on-pat-route',
        'warning',
        'If the call is a PAT-only endpoint (ListApps, the key-management calls and the other PATAuth RPCs), an app-specific API key cannot make it with any scope; which code Clarifai returns for that is not documented.',
        'Check the endpoint with `keydoctor routes <RPC>` and use a PAT where it says "PAT only".',
      ),
    ];
  },
  11008: () => [
    cause(
      'key/invalid-key',
      'error',
      'Clarifai rejected the key as invalid: the value sent is not a working key (mistyped, revoked, padded with quotes or whitespace, or a legacy secret).',
      `Run \`keydoctor check\` to inspect the value your project sends and compare it with the key listed at ${PAT_PAGE}.`,
    ),
    patWithoutApp('error', false),
    appKeyOtherApp(11008),
    expiredKey(),
  ],
  11009: () => [unknownKey(), keyNotSet(), staleValue()],
  11100: () => [
    cause(
      'endpoint/bad-request-format',
      'error',
      'Clarifai could not parse the request (broken JSON, a wrong Content-Type, or a broken multipart form); the key was not the problem.',
      'Send valid JSON with `Content-Type: application/json` and the field names from Clarifai\'s API reference.',
    ),
  ],
  11101: () => [resourceNotFound(), wrongOwner()],
  11102: (clues) => malformedHeader(clues, 'Clarifai found something wrong with a request header (the proto says 11102 is "something wrong with a header"), most often the Authorization header'),
  11103: () => [wrongMethod()],
  11104: () => [
    cause(
      'activation/no-gdpr-consent',
      'error',
      'The account has not given the GDPR consent Clarifai requires.',
      'Sign in at clarifai.com and accept the terms and privacy consent it asks for, then retry; a new key will not help.',
    ),
  ],
  11105: () => [
    cause(
      'endpoint/invalid-range',
      'error',
      'The request asked for an invalid range of a resource (the proto\'s wording; Clarifai does not document this code\'s message), such as a page or range parameter out of bounds.',
      'Check paging and range parameters (page, per_page, start and end) in the request.',
    ),
  ],
  11200: () => [
    cause(
      'activation/auth-method-disabled',
      'error',
      'The kind of credential used is disabled for this account or organisation (the proto\'s wording; Clarifai documents neither the message nor which methods can be disabled).',
      'Try the other kind of credential (a PAT instead of an app API key, or the reverse) and ask the organisation\'s admin whether a policy disables it.',
    ),
  ],
  21200: () => [
    resourceNotFound('model'),
    cause(
      'permissions/app-key-other-app',
      'warning',
      'If this is one of Clarifai\'s public models and the call used an app-specific API key, the 2023 and June 2025 changes require a PAT with user_id clarifai and app_id main; that Clarifai answers this with 21200 is inferred, not documented.',
      'Call public models with a PAT and user_id "clarifai", app_id "main".',
    ),
  ],
};

/** Rules by name for the many resource-specific codes (MODEL_PERMISSION_DENIED, WORKFLOW_DOES_NOT_EXIST…). */
function byFamily(status: PastedStatus): Finding[] {
  const resource = status.name.replace(/_(PERMISSION_DENIED|DOES_NOT_EXIST)$/u, '').toLowerCase().replace(/_/gu, ' ');
  if (status.name.endsWith('_PERMISSION_DENIED')) {
    return [
      cause(
        'permissions/permission-denied',
        'error',
        `The credential may not access this ${resource}: it belongs to another user or app, the key was made for a different app, or a collaborator's scopes are narrower.`,
        `Use a PAT of a user with access to the ${resource}, or a key created in the app that owns it; \`keydoctor routes <RPC>\` shows what each call needs.`,
      ),
    ];
  }
  if (status.name.endsWith('_DOES_NOT_EXIST')) return [resourceNotFound(resource), wrongOwner()];
  if (status.name.startsWith('BILLING_')) {
    return [
      cause(
        'activation/billing',
        'error',
        `Clarifai reports a billing problem for the account (${status.name}).`,
        'Check the billing details and plan on clarifai.com; a new key will not help.',
      ),
    ];
  }
  return [];
}

/** The findings for one status, most likely cause first: details first, then the code, then the code's family. */
export function statusFindings(status: PastedStatus, clues: Clues): Finding[] {
  // Without a details field the whole paste is searched, so `invalid key(None)` in a log line still counts.
  const pinpointed = status.details !== undefined ? detailsFindings(status.details, clues, false) : detailsFindings(clues.text, clues, true);
  if (pinpointed.length > 0) return pinpointed;
  const rule = BY_CODE[status.code];
  return rule ? rule(clues) : byFamily(status);
}

/** The findings a details string (or a whole paste, `inText`) pinpoints, or [] when no details rule fits. */
export function detailsFindings(text: string, clues: Clues, inText: boolean): Finding[] {
  for (const rule of DETAILS_RULES) {
    const m = ((inText && rule.inText) || rule.pattern).exec(text);
    if (m) return rule.explain(m, clues);
  }
  return [];
}

/** Candidates for an HTTP status seen without a Clarifai code: every cause that fits, most likely first. */
export function httpFindings(status: number, clues: Clues): Finding[] {
  switch (status) {
    case 401:
      return [keyNotSet(), unknownKey(), wrongFormat(), patWithoutApp('error', false), ...malformedHeader(clues, 'The Authorization header may be malformed').slice(0, 1)];
    case 403:
      return BY_CODE[11007]!(clues);
    case 429:
      return [throttled(), ...BY_CODE[11003]!(clues), ...BY_CODE[11004]!(clues)];
    case 402:
      return [...BY_CODE[11004]!(clues), ...BY_CODE[11000]!(clues)];
    case 404:
      return [resourceNotFound(), wrongOwner()];
    case 405:
      return [wrongMethod()];
    case 400:
      return [...BY_CODE[11100]!(clues), ...malformedHeader(clues, 'The Authorization header may be malformed').slice(0, 1)];
    default:
      if (status >= 500) {
        return [
          cause(
            'endpoint/server-error',
            'warning',
            `The server or a proxy in between failed with HTTP ${status}; this is not a key problem.`,
            'Retry later; if CLARIFAI_API_BASE points at a proxy or your own host, check that it is up (`keydoctor env` shows the value).',
          ),
        ];
      }
      if (status >= 300 && status < 400) {
        return [
          cause(
            'endpoint/redirect',
            'warning',
            `The API answered with a redirect (HTTP ${status}): the base URL is not Clarifai's API host, or http:// was used where https:// is served.`,
            'Use https://api.clarifai.com (or your on-prem base) as CLARIFAI_API_BASE; `keydoctor env` shows the value in use.',
          ),
        ];
      }
      return [];
  }
}
