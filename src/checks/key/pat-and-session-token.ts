// Flags CLARIFAI_PAT and CLARIFAI_SESSION_TOKEN set together, which Clarifai's SDKs refuse.
import type { Check, CheckMeta } from '../../types/check.js';
import { defineCheck, finding } from '../../types/check.js';
import { sourceLabel } from './lib/targets.js';

const meta: CheckMeta = {
  id: 'key/pat-and-session-token',
  category: 'key',
  severity: 'error',
  title: 'PAT and session token both set',
  description:
    'CLARIFAI_PAT and CLARIFAI_SESSION_TOKEN are both set. The Python and Node SDKs read both and stop with "A personal access token OR a session token need to be provided, but you cannot provide both."',
};

export const check = defineCheck({
  meta,
  requires: ['env'],
  run(ctx) {
    const pat = ctx.evidence.env.variables.get('CLARIFAI_PAT')?.winner;
    const session = ctx.evidence.env.variables.get('CLARIFAI_SESSION_TOKEN')?.winner;
    // The SDKs compare with the empty string, so an empty variable counts as unset.
    if (!pat || !session || pat.value.reveal() === '' || session.value.reveal() === '') return [];
    const where = session.location.source === 'shell' ? 'run unset CLARIFAI_SESSION_TOKEN (and remove it from your shell profile or CI settings)' : `delete line ${session.location.line ?? '?'} of ${session.location.source}`;
    return [
      finding(meta, {
        message: `CLARIFAI_SESSION_TOKEN in ${sourceLabel(session.location)} and CLARIFAI_PAT in ${sourceLabel(pat.location)} are both set, and Clarifai's SDKs refuse to start with both ("you cannot provide both").`,
        fix: `Remove the session token: ${where}. Session tokens are for Clarifai's web UI; code should use the PAT.`,
        location: session.location,
        related: [pat.location],
      }),
    ];
  },
});
