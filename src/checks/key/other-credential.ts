// Flags a credential variable that holds something other than a Clarifai key: another service's key, a JWT, a UUID, an id, a URL, a legacy app secret.
import { defineCheck, type CheckMeta } from '../../types/check.js';
import { keyFinding, keyTargets, notSentClause, replaceFix, subject } from './lib/targets.js';

const meta: CheckMeta = {
  id: 'key/other-credential',
  category: 'key',
  severity: 'error',
  title: 'Another credential instead of a Clarifai key',
  description:
    "The value is recognisably something else (an OpenAI, Anthropic, GitHub, AWS, Slack, Google or Hugging Face key, a JWT, a UUID, a user or app id, a URL, or a legacy 40-character Clarifai app secret), so Clarifai cannot accept it.",
};

export const check = defineCheck({
  meta,
  requires: ['env'],
  run(ctx) {
    return keyTargets(ctx).flatMap((t) => {
      const identity = t.analysis.identity;
      if (identity?.kind !== 'credential') return [];
      return [
        keyFinding(meta, t, {
          message: `${subject(t)} holds ${identity.label}, not a Clarifai key${notSentClause(t)}.`,
          fix: `${identity.hint.replace(/^./u, (c) => c.toUpperCase())}. ${replaceFix(t)}`,
        }),
      ];
    });
  },
});
