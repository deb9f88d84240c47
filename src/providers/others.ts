// Other well-known API services a Clarifai project also calls: their hosts, auth header, key shapes and env names, so the scan never judges them by Clarifai's rules.

/** One service, as its own API reference documents it (sources in docs/providers.md). */
export interface OtherService {
  name: string;
  /** Hosts, lowercased; `*.` matches any subdomain. */
  hosts: readonly string[];
  /** The header (or query parameter) the key travels in, lowercased, and its scheme word when there is one. */
  auth: readonly { header: string; scheme?: string; query?: true }[];
  /** Shapes of the service's keys; a literal matching one is that service's key, not Clarifai's. */
  keys: readonly RegExp[];
  /** Environment variable names the service's SDKs and docs use (a prefix ending in `_` matches any name after it). */
  env: readonly string[];
  /** Where a leaked key of this service is deleted: the fix of a hard-coded key points there, never to clarifai.com. */
  rotate: string;
}

export const OTHER_SERVICES: readonly OtherService[] = [
  {
    name: 'Anthropic',
    hosts: ['api.anthropic.com'],
    auth: [{ header: 'x-api-key' }],
    keys: [/^sk-ant-[A-Za-z0-9_-]{20,}$/u],
    env: ['ANTHROPIC_API_KEY', 'CLAUDE_API_KEY'],
    rotate: 'https://console.anthropic.com/settings/keys',
  },
  {
    name: 'OpenAI',
    hosts: ['api.openai.com'],
    auth: [{ header: 'authorization', scheme: 'bearer' }],
    // `sk-ant-` is Anthropic's: checked first, since the table is read in order.
    keys: [/^sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}$/u],
    env: ['OPENAI_API_KEY', 'OPENAI_KEY'],
    rotate: 'https://platform.openai.com/api-keys',
  },
  {
    name: 'Hugging Face',
    hosts: ['api-inference.huggingface.co', 'router.huggingface.co', 'huggingface.co', '*.huggingface.co', '*.endpoints.huggingface.cloud'],
    auth: [{ header: 'authorization', scheme: 'bearer' }],
    keys: [/^hf_[A-Za-z0-9]{30,}$/u],
    env: ['HF_TOKEN', 'HUGGINGFACE_TOKEN', 'HUGGING_FACE_HUB_TOKEN', 'HUGGINGFACEHUB_API_TOKEN', 'HF_API_TOKEN', 'HF_API_KEY', 'HUGGINGFACE_API_KEY'],
    rotate: 'https://huggingface.co/settings/tokens',
  },
  {
    name: 'Azure',
    hosts: ['*.openai.azure.com', '*.cognitiveservices.azure.com', '*.api.cognitive.microsoft.com', '*.services.ai.azure.com'],
    auth: [{ header: 'api-key' }, { header: 'ocp-apim-subscription-key' }],
    // Azure AI keys are 32 hex (older resources) or 84 characters of base62 ending in `AAAB…` (newer ones): the hex
    // form is Clarifai's shape too, so only a name or a host tells them apart.
    keys: [/^[A-Za-z0-9]{84}$/u],
    env: ['AZURE_', 'AOAI_'],
    rotate: "the Azure portal (the resource's Keys and Endpoint page: regenerate the key)",
  },
  {
    name: 'Google AI',
    hosts: ['generativelanguage.googleapis.com'],
    auth: [{ header: 'x-goog-api-key' }, { header: 'key', query: true }],
    keys: [/^AIza[0-9A-Za-z_-]{35}$/u],
    env: ['GOOGLE_API_KEY', 'GEMINI_API_KEY', 'GOOGLE_GENAI_API_KEY'],
    rotate: 'https://aistudio.google.com/apikey',
  },
  {
    name: 'Giphy',
    hosts: ['api.giphy.com'],
    auth: [{ header: 'api_key', query: true }],
    // 32 letters and digits: the same shape as a Clarifai key, so only the name or the host tells.
    keys: [],
    env: ['GIPHY_API_KEY', 'GIPHY_KEY', 'REACT_APP_GIPHY_API_KEY', 'VITE_GIPHY_API_KEY', 'NEXT_PUBLIC_GIPHY_API_KEY'],
    rotate: 'https://developers.giphy.com/dashboard/',
  },
  {
    name: 'Twilio',
    hosts: ['api.twilio.com', '*.twilio.com'],
    auth: [{ header: 'authorization', scheme: 'basic' }],
    // Account and API key SIDs: `AC`/`SK` and 32 hex. The auth token is 32 hex with no prefix: named, not shaped.
    keys: [/^(?:AC|SK)[0-9a-f]{32}$/u],
    env: ['TWILIO_'],
    rotate: 'https://console.twilio.com/ (Account → API keys & tokens)',
  },
  {
    name: 'Replicate',
    hosts: ['api.replicate.com'],
    auth: [{ header: 'authorization', scheme: 'bearer' }, { header: 'authorization', scheme: 'token' }],
    keys: [/^r8_[A-Za-z0-9]{37}$/u],
    env: ['REPLICATE_API_TOKEN', 'REPLICATE_API_KEY'],
    rotate: 'https://replicate.com/account/api-tokens',
  },
  {
    name: 'Cohere',
    hosts: ['api.cohere.com', 'api.cohere.ai'],
    auth: [{ header: 'authorization', scheme: 'bearer' }],
    keys: [],
    env: ['COHERE_API_KEY', 'CO_API_KEY'],
    rotate: 'https://dashboard.cohere.com/api-keys',
  },
  {
    name: 'Groq',
    hosts: ['api.groq.com'],
    auth: [{ header: 'authorization', scheme: 'bearer' }],
    keys: [/^gsk_[A-Za-z0-9]{40,}$/u],
    env: ['GROQ_API_KEY'],
    rotate: 'https://console.groq.com/keys',
  },
  {
    name: 'Mistral',
    hosts: ['api.mistral.ai', 'codestral.mistral.ai'],
    auth: [{ header: 'authorization', scheme: 'bearer' }],
    keys: [],
    env: ['MISTRAL_API_KEY', 'CODESTRAL_API_KEY'],
    rotate: 'https://console.mistral.ai/api-keys',
  },
];

