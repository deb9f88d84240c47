// Decides whether a header found in code is meant for Clarifai, so other services' headers are left alone.
import type { AuthHeaderSite, CodeEvidence } from '../../../types/code-evidence.js';
import { isClarifaiHost, isLoopbackHost, parseCodeUrl } from './code-url.js';

/** Files that mention Clarifai through a URL or an import: a header in them is presumed to go to Clarifai. */
export function clarifaiFiles(code: CodeEvidence): Set<string> {
  const files = new Set<string>();
  for (const u of code.urls) files.add(u.file);
  for (const i of code.imports) if (/clarifai/iu.test(i.module)) files.add(i.file);
  return files;
}

export function isForClarifai(site: AuthHeaderSite, files: ReadonlySet<string>): boolean {
  // Another API service's request (src/providers/others.ts), by its host or its key's name: never Clarifai's business.
  if (site.service !== undefined) return false;
  if (site.url !== undefined) {
    const url = parseCodeUrl(site.url);
    const v2 = url.path.startsWith('/v2');
    if (url.host !== undefined && (isClarifaiHost(url.host) || (isLoopbackHost(url.host) && v2))) return true;
    // Another host with a /v2 path may be an on-premises Clarifai or a proxy: let the other signals decide.
    if (url.host !== undefined && !v2) return false;
    if (url.host === undefined && v2) return true;
  }
  if (site.envNames.some((n) => /CLARIFAI/iu.test(n)) || /clarifai/iu.test(`${site.name} ${site.value}`)) return true;
  return files.has(site.file);
}
