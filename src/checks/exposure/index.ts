// The `exposure` checks, in the order they run.
import type { Check } from '../../types/check.js';
import { check as hardcodedKey } from './hardcoded-key.js';
import { check as envFileCommitted } from './env-file-committed.js';
import { check as codeCredentialBrowser } from './code-credential-browser.js';
import { check as codeCredentialLogged } from './code-credential-logged.js';
import { check as keyInHistory } from './key-in-history.js';
import { check as imageBakedKey } from './image-baked-key.js';
import { check as publicPrefixOnServer } from './public-prefix-on-server.js';

export const exposureChecks: Check[] = [hardcodedKey, envFileCommitted, codeCredentialBrowser, codeCredentialLogged, imageBakedKey, publicPrefixOnServer, keyInHistory];
