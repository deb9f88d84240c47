// `keydoctor env`: every source of each Clarifai variable and which one wins, masked, like `aws configure list`.
import { diagnose } from '../../core/diagnose.js';
import { showValue } from '../../checks/env/lib/env.js';
import { CLARIFAI_VARIABLE_NAMES } from '../../providers/clarifai/variables.js';
import { jsonReporter } from '../../reporters/json.js';
import { reportOf } from '../../reporters/report.js';
import type { EntryPoint, EnvEvidence, LoaderEvidence, ResolvedVariable } from '../../types/evidence.js';
import type { EnvLocation } from '../../types/location.js';
import { stringList, type Command } from '../command.js';
import { wrapIndented } from '../../reporters/wrap.js';
import { makeStyle } from '../../reporters/style.js';

/** A line per env file read, for the bottom of reports: which files exist and whether they are loaded. */
export function sourceNotes(env: EnvEvidence): string[] {
  if (env.files.length === 0) return ['Sources: shell environment only (no .env files found).'];
  return [
    `Sources: shell environment, ${env.files
      .map((f) => `${f.display} (${f.unreadable ? `unreadable: ${f.unreadable}` : f.loaded ? 'loaded' : 'not loaded'})`)
      .join(', ')}.`,
  ];
}

function sourceLabel(l: EnvLocation): string {
  return l.line !== undefined ? `${l.source}:${l.line}` : l.source;
}

/** One variable as the table and the JSON show it; values are masked or made visible, never raw secrets. */
export interface VariableRow {
  name: string;
  set: boolean;
  value: string | null;
  source: string | null;
  why: string;
  overrideSource: string | null;
  definitions: { source: string; line?: number; value: string; wins: boolean }[];
  /** Definitions in files nothing loads (env, .env.txt, ../.env), with the reason. */
  notLoaded: { source: string; line?: number; value: string; reason: string }[];
}

export function variableRows(env: EnvEvidence, names: readonly string[]): VariableRow[] {
  return names.map((name) => {
    const v: ResolvedVariable | undefined = env.variables.get(name);
    const winner = v?.winner;
    return {
      name,
      set: winner !== undefined,
      value: winner ? showValue(name, winner.value.reveal()) : null,
      source: winner ? sourceLabel(winner.location) : null,
      why: v?.why ?? 'not defined in the shell or any loaded file',
      overrideSource: v?.winnerWithOverride ? sourceLabel(v.winnerWithOverride.location) : null,
      definitions: (v?.definitions ?? []).map((d) => ({
        source: d.location.source,
        ...(d.location.line !== undefined ? { line: d.location.line } : {}),
        value: showValue(name, d.value.reveal()),
        wins: d === winner,
      })),
      notLoaded: env.files
        .filter((f) => !f.loaded && Object.hasOwn(f.parsed, name))
        .map((f) => {
          const line = [...f.entries].reverse().find((e) => e.name === name)?.line;
          return { source: f.display, ...(line !== undefined ? { line } : {}), value: showValue(name, f.parsed[name]!), reason: f.reason };
        }),
    };
  });
}

