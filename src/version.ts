// keydoctor's version and where its documentation lives, read once from package.json so there is one place to change them.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string; repository?: { url?: string } };

export const VERSION: string = pkg.version;

const REPOSITORY = (pkg.repository?.url ?? 'https://github.com/keydoctor/keydoctor').replace(/^git\+/u, '').replace(/\.git$/u, '');

/** The absolute address of a problem's docs page, at this version's tag (SARIF helpUri, docs links). */
export function docsUrl(id: string): string {
  return `${REPOSITORY}/blob/v${VERSION}/docs/checks/${id}.md`;
}