function hostMatches(pattern: string, host: string): boolean {
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
}

/** The service a host belongs to, or undefined for Clarifai's and unknown hosts. */
export function serviceOfHost(host: string): OtherService | undefined {
  const h = host.toLowerCase().replace(/\.$/u, '');
  return OTHER_SERVICES.find((s) => s.hosts.some((p) => hostMatches(p, h)));
}

/** The service whose key shape a literal has (`sk-ant-…`, `hf_…`, `AIza…`), or undefined. */
export function serviceOfKey(value: string): OtherService | undefined {
  return OTHER_SERVICES.find((s) => s.keys.some((re) => re.test(value)));
}

/** The service an environment variable name belongs to (`OPENAI_API_KEY`, `TWILIO_AUTH_TOKEN`, `AZURE_OPENAI_KEY`), or undefined. */
export function serviceOfEnvName(name: string): OtherService | undefined {
  if (/CLARIFAI/iu.test(name)) return undefined;
  const n = name.toUpperCase().replace(/^(?:REACT_APP|NEXT_PUBLIC|VITE|EXPO_PUBLIC|NUXT_PUBLIC|VUE_APP|GATSBY)_/u, '');
  return OTHER_SERVICES.find((s) => s.env.some((e) => (e.endsWith('_') ? n.startsWith(e) : n === e || name.toUpperCase() === e)));
}

/**
 * The service an identifier names (`openai_api_key`, `giphyKey`, `self.hf_token`, `twilioAuthToken`): a variable named
 * after another service holds that service's key. Words are matched whole, so `azure` in `azureKey` counts but not
 * in `lazurel`.
 */
export function serviceOfIdentifier(name: string): OtherService | undefined {
  if (/clarifai/iu.test(name)) return undefined;
  const words = name
    .replace(/([a-z0-9])([A-Z])/gu, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter(Boolean);
  const has = (w: string) => words.includes(w);
  if (has('anthropic') || has('claude')) return byName('Anthropic');
  if (has('openai') && !has('azure')) return byName('OpenAI');
  if (has('hf') || has('huggingface') || (has('hugging') && has('face'))) return byName('Hugging Face');
  if (has('azure') || has('aoai')) return byName('Azure');
  if (has('gemini') || (has('google') && !has('clarifai'))) return byName('Google AI');
  if (has('giphy')) return byName('Giphy');
  if (has('twilio')) return byName('Twilio');
  if (has('replicate')) return byName('Replicate');
  if (has('cohere')) return byName('Cohere');
  if (has('groq')) return byName('Groq');
  if (has('mistral') || has('codestral')) return byName('Mistral');
  return undefined;
}

function byName(name: string): OtherService {
  return OTHER_SERVICES.find((s) => s.name === name)!;
}

/** Hosts of every service, as one test for a text worth resolving hosts in. */
export const OTHER_SERVICE_HINT = /anthropic|openai|huggingface|hf_|azure|googleapis|giphy|twilio|replicate|cohere|groq|mistral/iu;