export const command: Command = {
  name: 'env',
  summary: 'Show every source of each Clarifai variable and which one wins',
  options: {
    json: { type: 'boolean' },
    'env-file': { type: 'string', multiple: true },
    expect: { type: 'string', multiple: true },
    'no-scan': { type: 'boolean' },
  },
  help: `Usage: keydoctor env [DIR] [options]

Prints, for each Clarifai variable (each --expect NAME, and any other defined name that mentions
Clarifai), the value the app gets, where it comes from and why that source wins, then every
other source that defines it. Precedence follows dotenv: a variable already set in the shell
wins; among files the first loaded wins (--env-file, .env.<NODE_ENV>.local, .env.local,
.env.<NODE_ENV>, .env); with override: true the first file beats the shell.

Secrets are masked (first 4 and last 2 characters and the length); quotes, spaces and invisible
characters around a value are spelled out: ⟨"⟩3f9a…00␠ (34 chars).

Options:
  --json               Print the table as JSON
  --env-file PATH      Also load this dotenv file, consulted before .env (repeatable)
  --expect NAME        Also show this variable (repeatable)
  --no-scan            Do not read the code: files are assumed loaded as dotenv would (no loader chains)

Unless --no-scan, the code is scanned for the loaders each entry point runs (dotenv, python-dotenv,
node --env-file, Next.js/Vite, shell source…), and the table shows what those loaders produce.

Examples:
  keydoctor env
  keydoctor env ./app --env-file config/dev.env
  keydoctor env --expect MY_CLARIFAI_KEY --json
`,
  async run(values, positionals, ctx) {
    const expect = stringList(values.expect);
    // The same engine as check, offline; the code is read for its loaders (issue #12) unless --no-scan.
    const result = await diagnose({
      command: 'env',
      projectDir: positionals[0] ?? '.',
      env: ctx.io.env,
      envFiles: stringList(values['env-file']),
      expect,
      cwd: ctx.io.cwd,
      scan: !values['no-scan'],
      redactor: ctx.redactor,
    });
    const env = result.evidence.env!;
    const loaders = result.evidence.loaders;
    // Near misses (clarifai_pat, CLARIFAI-PAT) are listed too, so a slip is visible next to the real name.
    const mentions = [...env.variables.keys()].filter((n) => /clarifai/iu.test(n)).sort();
    const rows = variableRows(env, [...new Set([...CLARIFAI_VARIABLE_NAMES, ...expect, ...mentions])]);
    if (values.json) {
      const files = env.files.map((f) => ({
        file: f.display,
        loaded: f.loaded,
        reason: f.reason,
        ...(f.unreadable ? { unreadable: f.unreadable } : {}),
        ...(f.gitTracked !== undefined ? { gitTracked: f.gitTracked } : {}),
        ...(f.gitIgnored !== undefined ? { gitIgnored: f.gitIgnored } : {}),
      }));
      ctx.out(jsonReporter(reportOf(result, { data: { projectDir: env.projectDir, variables: rows, files, ...(loaders ? { entryPoints: loaders.entryPoints.map(entryJson), notLoaded: loaders.unloaded.map(({ display, reason, fix }) => ({ file: display, reason, fix })) } : {}) } }), { color: false, unicode: false }));
      return 0;
    }
    const s = makeStyle(ctx.color, ctx.unicode);
    const table: string[][] = [['NAME', 'VALUE', 'SOURCE', 'WHY IT WON']];
    for (const r of rows) {
      const override = r.overrideSource && r.overrideSource !== r.source ? ` (with override: true, ${r.overrideSource} would win)` : '';
      table.push([r.name, r.value ?? '<not set>', r.source ?? '-', r.set ? `${r.why}${override}` : '-']);
      for (const d of r.definitions.filter((x) => !x.wins)) {
        table.push([`  ${s.arrow} also`, d.value, d.line !== undefined ? `${d.source}:${d.line}` : d.source, `ignored: ${r.source} wins`]);
      }
      for (const d of r.notLoaded) {
        table.push([`  ${s.arrow} also`, d.value, d.line !== undefined ? `${d.source}:${d.line}` : d.source, d.reason]);
      }
    }
    const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => [...row[i]!].length)));
    // A row longer than the terminal wraps its last column (WHY IT WON) under itself.
    const lastColumn = widths.slice(0, -1).reduce((a, b) => a + b + 2, 0);
    const lines = table.flatMap((row, i) => {
      const line = row.map((cell, j) => cell + ' '.repeat(widths[j]! - [...cell].length)).join('  ').trimEnd();
      return wrapIndented(line, ctx.width, lastColumn).map((l) => (i === 0 ? s.bold(l) : row[1] === '<not set>' ? s.dim(l) : l));
    });
    const problems = result.summary.errors + result.summary.warnings;
    const hint = problems > 0 ? `\n${problems} ${problems === 1 ? 'problem' : 'problems'} found in these sources: run "keydoctor check --offline" for the diagnosis.` : '';
    const wrap = (ls: string[]) => ls.flatMap((l) => wrapIndented(l, ctx.width)).join('\n');
    ctx.out(`${lines.join('\n')}\n\n${loaders ? `${wrap(loaderLines(loaders, s))}\n\n` : ''}${wrap(sourceNotes(env))}${hint ? `\n${wrap([hint.trimStart()])}` : ''}\n`);
    return 0;
  },
};

