// `keydoctor env`: every source of each Clarifai variable and which one wins, masked, like `aws configure list`.
import { gatherEnvEvidence } from '../../sources/gather.js';
import { CLARIFAI_VARIABLE_NAMES, looksLikeSecretName } from '../../providers/clarifai/variables.js';
import { mask } from '../../core/secret.js';
import type { EnvEvidence } from '../../types/evidence.js';
import { stringList, type Command } from '../command.js';
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

function display(name: string, value: string): string {
  return looksLikeSecretName(name) ? mask(value) : JSON.stringify(value);
}

export const command: Command = {
  name: 'env',
  summary: 'Show every source of each Clarifai variable and which one wins',
  options: {
    json: { type: 'boolean' },
    'env-file': { type: 'string', multiple: true },
    expect: { type: 'string', multiple: true },
  },
  help: `Usage: keydoctor env [DIR] [options]

Prints, for each Clarifai variable (and each --expect NAME), every source that defines it —
the shell, each loaded .env file with its line — and which one wins under dotenv's default
(the shell wins) and under override: true. Secrets are masked (first 4 and last 2 characters).

Options:
  --json               Print the table as JSON
  --env-file PATH      Also load this dotenv file (repeatable)
  --expect NAME        Also show this variable (repeatable)

Examples:
  keydoctor env
  keydoctor env --expect MY_CLARIFAI_KEY --json
`,
  async run(values, positionals, ctx) {
    const expect = stringList(values.expect);
    const env = gatherEnvEvidence({
      projectDir: positionals[0] ?? '.',
      env: ctx.io.env,
      envFiles: stringList(values['env-file']),
      expected: [...CLARIFAI_VARIABLE_NAMES, ...expect],
      cwd: ctx.io.cwd,
    });
    const names = [...new Set([...CLARIFAI_VARIABLE_NAMES, ...expect])];
    for (const name of names) {
      if (looksLikeSecretName(name)) for (const d of env.variables.get(name)?.definitions ?? []) ctx.redactor.add(d.value);
    }
    const rows = names.map((name) => {
      const v = env.variables.get(name);
      return {
        name,
        value: v?.winner ? display(name, v.winner.value.reveal()) : null,
        source: v?.winner ? sourceLabel(v.winner.location) : null,
        overrideSource: v?.winnerWithOverride ? sourceLabel(v.winnerWithOverride.location) : null,
        definedIn: (v?.definitions ?? []).map((d) => ({ source: sourceLabel(d.location), value: display(name, d.value.reveal()) })),
        why: v?.why ?? 'not defined',
      };
    });
    if (values.json) {
      ctx.out(`${JSON.stringify({ projectDir: env.projectDir, variables: rows, files: env.files.map((f) => ({ file: f.display, loaded: f.loaded, reason: f.reason, ...(f.unreadable ? { unreadable: f.unreadable } : {}) })) }, null, 2)}\n`);
      return 0;
    }
    const s = makeStyle(ctx.color, ctx.unicode);
    const table = [['Name', 'Value', 'Source (wins)', 'With override: true', 'Also defined in']];
    for (const r of rows) {
      table.push([
        r.name,
        r.value ?? '<not set>',
        r.source ?? '-',
        r.overrideSource ?? '-',
        r.definedIn.filter((d) => d.source !== r.source).map((d) => `${d.source} = ${d.value}`).join('; ') || '-',
      ]);
    }
    const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
    const lines = table.map((row, i) => {
      const line = row.map((cell, j) => cell.padEnd(widths[j]!)).join('  ').trimEnd();
      return i === 0 ? s.bold(line) : line;
    });
    ctx.out(`${lines.join('\n')}\n\n${sourceNotes(env).join('\n')}\n`);
    return 0;
  },
};

function sourceLabel(l: { source: string; line?: number }): string {
  return l.line !== undefined ? `${l.source}:${l.line}` : l.source;
}
