// The terminal reporter: one group per category with ✓/!/✗, each finding with its culprit and fix, then a verdict.
import { CATEGORIES, type Category, type Finding } from '../types/diagnostic.js';
import { formatLocation } from '../types/location.js';
import { terminalSafe } from '../core/terminal-safe.js';
import type { SkipReason } from '../core/engine.js';
import type { Reporter } from './report.js';
import { makeStyle } from './style.js';
import { wrapLine } from './wrap.js';

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
  'not-requested': 'not part of this command (keydoctor check asks the API)',
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
      lines.push(...wrapLine(`${s.dim('[-]')} `, `${title} ${s.dim(`— not checked: ${NOT_CHECKED[status.reason ?? 'not-requested']}`)}`, options.width));
      continue;
    }
    if (found.length === 0 && status?.hidden) {
      lines.push(...wrapLine(`${s.yellow('[?]')} `, `${title} ${s.dim(`— ${status.hidden} ${status.hidden === 1 ? 'finding' : 'findings'} not shown here: run "keydoctor check"`)}`, options.width));
      continue;
    }
    const mark = worst === 'error' ? s.red(`[${s.fail}]`) : worst === 'warning' ? s.yellow(`[${s.warn}]`) : s.green(`[${s.ok}]`);
    lines.push(`${mark} ${title}`);
    for (const f of found) lines.push(...renderFinding(f, s, options.width));
  }
  for (const note of report.notes ?? []) lines.push(...wrapLine('', s.dim(terminalSafe(note)), options.width));
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  lines.push('');
  const { blocking, exposures, rootCause } = report.summary;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const root = rootCause !== undefined ? report.findings[rootCause] : undefined;
  if (blocking > 0) {
    lines.push(...wrapLine('', s.red(`${plural(blocking, 'problem', 'problems')} will make Clarifai reject the request.`), options.width));
    if (root) lines.push(...wrapLine('', `Fix first: ${root.message} ${s.dim(`[${root.id}]`)}`, options.width));
  }
  if (exposures > 0) lines.push(...wrapLine('', s.red(`${plural(exposures, 'credential is', 'credentials are')} exposed: revoke and replace ${exposures === 1 ? 'it' : 'them'} (see Exposure above).`), options.width));
  const otherWarnings = warnings - report.findings.filter((f) => f.category === 'exposure' && f.severity === 'warning').length;
  if (otherWarnings > 0) lines.push(s.yellow(`${plural(otherWarnings, 'warning', 'warnings')} to review.`));
  const unchecked = report.categories.filter((c) => c.status === 'not-checked').map((c) => CATEGORY_TITLES[c.category].toLowerCase());
  if (blocking === 0 && exposures === 0) {
    const scope = unchecked.length > 0 ? ` in what was checked (not checked: ${unchecked.join(', ')})` : '';
    lines.push(...wrapLine('', otherWarnings > 0 ? s.yellow(`No blocking problem found${scope}.`) : s.green(`No problem found${scope}.`), options.width));
  }
  return `${lines.join('\n')}\n`;
};

function renderFinding(f: Finding, s: ReturnType<typeof makeStyle>, width: number | undefined): string[] {
  // Messages quote servers, pasted text and file names: escaped before the reporter adds its own colours.
  const t = terminalSafe;
  const sym = f.severity === 'error' ? s.red(s.fail) : f.severity === 'warning' ? s.yellow(s.warn) : s.cyan(s.info);
  const out = wrapLine(`    ${sym} `, `${t(f.message)} ${s.dim(`[${t(f.id)}]`)}`, width);
  if (f.location) out.push(...wrapLine(`      ${s.dim('at')} `, t(formatLocation(f.location)), width));
  for (const r of f.related ?? []) out.push(...wrapLine(`      ${s.dim('and')} `, t(formatLocation(r)), width));
  if ('snippet' in (f.location ?? {}) && (f.location as { snippet?: string }).snippet) {
    // Code is shown as it is, cut at the edge rather than reflowed.
    const snippet = t((f.location as { snippet: string }).snippet);
    const room = width !== undefined ? Math.max(10, width - 8) : Infinity;
    out.push(`      ${s.dim('|')} ${[...snippet].length > room ? `${[...snippet].slice(0, room - 1).join('')}…` : snippet}`);
  }
  out.push(...wrapLine(`      ${s.arrow} `, t(f.fix), width));
  return out;
}
