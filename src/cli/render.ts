// Picks the reporter for a command's --json / --format flags and computes the exit code from findings.
import { hasErrors, type Report } from '../reporters/report.js';
import { jsonReporter } from '../reporters/json.js';
import { terminalReporter } from '../reporters/terminal.js';
import type { CommandContext } from './io.js';

export function renderReport(report: Report, format: 'text' | 'json', ctx: CommandContext, verbose = false): number {
  const reporter = format === 'json' ? jsonReporter : terminalReporter;
  ctx.out(reporter(report, { color: ctx.color, unicode: ctx.unicode, verbose, ...(ctx.width !== undefined ? { width: ctx.width } : {}) }));
  return hasErrors(report.findings) ? 1 : 0;
}
