// What Clarifai actually sends for the auth-related status codes: exact description/details strings and HTTP status, each tagged with how sure we are.
//
// Hand-curated from the research in docs/clarifai-facts.md (status codes, response shapes, limits). The names and numbers
// come from the generated table; this file adds only what the protos do not say. Keep the tags honest:
// "verified" = read in the named source, "inferred" = reasoning from verified facts, "unknown" = no source.
// Readers (explain, the emulator, live diagnosis) must say "unknown" out loud rather than guess.

import { PUBLIC_MODELS_NEED_PAT } from './pat-required.js';

export type FactTag = 'verified' | 'inferred' | 'unknown';

export interface Fact<T> {
  value: T;
  tag: FactTag;
  source?: string;
}

export interface StatusDescription {
  code: number;
  name: string;
  /** The proto's own comment on the enum value, verbatim (empty when it has none). */
  protoComment: string;
  /** The exact `status.description` the API returns; null when no source gives it. */
  description: Fact<string | null>;
  /** Known exact `status.details` strings. `invalid key(` is a prefix: the server echoes the token it got. */
  details: Fact<string>[];
  /** HTTP status of a REST response with this code: the verified one, candidates when inferred, [] when unknown. */
  httpStatus: Fact<number[]>;
  /** Anything a reader should tell the user that the fields above cannot carry. */
  note?: string;
}

const OLD_DOCS = 'old-docs api-guide/advanced-topics/status-codes.md (description table)';
const PROTO = 'proto status/status_code.proto (clarifai-nodejs-grpc 11.11.0)';
const unknownHttp: Fact<number[]> = { value: [], tag: 'unknown' };

