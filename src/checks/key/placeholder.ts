// Flags a credential variable that holds placeholder text (your_pat_here, <PAT>, None, xxx, an empty value) instead of a key.
import { hasKeyShape } from '../../providers/clarifai/key-format.js';
import { defineCheck, type CheckMeta } from '../../types/check.js';
import { keyFinding, keyTargets, notSentClause, replaceFix, subject } from './lib/targets.js';

const meta: CheckMeta = {
  id: 'key/placeholder',
  category: 'key',
  severity: 'error',
  title: 'Placeholder instead of a key',
  description:
    'The variable holds text from an example (your_pat_here, <PAT>, YOUR_CLARIFAI_PAT, xxx, changeme), a missing-value word (None, null, undefined) or nothing at all, so no real key is sent.',
};

export const check = defineCheck({
  meta,
  requires: ['env'],
  run(ctx) {
    const targets = keyTargets(ctx);
    // When another Clarifai credential holds a real-looking key, an empty or example variable is most likely unused.
    const usable = targets.find((o) => o.sent && !o.sessionToken && hasKeyShape(o.analysis));
    return targets.flatMap((t) => {
      const identity = t.analysis.identity;
      if (identity?.kind !== 'placeholder') return [];
      // An empty session token is what the SDKs expect when a PAT is used.
      if (t.sessionToken && identity.label === 'empty') return [];
      const alternative = usable && usable.name !== t.name ? usable : undefined;
      const what = identity.label === 'empty' ? 'is empty' : `holds ${identity.label}, not a key`;
      const message = `${subject(t)} ${what}${notSentClause(t)}.`;
      if (t.sessionToken) {
        return [keyFinding(meta, t, { message, fix: `Remove ${t.name}: session tokens are for Clarifai's web UI, and code should use a PAT in CLARIFAI_PAT.` })];
      }
      if (alternative) {
        return [
          keyFinding(meta, t, {
            severity: 'warning',
            message,
            fix: `${alternative.name} holds a key; delete this line if nothing reads ${t.name}, otherwise ${replaceFix(t).replace(/^./u, (c) => c.toLowerCase())}`,
          }),
        ];
      }
      const expand = identity.label.startsWith('a reference')
        ? ' Or keep the reference and load the file with dotenv-expand: expand(config()).'
        : '';
      return [keyFinding(meta, t, { message, fix: `${replaceFix(t)}${expand}` })];
    });
  },
});