function entryJson(e: EntryPoint) {
  return {
    name: e.name,
    runtime: e.runtime,
    cwd: e.cwd,
    ...(e.framework ? { framework: e.framework } : {}),
    chain: e.chain.map((r) => ({
      loader: r.loader,
      label: r.label,
      ...(r.at ? { at: r.at } : {}),
      rules: r.rules,
      override: r.override,
      setsEnvironment: r.setsEnvironment,
      reads: r.reads.map((f) => ({ file: f.display, exists: f.exists, why: f.why })),
      ...(r.note ? { note: r.note } : {}),
    })),
    ...(e.values ? { values: e.values.map((v) => ({ name: v.name, ...(v.value !== undefined ? { value: v.value.toString() } : {}), at: v.at, from: v.from, why: v.why, ...(v.problem ? { problem: v.problem } : {}), ...(v.secret ? { secret: v.secret } : {}) })) } : {}),
  };
}

/** Per entry point: the loader chain, each file it reads (in order) and why; then the files nothing loads. */
function loaderLines(loaders: LoaderEvidence, s: ReturnType<typeof makeStyle>): string[] {
  const out = [s.bold('HOW THE APP LOADS ITS ENVIRONMENT')];
  if (loaders.entryPoints.length === 0) out.push('  no entry point found in the code: files are assumed loaded as dotenv would');
  for (const e of loaders.entryPoints) {
    out.push(`  ${e.name} (${e.runtime}, runs from ${e.cwd === '' ? '.' : e.cwd})${e.framework ? `: ${e.framework.tool} in ${e.framework.mode} mode, ${e.framework.publicPrefix || 'no'} prefix ships to the browser` : ''}`);
    if (e.chain.length === 0 && !e.values) out.push(`    ${s.arrow} no loader: only the shell environment reaches it`);
    e.chain.forEach((r, i) => {
      const where = r.at ? ` at ${r.at.file}${r.at.line ? `:${r.at.line}` : ''}${r.at.script ? ` ("${r.at.script}" script)` : ''}` : '';
      out.push(`    ${i + 1}. ${r.label.trim()}${where}: ${r.rules} rules, ${r.override ? 'overrides the shell' : 'the shell wins'}${r.setsEnvironment ? '' : ', values stay in the code (not the environment)'}`);
      for (const f of r.reads) out.push(`       ${f.exists ? 'reads' : 'looks for'} ${f.display}${f.exists ? '' : ' (missing)'}: ${f.why}`);
      if (r.note) out.push(`       note: ${r.note}`);
    });
    for (const v of e.values ?? []) {
      const shown = v.value !== undefined ? (v.value.reveal() === '' ? '"" (blank)' : v.value.toString()) : v.from === 'secret' ? `\${{ ${v.secret} }}` : v.problem === 'required' ? '<compose refuses to start>' : '<not set>';
      out.push(`    ${s.arrow} ${v.name} = ${shown} (${v.at.file}${v.at.line ? `:${v.at.line}` : ''}): ${v.why}`);
    }
  }
  for (const u of loaders.unloaded) out.push(`  ${s.arrow} ${u.display} is not loaded: ${u.reason}. ${u.fix}`);
  for (const u of loaders.uncertain) out.push(`  ${s.arrow} not sure: ${u}`);
  return out;
}
