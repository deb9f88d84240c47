// The JSON reporter: the Result envelope, the public contract documented in the README.
import type { Reporter } from './report.js';
// C1 controls and bidi overrides are not escaped by JSON.stringify; as \uXXXX escapes they mean the same and show safely.
import { terminalSafe } from '../core/terminal-safe.js';

export const jsonReporter: Reporter = (report) => {
  const { version, command, checks, credentials, summary, categories, notes, data } = report;
  // Additive: a consequence names the index of the root it follows from.
  const findings = report.findings.map((f, i) => (report.causedBy?.[i] !== undefined ? { ...f, causedBy: report.causedBy[i] } : f));
  const envelope = {
    version,
    command,
    findings,
    checks,
    categories,
    credentials,
    summary,
    ...(notes && notes.length > 0 ? { notes } : {}),
    ...(data ? { [command]: data } : {}),
  };
  return terminalSafe(`${JSON.stringify(envelope, null, 2)}\n`);
};
