// The JSON reporter: `{ version, findings }`, the public contract documented in the README.
import type { Reporter } from './report.js';

export const jsonReporter: Reporter = (report) =>
  `${JSON.stringify({ version: report.version, findings: report.findings }, null, 2)}\n`;
