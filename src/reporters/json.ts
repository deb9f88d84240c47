// The JSON reporter: the Result envelope, the public contract documented in the README.
import type { Reporter } from './report.js';

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
  return `${JSON.stringify(envelope, null, 2)}\n`;
};
