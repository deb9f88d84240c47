// The terminal reporter: root causes first with their consequences folded under them, a checklist of categories, then a verdict.
import { CATEGORIES, type Category, type Finding } from '../types/diagnostic.js';
import { formatLocation } from '../types/location.js';
import { terminalSafe } from '../core/terminal-safe.js';
import type { SkipReason } from '../core/engine.js';
import { causalGroups, causeLinks, type CauseGroup } from '../checks/consequences.js';
import type { Reporter, ReporterOptions } from './report.js';
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

type S = ReturnType<typeof makeStyle>;

/** The sections a group lands in, in print order: what blocks the call, what leaks, what to review, notes. */
const SECTIONS: { title: string; pick(g: CauseGroup, root: Finding): boolean }[] = [
  { title: 'Why Clarifai rejects the request, root causes first:', pick: (g) => g.blocking },
  { title: 'Exposed credentials (urgent, but not why a call fails):', pick: (g, root) => !g.blocking && root.category === 'exposure' },
  { title: 'Warnings:', pick: (g, root) => !g.blocking && root.category !== 'exposure' && g.severity !== 'info' },
  { title: 'Notes:', pick: (g, root) => !g.blocking && root.category !== 'exposure' && g.severity === 'info' },
];

export const terminalReporter: Reporter = (report, options) => {
  const s = makeStyle(options.color, options.unicode);
  const lines: string[] = [];
  const links = report.causedBy ?? causeLinks(report.findings);
  const groups = causalGroups(report.findings, links);
  for (const section of SECTIONS) {
    const mine = groups.filter((g) => section.pick(g, report.findings[g.root]!));
    if (mine.length === 0) continue;
    lines.push(s.bold(section.title));
    for (const g of mine) {
      lines.push(...renderFinding(report.findings[g.root]!, s, options));
      for (const c of g.consequences) lines.push(...renderConsequence(report.findings[c]!, s, options));
    }
  }
  if (lines.length > 0) lines.push('');
  lines.push(...checklist(report, s, options.width));
  for (const note of report.notes ?? []) lines.push(...wrapLine('', s.dim(terminalSafe(note)), options.width));
  lines.push('', ...verdict(report, groups, s, options.width));
  return `${lines.join('\n')}\n`;
};

/** One line naming the categories checked without a problem, one per category that was not checked. */
function checklist(report: Parameters<Reporter>[0], s: S, width: number | undefined): string[] {
  const lines: string[] = [];
  const checked: string[] = [];
  for (const category of CATEGORIES) {
    const found = report.findings.filter((f) => f.category === category);
    const status = report.categories.find((c) => c.category === category);
    const title = CATEGORY_TITLES[category];
    if (found.length === 0 && status?.status === 'not-checked') {
      // Never a ✓ for what was not examined.
      lines.push(...wrapLine(`${s.dim('[-]')} `, `${s.bold(title)} ${s.dim(`— not checked: ${NOT_CHECKED[status.reason ?? 'not-requested']}`)}`, width));
      continue;
    }
    if (found.length === 0 && status?.hidden) {
      lines.push(...wrapLine(`${s.yellow('[?]')} `, `${s.bold(title)} ${s.dim(`— ${status.hidden} ${status.hidden === 1 ? 'finding' : 'findings'} not shown here: run "keydoctor check"`)}`, width));
      continue;
    }
    // A category with findings is shown by them; the clean ones are named here, so the reader sees what passed.
    if (!found.some((f) => f.severity !== 'info')) checked.push(title);
  }
  // Words of one title stay together when the line wraps: no-break spaces inside, plain spaces between.
  if (checked.length > 0) lines.unshift(...wrapLine(`${s.green(`[${s.ok}]`)} `, `${s.bold('No problem found in:')} ${checked.map((c) => c.replace(/ /gu, '\u00a0')).join(', ')}`, width).map((l) => l.replace(/\u00a0/gu, ' ')));
  return lines;
}

