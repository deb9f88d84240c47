// The environment variables Clarifai's SDKs and clients read, and what each one holds.

export type VariableRole = 'pat' | 'api_key' | 'session_token' | 'user_id' | 'app_id' | 'api_base' | 'grpc_base';

export interface ClarifaiVariable {
  name: string;
  role: VariableRole;
  /** Holds a credential: mask it everywhere and run the key checks on it. */
  credential: boolean;
  note: string;
}

export const CLARIFAI_VARIABLES: readonly ClarifaiVariable[] = [
  { name: 'CLARIFAI_PAT', role: 'pat', credential: true, note: 'Personal Access Token, read by the official Python and Node SDKs' },
  { name: 'CLARIFAI_API_KEY', role: 'api_key', credential: true, note: 'legacy or third-party (old clarifai 2.x clients, LiteLLM); the current SDKs do not read it' },
  { name: 'CLARIFAI_USER_ID', role: 'user_id', credential: false, note: 'the user id a PAT must name (the resource owner)' },
  { name: 'CLARIFAI_APP_ID', role: 'app_id', credential: false, note: 'the app id a PAT must name' },
  { name: 'CLARIFAI_API_BASE', role: 'api_base', credential: false, note: 'REST base URL, default https://api.clarifai.com' },
  { name: 'CLARIFAI_GRPC_BASE', role: 'grpc_base', credential: false, note: 'gRPC host[:port], without a scheme' },
  { name: 'CLARIFAI_SESSION_TOKEN', role: 'session_token', credential: true, note: 'browser session token; not for code' },
];

export const CLARIFAI_VARIABLE_NAMES: readonly string[] = CLARIFAI_VARIABLES.map((v) => v.name);
export const CLARIFAI_CREDENTIAL_NAMES: readonly string[] = CLARIFAI_VARIABLES.filter((v) => v.credential).map((v) => v.name);

export function clarifaiVariable(name: string): ClarifaiVariable | undefined {
  return CLARIFAI_VARIABLES.find((v) => v.name === name);
}

/** Names that hold secrets whatever the provider: their values are masked in every output. */
export function looksLikeSecretName(name: string): boolean {
  return CLARIFAI_CREDENTIAL_NAMES.includes(name) || /(KEY|TOKEN|PAT|SECRET|PASSW|CREDENTIAL|AUTH)/iu.test(name);
}

/** 24 or more letters and digits in a row: the shape of a key (Clarifai's are 32 hex), whatever the variable is named. */
const KEY_SHAPED_RUN = /[A-Za-z0-9]{24,}/u;

/** The password in `scheme://user:password@host` (a proxy URL), if there is one. */
export function urlPassword(value: string): string | undefined {
  // A URL's credentials sit in its first characters: a megabyte value is not searched end to end.
  return /^[a-z][a-z0-9+.-]*:\/\/[^/@\s:]*:([^/@\s]+)@/iu.exec(value.slice(0, 2048).trim())?.[1];
}

/**
 * A value that must be masked by its shape, not its name: `CLARIFAI_PW=<hex>`, `VITE_CLARIFAI=<key>`, a key pasted
 * into CLARIFAI_USER_ID, `CLARIFAI_BEARER="Key <hex>"`, or a URL that carries a password.
 */
export function looksLikeSecretValue(value: string): boolean {
  return KEY_SHAPED_RUN.test(value) || urlPassword(value) !== undefined;
}
