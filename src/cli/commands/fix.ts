// `keydoctor fix`: shows the mechanical fixes of an offline diagnosis as a masked diff, and with --write applies them and diagnoses again.
import { resolve } from 'node:path';
import { diagnose, type DiagnoseRequest, type Result } from '../../core/diagnose.js';
import { ERROR_CODES, usageError } from '../../core/errors.js';
import { PROBLEMS, problemFor } from '../../checks/registry.js';
import { applyPlan, planFixes, type ApplyOutcome, type FixPlan } from '../../fix/apply.js';
import { jsonReporter } from '../../reporters/json.js';
import { reportOf } from '../../reporters/report.js';
import type { Finding } from '../../types/diagnostic.js';
import { formatLocation } from '../../types/location.js';
import { stringList, type Command } from '../command.js';
import type { CommandContext } from '../io.js';

const MASK_NOTE =
  'Lines that hold a key show it masked (first 4 and last 2 characters, hidden characters spelled out): the fix removes only what is around or inside the key, never its own characters, and keydoctor writes no key anywhere.';

export const command: Command = {
  name: 'fix',
  summary: 'Preview the mechanical fixes as a diff, or apply them with --write',
  options: {
    write: { type: 'boolean' },
    only: { type: 'string', multiple: true },
    yes: { type: 'boolean', short: 'y' },
    json: { type: 'boolean' },
    'env-file': { type: 'string', multiple: true },
    expect: { type: 'string', multiple: true },
    'no-scan': { type: 'boolean' },
  },
  help: `Usage: keydoctor fix [DIR] [options]

Diagnoses the project offline (nothing is sent) and shows, as a unified diff, the
fixes keydoctor can make itself: whitespace, invisible characters, quotes or a
pasted "Key "/"Bearer " removed from a key in a .env file; a BOM removed; CRLF
turned into LF in a .env a shell sources; a near-miss variable name renamed;
.env added to .gitignore (and untracked with git rm --cached). Without --write
nothing changes. A line that holds a key shows it masked.

Options:
  --write              Apply the fixes, then diagnose again and say what is left
  --only ID,ID         Only these problems (e.g. key/whitespace,env/near-miss-name)
  -y, --yes            With --write and no terminal, apply fixes not marked safe too
  --json               Print the result as JSON (the fix data under "fix")
  --env-file PATH      Also load this dotenv file (repeatable)
  --expect NAME        Also judge this variable (repeatable)
  --no-scan            Do not read the code

Without a terminal (CI, a pipe), --write applies only fixes marked safe unless
--yes is given. A file is written only if it is still exactly what the
diagnosis read, inside the project, valid UTF-8 text, writable and not in a
merge; otherwise nothing is written at all. Each file is written whole through
a temporary file and a rename, keeping its mode and every other byte. git
history is never rewritten: a committed key must be rotated.

Examples:
  keydoctor fix
  keydoctor fix --write
  keydoctor fix --write --only key/whitespace,env/near-miss-name

Exit codes: 0 nothing to fix (or all fixed), 1 findings remain, 2 usage error
or a refused fix (KD_ERR_FIX_REFUSED).
`,
  async run(values, positionals, ctx) {
    const only = stringList(values.only).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
    for (const id of only) {
      const p = problemFor(id);
      if (!p) throw usageError(`--only: "${id}" is not a problem id. Run "keydoctor fix --help".`);
      if (!p.fixable) throw usageError(`--only: keydoctor fix has no fix for ${p.id}; fixable: ${PROBLEMS.filter((x) => x.fixable).map((x) => x.id).join(', ')}.`);
    }
    const projectDir = positionals[0] ?? '.';
    const request: DiagnoseRequest = {
      command: 'fix',
      projectDir,
      env: ctx.io.env,
      envFiles: stringList(values['env-file']),
      expect: stringList(values.expect),
      cwd: ctx.io.cwd,
      scan: !values['no-scan'],
      live: false,
      redactor: ctx.redactor,
    };
    const before = await diagnose(request);
    const write = Boolean(values.write);
    // Unattended (no terminal) only safe fixes, unless the user said yes ahead of time.
    const attended = Boolean(ctx.io.stdinIsTTY) && ctx.io.stdoutIsTTY;
    const plan = planFixes(before, resolveDir(ctx, projectDir), { only, safeOnly: write && !attended && !values.yes });
    if (!write) return finish(ctx, values, before, plan, undefined, undefined);
    const outcome = applyPlan(plan);
    if (outcome.refusals.length > 0 || outcome.written.length + outcome.untracked.length === 0) return finish(ctx, values, before, plan, outcome, undefined);
    const after = await diagnose(request);
    return finish(ctx, values, before, plan, outcome, after);
  },
};

function resolveDir(ctx: CommandContext, dir: string): string {
  return resolve(ctx.io.cwd, dir);
}

const keyOf = (f: Pick<Finding, 'id' | 'location'>) => `${f.id} ${f.location ? formatLocation(f.location) : ''}`;