function verdict(report: Parameters<Reporter>[0], groups: CauseGroup[], s: S, width: number | undefined): string[] {
  const lines: string[] = [];
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  const { blocking, exposures, rootCause } = report.summary;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const root = rootCause !== undefined ? report.findings[rootCause] : undefined;
  if (blocking > 0) {
    const roots = groups.filter((g) => g.blocking).length;
    const from = roots < blocking ? ` (${plural(roots, 'root cause', 'root causes')}; the others follow from ${roots === 1 ? 'it' : 'them'})` : '';
    lines.push(...wrapLine('', s.red(`${plural(blocking, 'problem', 'problems')} will make Clarifai reject the request${from}.`), width));
    // Named, not repeated: the root is the first ✗ above, its fix printed there.
    if (root) lines.push(...wrapLine('', `Fix first: the first ${s.fail} above, ${s.dim(`[${terminalSafe(root.id)}]`)}${root.location ? ` at ${terminalSafe(formatLocation(root.location))}` : ''}.`, width));
  }
  if (exposures > 0) lines.push(...wrapLine('', s.red(`${plural(exposures, 'credential is', 'credentials are')} exposed: revoke and replace ${exposures === 1 ? 'it' : 'them'} (see Exposed credentials above).`), width));
  const otherWarnings = warnings - report.findings.filter((f) => f.category === 'exposure' && f.severity === 'warning').length;
  if (otherWarnings > 0) lines.push(s.yellow(`${plural(otherWarnings, 'warning', 'warnings')} to review.`));
  const unchecked = report.categories.filter((c) => c.status === 'not-checked').map((c) => CATEGORY_TITLES[c.category].toLowerCase());
  if (blocking === 0 && exposures === 0) {
    const scope = unchecked.length > 0 ? ` in what was checked (not checked: ${unchecked.join(', ')})` : '';
    lines.push(...wrapLine('', otherWarnings > 0 ? s.yellow(`No blocking problem found${scope}.`) : s.green(`No problem found${scope}.`), width));
  }
  return lines;
}

function symbol(f: Finding, s: S): string {
  return f.severity === 'error' ? s.red(s.fail) : f.severity === 'warning' ? s.yellow(s.warn) : s.cyan(s.info);
}

/** A root: its sentence, where, and the fix; with --verbose also the other places and the code line. */
function renderFinding(f: Finding, s: S, options: ReporterOptions): string[] {
  // Messages quote servers, pasted text and file names: escaped before the reporter adds its own colours.
  const t = terminalSafe;
  const { width } = options;
  const out = wrapLine(`  ${symbol(f, s)} `, `${t(f.message)} ${s.dim(`[${t(f.id)}]`)}`, width);
  if (f.location) out.push(...wrapLine(`    ${s.dim('at')} `, t(formatLocation(f.location)), width));
  if (options.verbose) out.push(...evidence(f, s, '    ', width));
  out.push(...wrapLine(`    ${s.arrow} `, t(f.fix), width));
  return out;
}

/**
 * A consequence, folded under its root: its sentence only (its fix is the root's); --verbose adds where and its own
 * fix. A guess (info) that the live answer or the root already settles is left out unless asked for.
 */
function renderConsequence(f: Finding, s: S, options: ReporterOptions): string[] {
  if (f.severity === 'info' && !options.verbose) return [];
  const t = terminalSafe;
  const { width } = options;
  // Compact: the sentence up to its first "; " (what it is, not why); --verbose prints it whole.
  const message = options.verbose ? f.message : f.message.replace(/; .*$/su, '.').replace(/\.\.$/u, '.');
  const out = wrapLine(`    ${s.dim('↳')} ${symbol(f, s)} `, `${s.dim('because of the above:')} ${t(message)} ${s.dim(`[${t(f.id)}]`)}`, width);
  if (!options.verbose) return out;
  if (f.location) out.push(...wrapLine(`        ${s.dim('at')} `, t(formatLocation(f.location)), width));
  out.push(...evidence(f, s, '        ', width));
  out.push(...wrapLine(`        ${s.arrow} `, t(f.fix), width));
  return out;
}

/** The evidence behind a finding: the other places involved and the code line (cut at the edge, never reflowed). */
function evidence(f: Finding, s: S, indent: string, width: number | undefined): string[] {
  const t = terminalSafe;
  const out: string[] = [];
  for (const r of f.related ?? []) out.push(...wrapLine(`${indent}${s.dim('and')} `, t(formatLocation(r)), width));
  const snippet = f.location && 'snippet' in f.location ? f.location.snippet : undefined;
  if (snippet) {
    const code = t(snippet);
    const room = width !== undefined ? Math.max(10, width - indent.length - 2) : Infinity;
    out.push(`${indent}${s.dim('|')} ${[...code].length > room ? `${[...code].slice(0, room - 1).join('')}…` : code}`);
  }
  return out;
}