export const STATUS_DESCRIPTIONS: readonly StatusDescription[] = [
  {
    code: 10000,
    name: 'SUCCESS',
    protoComment: '',
    description: { value: null, tag: 'unknown' },
    details: [],
    httpStatus: { value: [200], tag: 'inferred' },
    note: 'gRPC calls answer with transport status OK even for auth errors; success is status.code 10000 (Node README, py-grpc test_auth.py).',
  },
  {
    code: 10010,
    name: 'MIXED_STATUS',
    protoComment: '',
    description: { value: null, tag: 'unknown' },
    details: [],
    httpStatus: { value: [207], tag: 'verified', source: 'old clarifai-python client checks status_code == 207 and error_code == 10010' },
  },
  {
    code: 11000,
    name: 'CONN_ACCOUNT_ISSUES',
    protoComment: 'expired cc, still in trial, feature not supported in your tier',
    description: { value: 'Account or plan issue', tag: 'verified', source: OLD_DOCS },
    details: [],
    httpStatus: unknownHttp,
  },
  {
    code: 11001,
    name: 'CONN_TOKEN_INVALID',
    protoComment: 'invalid auth token used. Deprecated: we should return CONN_KEY_INVALID instead now in all cases.',
    description: { value: 'Invalid authentication token', tag: 'verified', source: `${OLD_DOCS}; response body in Clarifai/clarifai-python#46` },
    details: [{ value: 'expired token', tag: 'verified', source: 'Clarifai/clarifai-python#46 (legacy access token, 2017)' }],
    httpStatus: { value: [401], tag: 'verified', source: 'Clarifai/clarifai-python#46' },
    note: 'Legacy OAuth access tokens (replaced by API keys in 2017); today an expired key most likely gets 11008 instead.',
  },
  {
    code: 11002,
    name: 'CONN_CREDENTIALS_INVALID',
    protoComment: 'invalid auth credentials',
    description: { value: 'Invalid credentials', tag: 'verified', source: `${OLD_DOCS}; Clarifai/clarifai-android-starter#11 (legacy app id/secret)` },
    details: [],
    httpStatus: { value: [401], tag: 'verified', source: 'Clarifai/clarifai-android-starter#11' },
  },
  {
    code: 11003,
    name: 'CONN_EXCEED_HOURLY_LIMIT',
    protoComment: 'throttle hourly limit exceeded',
    description: { value: 'Hourly request limit exceeded', tag: 'verified', source: OLD_DOCS },
    details: [],
    httpStatus: { value: [429], tag: 'inferred' },
    note: 'No real quota-exhausted response body was found.',
  },
  {
    code: 11004,
    name: 'CONN_EXCEED_MONTHLY_LIMIT',
    protoComment: 'throttle monthly limit exceeded',
    description: { value: 'Monthly request limit exceeded', tag: 'verified', source: OLD_DOCS },
    details: [],
    httpStatus: { value: [429, 402], tag: 'inferred' },
    note: 'No real quota-exhausted response body was found.',
  },
  {
    code: 11005,
    name: 'CONN_THROTTLED',
    protoComment: 'throttler and billing stuff',
    description: { value: 'Making too many requests', tag: 'verified', source: `${OLD_DOCS}; docs resources/api-overview/rate-limits.md` },
    details: [{ value: 'exceeded limit of 15 requests per second', tag: 'verified', source: 'docs resources/api-overview/rate-limits.md' }],
    httpStatus: { value: [429], tag: 'inferred', source: 'the old Python client retried on HTTP 429 to "handle throttling"' },
    note: 'Default limit: 15 requests per second for every plan; the docs suggest backing off about 15 s.',
  },
  {
    code: 11006,
    name: 'CONN_EXCEEDS_LIMITS',
    protoComment: 'throttler and billing stuff',
    description: { value: 'Account limits exceeded', tag: 'verified', source: OLD_DOCS },
    details: [],
    httpStatus: unknownHttp,
  },
  {
    code: 11007,
    name: 'CONN_INSUFFICIENT_SCOPES',
    protoComment: 'api key has insufficient permissions',
    description: { value: 'API key has insufficient scopes', tag: 'verified', source: `${OLD_DOCS}; Clarifai/clarifai-java KeysIntTests` },
    details: [],
    httpStatus: { value: [401, 403], tag: 'inferred' },
    note: 'The docs say details name the missing scopes and/or endpoints; the exact wording is unknown.',
  },
  {
    code: 11008,
    name: 'CONN_KEY_INVALID',
    protoComment: 'api key is invalid',
    description: {
      value: 'Invalid API key or Invalid API key/application pair',
      tag: 'verified',
      source: `${OLD_DOCS}; clarifai-python-grpc tests/client/test_auth.py; PsychoinformaticsLab/pliers#403`,
    },
    details: [
      { value: 'Invalid format of key.', tag: 'verified', source: 'JettChenT/scan-for-webcams#32' },
      { value: 'Must provide app external ID in API authorizer', tag: 'verified', source: 'PsychoinformaticsLab/pliers#403 (a PAT without user_app_id on GET /v2/models)' },
    ],
    httpStatus: { value: [401], tag: 'verified', source: 'PsychoinformaticsLab/pliers#403; JettChenT/scan-for-webcams#32' },
    note: 'Bad key format, a PAT with no app, or (probably) a key used on another app. Match by code and by the prefix "Invalid API key".',
  },
  {
    code: 11009,
    name: 'CONN_KEY_NOT_FOUND',
    protoComment: 'api key not found',
    description: { value: 'API key not found', tag: 'verified', source: `${OLD_DOCS}; Clarifai/clarifai-python#96; clarifai-java test` },
    details: [{ value: 'invalid key(', tag: 'verified', source: 'Clarifai/clarifai-python#96: "invalid key(None)", the received token echoed in parentheses' }],
    httpStatus: { value: [401], tag: 'verified', source: 'Clarifai/clarifai-python#96' },
    note: 'A well-formed but unknown key. If the echoed value is None, undefined, null or empty, no key reached the client.',
  },
  {
    code: 11100,
    name: 'CONN_BAD_REQUEST_FORMAT',
    protoComment: 'multipart form parsing, broken json, etc',
    description: { value: 'Bad request format', tag: 'verified', source: OLD_DOCS },
    details: [],
    httpStatus: { value: [400], tag: 'inferred' },
  },
  {
    code: 11101,
    name: 'CONN_DOES_NOT_EXIST',
    protoComment: 'when path is bad',
    description: { value: 'Resource does not exist', tag: 'verified', source: `${OLD_DOCS}; clarifai-python-grpc test_concept_crud.py; Clarifai/clarifai-python#47` },
    details: [
      { value: "model_id 'general-v1.3' not found. Check the url of your request.", tag: 'verified', source: 'Clarifai/clarifai-python#47 (a model name used where an id was needed)' },
    ],
    httpStatus: { value: [404], tag: 'inferred', source: 'Clarifai/clarifai-ios#20 got HTTP 404 for the same bad model id (body not shown)' },
    note: 'A wrong id or a PAT whose owner is not the user_id asked for can look like an auth problem.',
  },
  {
    code: 11102,
    name: 'CONN_INVALID_REQUEST',
    protoComment: 'something wrong with a header',
    description: { value: 'Invalid request', tag: 'verified', source: `${OLD_DOCS}; Clarifai/clarifai-python-grpc#26` },
    details: [
      {
        value: 'Empty or malformed authorization header. Please provide an API key or session token.',
        tag: 'verified',
        source: 'Clarifai/clarifai-python-grpc#26; Clarifai/clarifai-nodejs-grpc#9',
      },
    ],
    httpStatus: { value: [400, 401], tag: 'inferred' },
    note: 'The header is missing or malformed: the scheme must be "Key" with a capital K and one space.',
  },
  {
    code: 11103,
    name: 'CONN_METHOD_NOT_ALLOWED',
    protoComment: 'when a request method is not allowed',
    description: { value: 'Method not allowed', tag: 'verified', source: `${OLD_DOCS}; Clarifai/clarifai-javascript#34` },
    details: [{ value: 'Method Not Allowed', tag: 'verified', source: 'Clarifai/clarifai-javascript#34 (a browser GET on a POST URL)' }],
    httpStatus: unknownHttp,
  },
  {
    code: 11104,
    name: 'CONN_NO_GDPR_CONSENT',
    protoComment: 'lack GDPR consent',
    description: { value: 'No GDPR Consent', tag: 'verified', source: OLD_DOCS },
    details: [],
    httpStatus: unknownHttp,
  },
  {
    code: 11105,
    name: 'CONN_INVALID_RANGE',
    protoComment: 'when invalid range of a resource is requested',
    description: { value: null, tag: 'unknown', source: 'not in the docs tables' },
    details: [],
    httpStatus: unknownHttp,
  },
  {
    code: 11200,
    name: 'CONN_AUTH_METHOD_DISABLED',
    protoComment: 'authentication method is disabled',
    description: { value: null, tag: 'unknown' },
    details: [],
    httpStatus: unknownHttp,
    note: 'docs.clarifai.com explains it as "Authentication method is disabled" (an explanation, not verified wire text).',
  },
  {
    code: 21200,
    name: 'MODEL_DOES_NOT_EXIST',
    protoComment: '',
    description: { value: null, tag: 'unknown' },
    details: [],
    httpStatus: unknownHttp,
    note: `A candidate (inferred, with 11008 and 11101) for an app API key calling clarifai/main models. ${PUBLIC_MODELS_NEED_PAT}`,
  },
];

let byCode: Map<number, StatusDescription> | undefined;

/** The curated facts for a status code, or undefined when this file has nothing beyond the proto. */
export function statusDescription(code: number): StatusDescription | undefined {
  byCode ??= new Map(STATUS_DESCRIPTIONS.map((d) => [d.code, d]));
  return byCode.get(code);
}
