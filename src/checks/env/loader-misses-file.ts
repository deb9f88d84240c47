// Reports a credential in a .env file the app's loader does not read (config/.env while dotenv reads ./.env), and the option that points it there.
import { defineCheck, type Check, type CheckMeta } from '../../types/check.js';
import { strandedFindings } from './nothing-loads-file.js';

const meta: CheckMeta = {
  id: 'env/loader-misses-file',
  category: 'env',
  severity: 'error',
  title: 'The loader reads another file',
  description:
    'The app loads a dotenv file, but not the one that holds the credential: dotenv reads .env in the working folder unless config({ path }) says otherwise, python-dotenv searches up from the calling file (never down into config/), a shell script sources the file it names. The fix is the path option, not a new key.',
};

export const check: Check = defineCheck({
  meta,
  requires: ['env', 'loaders'],
  run(ctx) {
    return strandedFindings(meta, ctx, 'elsewhere', (u) => `the app's loader does not read it: ${u.reason}`);
  },
});
