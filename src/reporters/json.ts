// The JSON reporter: `{ version, findings }`, the public contract documented in the README.
import type { Reporter } from './report.js';
// C1 controls and bidi overrides are not escaped by JSON.stringify; as \uXXXX escapes they mean the same and show safely.
import { terminalSafe } from '../core/terminal-safe.js';

export const jsonReporter: Reporter = (report) =>
  terminalSafe(`${JSON.stringify({ version: report.version, findings: report.findings }, null, 2)}\n`);
