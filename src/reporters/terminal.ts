// The terminal reporter: one group per category with ✓/!/✗, each finding with its culprit and fix, then a verdict.
import { CATEGORIES, type Category, type Finding } from '../types/diagnostic.js';
import { formatLocation } from '../types/location.js';
import { terminalSafe } from '../core/terminal-safe.js';
import type { Reporter } from './report.js';
import { makeStyle } from './style.js';

export const CATEGORY_TITLES: Record<Category, string> = {
  key: 'Key value',
  env: 'Environment and .env files',
  limits: 'Usage limits',
  activation: 'Activation',
  permissions: 'Permissions and scopes',
  headers: 'Authorization header',
  endpoint: 'Endpoint',
  exposure: 'Exposure',
};

export const terminalReporter: Reporter = (report, options) => {
  const s = makeStyle(options.color, options.unicode);
  const lines: string[] = [];
  for (const category of CATEGORIES) {
    const found = report.findings.filter((f) => f.category === category);
    const worst = found.some((f) => f.severity === 'error') ? 'error' : found.some((f) => f.severity === 'warning') ? 'warning' : 'ok';
    const mark = worst === 'error' ? s.red(`[${s.fail}]`) : worst === 'warning' ? s.yellow(`[${s.warn}]`) : s.green(`[${s.ok}]`);
    lines.push(`${mark} ${s.bold(CATEGORY_TITLES[category])}`);
    for (const f of found) lines.push(...renderFinding(f, s));
  }
  for (const note of report.notes ?? []) lines.push(s.dim(terminalSafe(note)));
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  lines.push('');
  if (errors > 0) {
    lines.push(s.red(`${errors} ${errors === 1 ? 'problem' : 'problems'} will make Clarifai reject the key${warnings ? `, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''}. Fix the first ${s.fail} above first.`));
  } else if (warnings > 0) {
    lines.push(s.yellow(`No blocking problem found; ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} to review.`));
  } else {
    lines.push(s.green('No problem found.'));
  }
  return `${lines.join('\n')}\n`;
};

function renderFinding(f: Finding, s: ReturnType<typeof makeStyle>): string[] {
  // Messages quote servers, pasted text and file names: escaped before the reporter adds its own colours.
  const t = terminalSafe;
  const sym = f.severity === 'error' ? s.red(s.fail) : f.severity === 'warning' ? s.yellow(s.warn) : s.cyan(s.info);
  const out = [`    ${sym} ${t(f.message)} ${s.dim(`[${t(f.id)}]`)}`];
  if (f.location) out.push(`      ${s.dim('at')} ${t(formatLocation(f.location))}`);
  for (const r of f.related ?? []) out.push(`      ${s.dim('and')} ${t(formatLocation(r))}`);
  if ('snippet' in (f.location ?? {}) && (f.location as { snippet?: string }).snippet) {
    out.push(`      ${s.dim('|')} ${t((f.location as { snippet: string }).snippet)}`);
  }
  out.push(`      ${s.arrow} ${t(f.fix)}`);
  return out;
}
