// pasted/pasted-error: what a pasted Clarifai answer, SDK error or request means — its causes, most likely first.
import { detailsFindings, headerFindings, httpFindings, statusFindings, type Clues } from '../../explain/causes.js';
import { clientMessageFindings } from '../../explain/client-messages.js';
import type { Observation } from '../../explain/parse.js';
import { defineCheck } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';

const meta = {
  id: 'pasted/pasted-error',
  // Its findings carry their own categories; this one only places the check in the list of checks.
  category: 'key',
  severity: 'error',
  title: 'What the pasted answer means',
  description: 'Reads a pasted response body, gRPC status, SDK error or request and lists the causes that fit it, most likely first.',
} as const;

export function cluesOf(obs: Observation): Clues {
  return {
    text: obs.text,
    ...(obs.status ? { status: obs.status } : {}),
    ...(obs.httpStatus !== undefined ? { httpStatus: obs.httpStatus } : {}),
    ...(obs.authorization ? { authorization: obs.authorization } : {}),
  };
}

/** The causes, in the order of the advice: SDK messages, then what the status (or HTTP status) means. */
export function pastedCauses(obs: Observation): Finding[] {
  const clues = cluesOf(obs);
  const client = clientMessageFindings(obs.text);
  let main: Finding[] = [];
  if (obs.status) {
    main = statusFindings(obs.status, clues);
    // A pasted header that is visibly wrong is the most specific cause any auth failure can have.
    if ([11008, 11009].includes(obs.status.code)) main = [...headerFindings(obs.authorization), ...main];
    for (const other of obs.others) {
      main.push(...(other.details !== undefined ? statusFindings(other, { ...clues, status: other }) : statusFindings({ ...other, details: '' }, { ...clues, status: other })));
    }
  } else if (obs.httpStatus !== undefined) {
    main = [...headerFindings(obs.authorization), ...httpFindings(obs.httpStatus, clues)];
  } else {
    // No answer in the text, but the request it shows (a curl line, a headers dump) can be wrong on its own.
    main = headerFindings(obs.authorization);
  }
  return [...client, ...main];
}

export { detailsFindings };

export const check = defineCheck({
  meta,
  requires: ['pasted'],
  run({ evidence }) {
    return pastedCauses(evidence.pasted.observation);
  },
});
