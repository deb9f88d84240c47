// Pairs the REST paths in code with the credential sent along, as far as the code shows it.
import type { AuthHeaderSite, CodeEvidence, UrlSite } from '../../../types/code-evidence.js';
import { soleCredentialKind, type CredentialKind } from './credential-name.js';
import { judgeableRestPaths, toRestPath, type RestPath } from './routes.js';

export interface CredentialedPath extends RestPath {
  kind: CredentialKind;
  /** The env variable whose name gave the kind away. */
  variable: string;
  header: AuthHeaderSite;
}

/**
 * A header that names its URL pairs with that URL; otherwise, when every auth header in a file is built from
 * the same kind of credential, each Clarifai path in that file is presumed to be called with it.
 */
const pairedOf = new WeakMap<CodeEvidence, CredentialedPath[]>();

export function credentialedPaths(code: CodeEvidence): CredentialedPath[] {
  let out = pairedOf.get(code);
  if (!out) {
    out = pair(code);
    pairedOf.set(code, out);
  }
  return out;
}

function pair(code: CodeEvidence): CredentialedPath[] {
  const paths = judgeableRestPaths(code);
  const byPlace = new Map<string, RestPath>();
  for (const p of paths) if (!byPlace.has(`${p.site.file}\u0000${p.site.url}`)) byPlace.set(`${p.site.file}\u0000${p.site.url}`, p);
  const out: CredentialedPath[] = [];
  const paired = new Set<UrlSite>();
  for (const header of code.authHeaders) {
    if (header.url === undefined) continue;
    const cred = soleCredentialKind(header.envNames);
    if (!cred) continue;
    const { file, line, column, snippet } = header;
    const path =
      byPlace.get(`${header.file}\u0000${header.url}`) ??
      toRestPath({ file, line, column, snippet, url: header.url, kind: 'rest' });
    if (!path) continue;
    paired.add(path.site);
    out.push({ ...path, kind: cred.kind, variable: cred.name, header });
  }
  const byFile = new Map<string, AuthHeaderSite[]>();
  for (const h of code.authHeaders) {
    const list = byFile.get(h.file);
    if (list) list.push(h);
    else byFile.set(h.file, [h]);
  }
  for (const path of paths) {
    if (paired.has(path.site)) continue;
    const headers = byFile.get(path.site.file) ?? [];
    const cred = soleCredentialKind(headers.flatMap((h) => h.envNames));
    if (!cred) continue;
    out.push({ ...path, kind: cred.kind, variable: cred.name, header: headers.find((h) => h.envNames.includes(cred.name))! });
  }
  return out;
}
