// env/no-credential on scanned projects: a key hard-coded where the SDK receives it is the credential the app sends,
// so there is no "no credential… create a PAT" (the exposure is exposure/hardcoded-key's).
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { check } from '../../../../src/checks/env/no-credential.js';
import { describeLoaderFixtures } from '../loader-fixtures.js';

describeLoaderFixtures(dirname(fileURLToPath(import.meta.url)), check, { located: false });
