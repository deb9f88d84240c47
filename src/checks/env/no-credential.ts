// Reports that no Clarifai credential reaches the app: none in the shell and none in any loaded .env file.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import { credentialNames, isPlaceholder } from './lib/env.js';

const meta: CheckMeta = {
  id: 'env/no-credential',
  category: 'env',
  severity: 'error',
  title: 'No Clarifai credential set',
  description:
    'Neither the shell environment nor any .env file the app loads defines CLARIFAI_PAT, CLARIFAI_API_KEY or CLARIFAI_SESSION_TOKEN, so the client sends no key (Clarifai answers 11009 "API key not found", often with invalid key(None)).',
};

export const check = defineCheck({
  meta,
  requires: ['env'],
  run({ evidence, options }) {
    const names = credentialNames({ evidence, options });
    if (names.some((n) => evidence.env.variables.get(n)?.winner)) return [];
    // A credential sitting in a file nothing loads is reported by env/file-not-loaded, which can say why.
    const stranded = evidence.env.files.some((f) => !f.loaded && names.some((n) => Object.hasOwn(f.parsed, n) && !isPlaceholder(f.parsed[n]!)));
    if (stranded) return [];
    // A key hard-coded where the code sends it is the credential the app sends (exposure/hardcoded-key reports the leak).
    if ((evidence.code?.credentials ?? []).some((c) => c.origin.kind === 'literal' && !isPlaceholder(c.origin.value.reveal()))) return [];
    // A container or CI step that gets the key (the image's ENV, an env_file, a repository secret) has a credential:
    // what it does wrong, if anything, is the container and CI checks' to say.
    const elsewhere = (evidence.loaders?.entryPoints ?? []).some((e) =>
      (e.values ?? []).some((v) => v.from === 'secret' || (v.value !== undefined && v.value.reveal().trim() !== '' && !isPlaceholder(v.value.reveal()))),
    );
    if (elsewhere) return [];
    // A BOM that python-dotenv keeps in the first name is env/bom-first-name's: the credential is there, misnamed.
    if (evidence.env.files.some((f) => f.loaded && names.some((n) => Object.hasOwn(f.parsed, `\uFEFF${n}`)))) return [];
    const loaded = evidence.env.files.filter((f) => f.loaded);
    const readable = loaded.filter((f) => !f.unreadable).map((f) => f.display);
    const unreadable = loaded.filter((f) => f.unreadable).map((f) => `${f.display} could not be read: ${f.unreadable}`);
    const where =
      readable.length > 0 ? `the shell environment or in ${readable.join(', ')}` : 'the shell environment, and there is no readable .env file';
    return [
      finding(meta, {
        message: `No Clarifai credential is set: none of ${names.join(', ')} is defined in ${where}${unreadable.length ? ` (${unreadable.join('; ')})` : ''}.`,
        fix: `Create a Personal Access Token at https://clarifai.com/me/settings/secrets and add the line CLARIFAI_PAT=<your PAT> to ${readable[0] ?? '.env'} (or run: export CLARIFAI_PAT=<your PAT>).`,
      }),
    ];
  },
});
