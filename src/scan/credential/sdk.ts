// What Clarifai's SDKs read from the environment on their own, and which variable prefixes bundlers ship to browsers.

export interface SdkDefault {
  /** Shown in findings. */
  sdk: string;
  /** The variables the SDK reads when no credential is passed, the one to set first. */
  env: string[];
}

/**
 * Clarifai's Python SDK: every client (Model, User, App, Workflow, Dataset, Inputs, Search …) takes `pat=` and
 * otherwise reads CLARIFAI_PAT (BaseClient → get_from_dict_or_env("pat", "CLARIFAI_PAT"), clarifai-python
 * clarifai/client/base.py; recent versions fall back to the `clarifai login` config after the environment).
 */
export const PYTHON_SDK: SdkDefault = { sdk: 'the clarifai Python SDK', env: ['CLARIFAI_PAT'] };
/** LangChain's Clarifai integrations read `pat` or CLARIFAI_PAT (get_from_dict_or_env(values, "pat", "CLARIFAI_PAT")). */
export const LANGCHAIN: SdkDefault = { sdk: "LangChain's Clarifai integration", env: ['CLARIFAI_PAT'] };
/** clarifai-nodejs: BaseClient reads `authConfig.pat` or CLARIFAI_PAT (getFromDictOrEnv("pat", "CLARIFAI_PAT", authConfig)). */
export const NODE_SDK: SdkDefault = { sdk: 'the clarifai-nodejs SDK', env: ['CLARIFAI_PAT'] };

/** Python modules whose capitalised exports are Clarifai clients that authenticate themselves. */
export function pythonSdkModule(module: string): SdkDefault | undefined {
  if (/^clarifai\.(?:client|rag)(?:\.\w+)*$/u.test(module)) return PYTHON_SDK;
  if (/^langchain(?:_community)?\.(?:llms|embeddings|vectorstores|chat_models)(?:\.clarifai)?$/u.test(module)) return LANGCHAIN;
  return undefined;
}

/** Names imported from LangChain modules that are Clarifai's (the modules hold many other integrations). */
export function isLangchainClarifai(name: string): boolean {
  return /^Clarifai(?:Embeddings)?$/u.test(name);
}

export const NODE_SDK_PACKAGE = 'clarifai-nodejs';

/** Variable-name prefixes a frontend build inlines into the JavaScript it ships, so every visitor can read them. */
export const BROWSER_PREFIXES: readonly { prefix: string; tool: string }[] = [
  { prefix: 'REACT_APP_', tool: 'Create React App' },
  { prefix: 'NEXT_PUBLIC_', tool: 'Next.js' },
  { prefix: 'VITE_', tool: 'Vite' },
  { prefix: 'EXPO_PUBLIC_', tool: 'Expo' },
  { prefix: 'NUXT_PUBLIC_', tool: 'Nuxt' },
  { prefix: 'VUE_APP_', tool: 'Vue CLI' },
  { prefix: 'GATSBY_', tool: 'Gatsby' },
  { prefix: 'PUBLIC_', tool: 'SvelteKit and Astro' },
];

export function browserPrefix(name: string): { prefix: string; tool: string } | undefined {
  return BROWSER_PREFIXES.find((p) => name.startsWith(p.prefix));
}