/** Prints the preview or the outcome (text or JSON) and returns the exit code. */
function finish(ctx: CommandContext, values: Record<string, unknown>, before: Result, plan: FixPlan, outcome: ApplyOutcome | undefined, after: Result | undefined): number {
  const refusals = outcome?.refusals ?? plan.refusals;
  const planned = plan.fixes.filter((f) => f.status === 'planned');
  const finalResult = after ?? before;
  const fixable = finalResult.findings.filter((f) => f.autofix && problemFor(f.id)?.fixable);
  const fixed = after ? planned.filter((p) => !after.findings.some((f) => keyOf(f) === `${p.id} ${p.at}`)) : [];
  const left = after ? after.findings : [];
  let code: number;
  if (refusals.length > 0 || (outcome?.errors.length ?? 0) > 0) code = 2;
  else if (after) code = fixable.length > 0 || left.some((f) => f.severity === 'error') ? 1 : 0;
  else code = planned.length > 0 || fixable.length > 0 ? 1 : 0;
  if (values.json) {
    const data = {
      mode: outcome ? 'write' : 'preview',
      fixes: plan.fixes,
      changes: plan.changes.map((c) => ({ file: c.file, created: c.created, diff: c.diff, masked: c.masked })),
      untrack: plan.untrack,
      refusals,
      ...(outcome ? { written: outcome.written, untracked: outcome.untracked, errors: outcome.errors } : {}),
      ...(after ? { fixed: fixed.map((p) => ({ id: p.id, at: p.at })), left: left.map((f) => ({ id: f.id, severity: f.severity, at: f.location ? formatLocation(f.location) : '' })) } : {}),
      ...(refusals.length > 0 ? { error: { code: 'KD_ERR_FIX_REFUSED', message: ERROR_CODES.KD_ERR_FIX_REFUSED } } : {}),
    };
    ctx.out(jsonReporter(reportOf(finalResult, { data }), { color: false, unicode: ctx.unicode }));
    return code;
  }
  const out: string[] = [];
  if (plan.fixes.length === 0) {
    out.push(`Nothing to fix: no finding has a fix keydoctor can apply${before.findings.length > 0 ? ` (${before.findings.length} finding${before.findings.length === 1 ? '' : 's'} need a manual fix: run keydoctor check)` : ''}.`);
  } else {
    out.push(`${outcome ? 'Fixes' : 'Fixes keydoctor can apply (preview: nothing was changed)'}:`);
    for (const f of plan.fixes) {
      const mark = f.status === 'planned' ? (f.safe ? '•' : '• (needs consent)') : f.status === 'refused' ? '✗ refused' : '– skipped';
      out.push(`  ${mark} ${f.id}${f.at ? ` at ${f.at}` : ''}: ${f.description}`);
      if (f.reason) out.push(`      ${f.reason}`);
    }
  }
  if (refusals.length > 0) {
    out.push('', `Refused, so no file was changed (KD_ERR_FIX_REFUSED):`, ...refusals.map((r) => `  ${r.file} ${r.reason}`));
  } else if (!outcome && plan.changes.length > 0) {
    out.push('');
    for (const c of plan.changes) out.push(c.diff.trimEnd());
    if (plan.untrack.length > 0) out.push(`git rm --cached -- ${plan.untrack.join(' ')}   (the files stay on disk)`);
    if (plan.changes.some((c) => c.masked)) out.push('', MASK_NOTE);
    out.push('', 'Run keydoctor fix --write to apply these (without a terminal, only fixes marked safe unless --yes).');
  } else if (!outcome && plan.untrack.length > 0) {
    out.push('', `git rm --cached -- ${plan.untrack.join(' ')}   (the files stay on disk)`, '', 'Run keydoctor fix --write to apply this.');
  }
  if (outcome && refusals.length === 0) {
    out.push('');
    if (outcome.written.length > 0) out.push(`Wrote ${outcome.written.join(', ')}.`);
    if (outcome.untracked.length > 0) out.push(`Stopped tracking ${outcome.untracked.join(', ')} (git rm --cached; commit the change).`);
    for (const e of outcome.errors) out.push(`Failed: ${e}`);
    if (after) {
      out.push(...fixed.map((p) => `Fixed: ${p.id}${p.at ? ` at ${p.at}` : ''}`));
      for (const p of planned) if (!fixed.includes(p)) out.push(`Still reported after the fix: ${p.id}${p.at ? ` at ${p.at}` : ''}`);
      out.push(left.length === 0 ? 'Left: nothing; keydoctor check (live) can confirm the key works.' : `Left: ${left.length} finding${left.length === 1 ? '' : 's'} (${[...new Set(left.map((f) => f.id))].join(', ')}): run keydoctor check.`);
    }
    for (const p of planned) if (p.note) out.push(`Note: ${p.note}`);
  }
  ctx.out(`${out.join('\n')}\n`);
  return code;
}
