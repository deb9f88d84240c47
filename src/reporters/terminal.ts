// The terminal reporter: one group per category with ✓/!/✗, each finding with its culprit and fix, then a verdict.
import { CATEGORIES, type Category, type Finding } from '../types/diagnostic.js';
import { formatLocation } from '../types/location.js';
import type { SkipReason } from '../core/engine.js';
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

/** Why a category was not checked, in words. */
const NOT_CHECKED: Record<SkipReason, string> = {
  offline: 'offline (nothing was sent; run without --offline to ask the API)',
  'no-code': 'no source code was read',
  'no-credential': 'no credential is set, so nothing could be probed',
  'not-requested': 'not part of this command',
};

export const terminalReporter: Reporter = (report, options) => {
  const s = makeStyle(options.color, options.unicode);
  const lines: string[] = [];
  for (const category of CATEGORIES) {
    const found = report.findings.filter((f) => f.category === category);
    const status = report.categories.find((c) => c.category === category);
    const worst = found.some((f) => f.severity === 'error') ? 'error' : found.some((f) => f.severity === 'warning') ? 'warning' : 'ok';
    const title = s.bold(CATEGORY_TITLES[category]);
    if (found.length === 0 && status?.status === 'not-checked') {
      // Never a ✓ for what was not examined.
      lines.push(`${s.dim('[-]')} ${title} ${s.dim(`— not checked: ${NOT_CHECKED[status.reason ?? 'not-requested']}`)}`);
      continue;
    }
    if (found.length === 0 && status?.hidden) {
      lines.push(`${s.yellow('[?]')} ${title} ${s.dim(`— ${status.hidden} ${status.hidden === 1 ? 'finding' : 'findings'} not shown here: run "keydoctor check"`)}`);
      continue;
    }
    const mark = worst === 'error' ? s.red(`[${s.fail}]`) : worst === 'warning' ? s.yellow(`[${s.warn}]`) : s.green(`[${s.ok}]`);
    lines.push(`${mark} ${title}`);
    for (const f of found) lines.push(...renderFinding(f, s));
  }
  for (const note of report.notes ?? []) lines.push(s.dim(note));
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
  const sym = f.severity === 'error' ? s.red(s.fail) : f.severity === 'warning' ? s.yellow(s.warn) : s.cyan(s.info);
  const out = [`    ${sym} ${f.message} ${s.dim(`[${f.id}]`)}`];
  if (f.location) out.push(`      ${s.dim('at')} ${formatLocation(f.location)}`);
  for (const r of f.related ?? []) out.push(`      ${s.dim('and')} ${formatLocation(r)}`);
  if ('snippet' in (f.location ?? {}) && (f.location as { snippet?: string }).snippet) {
    out.push(`      ${s.dim('|')} ${(f.location as { snippet: string }).snippet}`);
  }
  out.push(`      ${s.arrow} ${f.fix}`);
  return out;
}
