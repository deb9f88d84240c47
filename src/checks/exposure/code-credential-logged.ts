// Flags code that prints or logs the Clarifai key (print(pat), console.log(PAT), logger.info(f"…{pat}")), which copies it into logs and notebook outputs.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { siteLocation, scrubFinding, where } from '../endpoint/lib/site.js';
import { capPerFile } from '../env/lib/code-credentials.js';

const meta: CheckMeta = {
  id: 'exposure/code-credential-logged',
  category: 'exposure',
  severity: 'warning',
  title: 'Clarifai key printed or logged',
  description:
    'The code prints or logs the Clarifai key itself. Whatever collects that output — a terminal scrollback, CI logs, ' +
    'a log service, a notebook output cell that gets committed, a Streamlit page — now holds the full key. Print ' +
    'whether the key is set, or its length, never the key.',
};

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const out: Finding[] = [];
    for (const log of evidence.code.credentialLogs ?? []) {
      const from = log.envNames.length > 0 ? ` (read from ${log.envNames.join(' / ')})` : '';
      const python = /\.(?:py|ipynb)$/u.test(log.file);
      const safe = python ? `print("Clarifai key set:", bool(${log.expression}))` : `console.log('Clarifai key set:', Boolean(${log.expression}))`;
      out.push(
        finding(meta, {
          message: `${where(log)} passes the Clarifai key \`${log.expression}\`${from} to ${log.via}, which writes the full key to the output.`,
          fix: `Log only whether it is set, e.g. ${safe}; if that output was ever shared or committed (CI logs, notebook outputs), delete the key and create a new one at https://clarifai.com/me/settings/secrets.`,
          location: siteLocation(log),
        }),
      );
    }
    return capPerFile(meta, out).map(scrubFinding);
  },
});
