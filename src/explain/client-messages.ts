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
    // The retired v1 API's bodies: {"status_code": "ALL_ERROR", …} and its throttle {"detail": "Request was throttled."}.
    pattern: /["']?status_code["']?\s*[:=]\s*["']?(ALL_ERROR|CLIENT_ERROR|PARTIAL_ERROR|TOKEN_(?:INVALID|EXPIRED|APP_INVALID|NO_SCOPE))\b|Request was throttled\./u,
    explain: (m) =>
      cause(
        'endpoint/legacy-client',
        'error',
        m[1]
          ? `This is an answer of Clarifai's retired v1 API (status_code ${m[1]}): the code or its client library still calls /v1/, which no longer serves accounts.`
          : 'This is the throttle answer of Clarifai\'s retired v1 API ("Request was throttled."): v1 gave new accounts no quota, so every call is throttled whatever the key.',
        'Move to the v2 API with a current client (clarifai for Python, clarifai-nodejs-grpc for Node) and a PAT sent as `Authorization: Key <PAT>`; `keydoctor check` finds the legacy client in the code.',
      ),
  },
  {
    // The old Python client (clarifai 2.x) joins the base and the path: a base that already holds /v2/ or a whole URL doubles it.
    pattern: /\/v2\/\/?v2\/|\/v2\/+https?:\/\//u,
    explain: () =>
      cause(
        'endpoint/doubled-v2',
        'error',
        'The request URL holds /v2/ twice (…/v2//v2/https://…): a full URL was given where the client expects a bare base or the key, so no request reached Clarifai\'s API and the key was never judged.',
        'Give the client only the key (ClarifaiApp(api_key=…)) and leave the base at its default, or set CLARIFAI_API_BASE to https://api.clarifai.com without /v2; `keydoctor env` shows the value in use.',
      ),
  },
  {
    // clarifai 2.x's ApiError when no HTTP answer came back at all.
    pattern: /status_code: N\/A, reason: N\/A/u,
    explain: () =>
      cause(
        'endpoint/unreachable',
        'error',
        'The old Python client got no HTTP answer at all (status_code: N/A): the URL it built is wrong, or the network or a proxy dropped the request; the key was never judged.',
        'Check the URL in the message and CLARIFAI_API_BASE (`keydoctor env`; the default is https://api.clarifai.com), then the network.',
      ),
  },
  {
    // The pre-2017 clients exchanged an app id and secret for a token: clarifai 1.x/2.0 (Python), clarifai2 (Java, Android).
    pattern: /TokenError: Could not get a new token|API call to refresh token unsuccessful|Provided AppSecret:/u,
    explain: () =>
      cause(
        'key/legacy-credentials',
        'error',
        'The old client tried to trade an app id and app secret for a token, a login Clarifai retired in 2017; no app id and secret work any more.',
        'Upgrade to a current client and authenticate with a PAT (or an app-specific API key) sent as `Authorization: Key <token>`; create one at https://clarifai.com/me/settings/secrets.',
      ),
  },
  {
    // Streamlit: st.secrets["…"] for a key that .streamlit/secrets.toml does not define.
    pattern: /st\.secrets has no key ["']([^"'\r\n]{1,80})["']/u,
    explain: (m) =>
      cause(
        'env/key-not-set',
        'error',
        `Streamlit's st.secrets has no key "${m[1]}", so the app never got a Clarifai key${/clarify|clarifi(?!ai)/iu.test(m[1]!) ? ` (and "${m[1]}" is not how Clarifai is spelt)` : ''}.`,
        `Define ${m[1]} in .streamlit/secrets.toml (locally) or in the app's Secrets settings (Streamlit Cloud), spelt exactly as the code reads it; the code and the file must use the same name.`,
      ),
  },
  {
    // A shell line written into Python: `export CLARIFAI_API_KEY = "…"` is a SyntaxError, or never runs in the shell.
    pattern: /^\s*export\s+["']?(CLARIFAI_\w{1,60}|CLARIFY\w{0,60})["']?\s*=/mu,
    explain: (m) =>
      cause(
        'env/wrong-definition',
        'error',
        /\.py\b|SyntaxError|Traceback/u.test(m.input)
          ? `A shell \`export ${m[1]} = …\` line sits inside a Python file: Python cannot run it (SyntaxError), and it never sets the variable.`
          : `\`export ${m[1]} = …\` has spaces around =, so the shell does not set ${m[1]} (it exports a variable named ${m[1]} with no value, then fails on "=").`,
        `Set the variable in the shell (\`export ${m[1]}=<key>\`, no spaces) or in a .env file loaded with load_dotenv(), and read it in the code with os.environ["${m[1]}"]; \`keydoctor env\` shows where it is defined.`,
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
    pattern: /certificate has expired|CERT_HAS_EXPIRED|certificate (?:is )?expired/iu,
    explain: () =>
      cause(
        'endpoint/tls',
        'error',
        'TLS failed before the key was even sent: the certificate the client saw has expired. Clarifai renews its own, so the usual culprits are a proxy or firewall that intercepts HTTPS, a wrong system clock, or an old trust store (the 2021 Let\'s Encrypt root change).',
        'Check the system clock, update the OS or runtime\'s CA certificates (Node, Python certifi), and if a proxy intercepts HTTPS point NODE_EXTRA_CA_CERTS or REQUESTS_CA_BUNDLE at its CA; do not turn verification off.',
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
