// The JSON reporter: the Result envelope, the public contract documented in the README.
import type { Reporter } from './report.js';
// C1 controls and bidi overrides are not escaped by JSON.stringify; as \uXXXX escapes they mean the same and show safely.
import { terminalSafe } from '../core/terminal-safe.js';

export const jsonReporter: Reporter = (report) => {
  const { version, command, findings, checks, credentials, summary, categories, notes, data } = report;
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
