// Errors Clarifai's SDKs and the network stack raise before any answer comes back, and what each one means.
import type { Finding } from '../types/diagnostic.js';
import { cause } from './finding.js';

interface ClientMessage {
  /** Exact fragments of the SDK's own error text (clarifai-python, clarifai-nodejs, clarifai-grpc) or the OS's. */
  pattern: RegExp;
  explain(match: RegExpExecArray): Finding;
}

const MESSAGES: readonly ClientMessage[] = [
  {
    // clarifai-python ClarifaiAuthHelper.validate() and .metadata
    pattern: /Need 'pat' or 'token'|'token' or 'pat' needed to be provided/u,
    explain: () =>
      cause(
        'env/key-not-set',
        'error',
        'The Clarifai SDK found no PAT: CLARIFAI_PAT (or CLARIFAI_SESSION_TOKEN) is not set and none was passed to the client, so no request was sent.',
        'Set CLARIFAI_PAT in the environment the program runs in, or pass pat=… to the client; run `keydoctor env` to see whether and where it is defined.',
      ),
  },
  {
    pattern: /Need 'user_id' to not be empty/u,
    explain: () =>
      cause(
        'env/user-id-not-set',
        'error',
        'The Clarifai SDK needs a user id: CLARIFAI_USER_ID is not set and none was passed to the client.',
        'Set CLARIFAI_USER_ID to the id of the user that owns the app (yours, or clarifai for public models); run `keydoctor env` to check it.',
      ),
  },
  {
    pattern: /Need 'app_id' to not be empty/u,
    explain: () =>
      cause(
        'env/app-id-not-set',
        'error',
        'The Clarifai SDK needs an app id: CLARIFAI_APP_ID is not set and none was passed to the client.',
        'Set CLARIFAI_APP_ID to the app that owns the resource (main for Clarifai\'s public models); run `keydoctor env` to check it.',
      ),
  },
  {
    pattern: /session token need to be provided, but you cannot provide both/u,
    explain: () =>
      cause(
        'key/pat-and-session-token',
        'error',
        'Both CLARIFAI_PAT and CLARIFAI_SESSION_TOKEN are set, and the Clarifai SDK refuses to choose between them.',
        'Unset CLARIFAI_SESSION_TOKEN (session tokens are for Clarifai\'s own web UI); run `keydoctor env` to see where each is defined.',
      ),
  },
  {
    // clarifai-grpc (Python) JSON channel, _read_auth_string
    pattern: /Please provide metadata with the format of/u,
    explain: () =>
      cause(
        'headers/scheme-format',
        'error',
        'The clarifai-grpc client refused the metadata before sending: it needs exactly one ("authorization", "Key <token>") pair, with a capital K and a single space.',
        'Pass metadata=(("authorization", "Key " + PAT),) with the key stripped of whitespace; `keydoctor check` inspects the value and where the metadata is built.',
      ),
  },
  {
    pattern: /should not start with https?:\/\/ or https?:\/\//u,
    explain: () =>
      cause(
        'endpoint/grpc-base-scheme',
        'error',
        'CLARIFAI_GRPC_BASE starts with http:// or https://, but a gRPC base is a bare host[:port].',
        'Set CLARIFAI_GRPC_BASE=api.clarifai.com (no scheme) or unset it; `keydoctor env` shows where it is defined.',
      ),
  },
  {
    pattern: /getaddrinfo (?:ENOTFOUND|EAI_AGAIN) ([\w.-]{1,253})/u,
    explain: (m) =>
      cause(
        'endpoint/unreachable',
        'error',
        `The API host ${m[1]} does not resolve: CLARIFAI_API_BASE is misspelt, or DNS or the network is down.`,
        'Check CLARIFAI_API_BASE and CLARIFAI_GRPC_BASE with `keydoctor env` (the default is https://api.clarifai.com), then the network.',
      ),
  },
  {
    pattern: /ECONNREFUSED\s*([\w.:[\]-]{0,80})/u,
    explain: (m) =>
      cause(
        'endpoint/unreachable',
        'error',
        `Nothing accepted the connection${m[1] ? ` at ${m[1]}` : ''}: the base URL points at a host and port where no API listens.`,
        'Check CLARIFAI_API_BASE and CLARIFAI_GRPC_BASE with `keydoctor env` (the default is https://api.clarifai.com; a local emulator must be running).',
      ),
  },
  {
    pattern: /\b14 UNAVAILABLE\b|StatusCode\.UNAVAILABLE/u,
    explain: () =>
      cause(
        'endpoint/unreachable',
        'error',
        'The gRPC channel could not reach the server (UNAVAILABLE): a wrong CLARIFAI_GRPC_BASE or port, a network problem, or TLS used against a plain-text port.',
        'Check CLARIFAI_GRPC_BASE with `keydoctor env` (the default is api.clarifai.com with TLS on 443), then the network.',
      ),
  },
  {
    pattern: /self[- ]signed certificate|unable to verify the first certificate|CERTIFICATE_VERIFY_FAILED|UNABLE_TO_GET_ISSUER_CERT/u,
    explain: () =>
      cause(
        'endpoint/tls',
        'error',
        'TLS verification failed before the key was even sent: a proxy or firewall intercepts HTTPS with its own certificate.',
        'Point NODE_EXTRA_CA_CERTS (Node), REQUESTS_CA_BUNDLE (Python) or CLARIFAI_ROOT_CERTIFICATES_PATH (gRPC) at the proxy\'s CA bundle; do not turn verification off.',
      ),
  },
];

/** Findings for every SDK or network error in the paste, in the order the rules are listed. */
export function clientMessageFindings(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of MESSAGES) {
    const match = m.pattern.exec(text);
    if (match) out.push(m.explain(match));
  }
  return out;
}
