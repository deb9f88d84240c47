// Flags the pre-2017 app id/secret pair (`new Clarifai.App(clientId, clientSecret)`, `ClarifaiApp(app_id, app_secret)`, CLARIFAI_APP_SECRET): Clarifai no longer accepts it.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import type { Location } from '../../types/location.js';
import { migration, publicModelOfSite } from './legacy-client.js';
import type { ClientSite } from '../../types/code-evidence.js';
import type { PublicModel } from '../../providers/clarifai/public-models.js';
import { siteLocation, where, scrubFinding } from './lib/site.js';

const meta: CheckMeta = {
  id: 'endpoint/legacy-app-secret',
  category: 'endpoint',
  severity: 'error',
  title: 'Pre-2017 app ID and secret',
  description:
    "Before 2017 Clarifai's clients traded an app's client ID and secret for an access token (`POST /v2/token`) that " +
    'expired every 48 hours. Clarifai replaced the pair with API keys in 2017 and now Personal Access Tokens; the old pair ' +
    'gets 11002 "Invalid credentials" or 11001 "Invalid authentication token" (clarifai-android-starter#11, ' +
    'clarifai-python#46, #75). No update of the pair helps: a new credential is needed.',
};

/** The variables the 2.0-era clients read the pair from (the Python client documented CLARIFAI_APP_ID + CLARIFAI_APP_SECRET). */
export const LEGACY_SECRET_NAMES = ['CLARIFAI_APP_SECRET', 'CLARIFAI_CLIENT_SECRET'];

const WHY = 'Clarifai retired app ID/secret pairs and their access tokens in 2017, so the API answers 11002 "Invalid credentials" or 11001 "Invalid authentication token"';

/** The public model the same file calls through the client, so the fix can name it. */
function publicModelIn(sites: ClientSite[], file: string): PublicModel | undefined {
  return sites.filter((s) => s.file === file && s.form === 'public-model').map(publicModelOfSite).find((m) => m !== undefined);
}

export const check = defineCheck({
  meta,
  requires: ['env'],
  run({ evidence }) {
    const out: Finding[] = [];
    const code = evidence.code;
    const files = new Set<string>();
    for (const site of code?.clientSites ?? []) {
      if (site.form !== 'app-secret' || files.has(site.file)) continue;
      files.add(site.file);
      if (site.secret) {
        const how = site.secret.how === 'env' ? `sets ${site.secret.name} itself (the variable the 2.x clients read the secret from)` : `writes a 40-character app secret into \`${site.secret.name}\``;
        out.push(
          finding(meta, {
            message: `${where(site)} ${how}: the pre-2017 app ID and secret; ${WHY}.`,
            fix: `${migration(site.client, publicModelIn(code!.clientSites!, site.file))}${site.secret.how === 'literal' ? ' Delete the secret from the code too: it is committed.' : ''}`,
            location: siteLocation(site),
          }),
        );
        continue;
      }
      const call = site.client === 'js-clarifai-2' ? 'new Clarifai.App(clientId, clientSecret)' : site.client === 'py-clarifai-1' ? 'ClarifaiApi(app_id, app_secret)' : 'ClarifaiApp(app_id, app_secret)';
      out.push(
        finding(meta, {
          message: `${where(site)} creates the Clarifai client from an app ID and secret (${call}); ${WHY}.`,
          fix: migration(site.client, publicModelIn(code!.clientSites!, site.file)),
          location: siteLocation(site),
        }),
      );
    }
    for (const read of code?.envReads ?? []) {
      if (!LEGACY_SECRET_NAMES.includes(read.name) || files.has(read.file)) continue;
      files.add(read.file);
      out.push(
        finding(meta, {
          message: `${where(read)} reads ${read.name}, a pre-2017 app secret; ${WHY}.`,
          fix: migration(read.language === 'python' ? 'py-clarifai-2' : 'js-clarifai-2'),
          location: siteLocation(read),
        }),
      );
    }
    // Where the secret is still set: the shell, or a dotenv file.
    const env = evidence.env;
    const defined: { name: string; where: string; location: Location }[] = [];
    for (const name of LEGACY_SECRET_NAMES) {
      if (env.shell[name] !== undefined) defined.push({ name, where: 'your shell', location: { env: name, source: 'shell' } });
      for (const file of env.files) {
        const entry = file.entries.find((e) => e.name === name);
        // A dotenv line is a place in a file: `scan` shows it too.
        if (entry) defined.push({ name, where: `${file.display} line ${entry.line}`, location: { file: file.display, line: entry.line, column: entry.column } });
      }
    }
    for (const d of defined) {
      out.push(
        finding(meta, {
          message: `${d.name} is set in ${d.where}: it is a pre-2017 app secret, and ${WHY}.`,
          fix: `Delete ${d.name}; create a Personal Access Token at https://clarifai.com/me/settings/secrets, set CLARIFAI_PAT to it, and send it as \`Authorization: Key <PAT>\`.`,
          location: d.location,
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
