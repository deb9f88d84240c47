// Guesses which kind of Clarifai credential a variable holds from its name (a PAT and an app key look alike).
export type CredentialKind = 'pat' | 'app-key';

/**
 * `CLARIFAI_PAT`, `MY_PAT`, `CLARIFAI_PAT_KEY` → pat; `CLARIFAI_API_KEY`, `APIKEY` → app-key. Only a hint:
 * the two kinds share one format, and LiteLLM even reads a PAT from CLARIFAI_API_KEY, so messages say "named like".
 */
export function credentialKindOf(name: string): CredentialKind | undefined {
  if (/(?:^|[_-])PAT(?:$|[_-])|PERSONAL_?ACCESS_?TOKEN/iu.test(name)) return 'pat';
  if (/API_?KEY/iu.test(name)) return 'app-key';
  return undefined;
}

/** The one kind every named credential agrees on, or undefined when none or they disagree. */
export function soleCredentialKind(names: Iterable<string>): { kind: CredentialKind; name: string } | undefined {
  let found: { kind: CredentialKind; name: string } | undefined;
  for (const name of names) {
    const kind = credentialKindOf(name);
    if (!kind) continue;
    if (found && found.kind !== kind) return undefined;
    found ??= { kind, name };
  }
  return found;
}
