// keydoctor's version, read once from package.json so there is one place to bump it.
import { readFileSync } from 'node:fs';

/** The package's own folder: src/ and every file of dist/ that uses it sit one level below it. */
export const PACKAGE_ROOT = new URL('../', import.meta.url);

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { version: string }
).version;
