// endpoint/live-route: the call the user cares about is not a real Clarifai route, uses the wrong method, or names a missing resource.
import { defineCheck, finding } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { exchangeLocation, statusText, targetLabel } from '../../live/facts.js';
import { PLACEHOLDER_PARAM } from '../../live/targets.js';

const meta = {
  id: 'endpoint/live-route',
  category: 'endpoint',
  severity: 'error',
  title: 'The call is not a Clarifai route',
  description: "Clarifai's route table (generated from its protos) has no binding for the method and path; the API answers 11101 (no such path) or 11103 (method not allowed), which is easily mistaken for a key problem.",
} as const;

export const check = defineCheck({
  meta,
  requires: ['live'],
  run({ evidence }) {
    const live = evidence.live;
    const out: Finding[] = [];
    live.targets.forEach((t, i) => {
      const loc = t.location ? { location: t.location } : {};
      if (t.route.kind === 'no-match') {
        out.push(
          finding(meta, {
            message: `${t.method} ${t.path} is not a Clarifai API route, so Clarifai answers 11101 whatever the key.`,
            fix: t.route.nearest?.length ? `Use the route you meant; the nearest are: ${t.route.nearest.join('; ')} (keydoctor routes "<METHOD> <path>" explains any of them).` : 'Look the call up with keydoctor routes.',
            ...loc,
          }),
        );
      } else if (t.route.kind === 'wrong-method') {
        out.push(
          finding(meta, {
            message: `${t.path} exists, but not for ${t.method}: Clarifai binds only ${t.route.allowedMethods?.join(', ')} there and answers 11103 (method not allowed) to ${t.method}.`,
            fix: `Use ${t.route.nearest?.join(' or ')}.`,
            ...loc,
          }),
        );
      } else if (!t.path.includes(PLACEHOLDER_PARAM)) {
        // The key passed, but the path names something that is not there (a model name instead of its id…).
        const missing = live.exchanges.find((e) => e.purpose === 'target' && e.target === i && (e.status?.code === 11101 || e.status?.code === 21200));
        if (missing) {
          out.push(
            finding(meta, {
              severity: 'warning',
              message: `Clarifai answered ${targetLabel(t)} with ${statusText(missing.status!)}: the key got through, but the path names something that does not exist.`,
              fix: 'Check the ids in the path (a model id, not its display name; the right user_id and app_id for its owner).',
              location: exchangeLocation(missing),
              ...(t.location ? { related: [t.location] } : {}),
            }),
          );
        }
      }
    });
    return out;
  },
});
