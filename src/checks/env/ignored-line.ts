// Reports lines of a loaded .env file that dotenv skips or reads under another name (`export "X"=…`, `set X=…`, `X:value`).
import dotenv from 'dotenv';
import { looksLikeSecretName } from '../../providers/clarifai/variables.js';
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { at, expectedNames, fileLocation, severityFor, sourceText, capPerFile } from './lib/env.js';

const meta: CheckMeta = {
  id: 'env/ignored-line',
  category: 'env',
  severity: 'error',
  title: 'Line dotenv cannot read',
  description:
    'A line in a loaded .env file is meant to set a variable, but dotenv skips it or reads another name: a quoted name, shell syntax (set, setx, $env:, set -x), a colon without a space, a space or a symbol inside the name. The variable is never set.',
};

const NAME = '[A-Za-z_][\\w.-]*';

/** Shapes of lines meant as assignments; whether dotenv reads them is asked of dotenv.parse, not decided here. */
const INTENTS: { pattern: RegExp; reason: string; loose?: boolean }[] = [
  { pattern: new RegExp(`^(?:(?:export|declare\\s+-x|typeset\\s+-x)\\s+)?(["'\`])(${NAME})\\1\\s*[=:]`, 'u'), reason: 'the name is in quotes, and dotenv names cannot be quoted' },
  { pattern: new RegExp(`^\\$env:(${NAME})\\s*=`, 'iu'), reason: 'this is PowerShell syntax ($env:NAME = …), not dotenv syntax' },
  { pattern: new RegExp(`^set\\s+-[a-zA-Z]+\\s+(${NAME})\\s+(?=\\S)`, 'u'), reason: 'this is fish shell syntax (set -x NAME value), not dotenv syntax' },
  { pattern: new RegExp(`^setx\\s+(${NAME})\\s+(?=\\S)`, 'iu'), reason: 'this is a Windows setx command, not dotenv syntax' },
  { pattern: new RegExp(`^setenv\\s+(${NAME})\\s+(?=\\S)`, 'u'), reason: 'this is csh syntax (setenv NAME value), not dotenv syntax' },
  { pattern: new RegExp(`^set\\s+"?(${NAME})\\s*=`, 'iu'), reason: 'this is a Windows cmd set command, not dotenv syntax' },
  { pattern: new RegExp(`^-\\s+(${NAME})\\s*[=:]`, 'u'), reason: 'a YAML list dash stands before the name' },
  { pattern: new RegExp(`^(?:export\\s+)?\\$\\{?(${NAME})\\}?\\s*=`, 'u'), reason: 'a $ stands before the name' },
  { pattern: new RegExp(`^(?:export\\s+)?(${NAME}):(?=\\S)`, 'u'), reason: 'dotenv reads NAME: value only with a space after the colon' },
  { pattern: new RegExp(`^(?:export\\s+)?(${NAME}(?:\\s+${NAME})+)\\s*[=:]`, 'u'), reason: 'the name contains a space' },
  { pattern: new RegExp(`^(?:export\\s+)?(${NAME}[^\\w.\\-=:\\s#"'\`][^=:\\s#]*)\\s*[=:]`, 'u'), reason: 'names may contain only letters, digits, _, . and -' },
  { pattern: new RegExp(`^(?:export\\s+)?(${NAME})\\s+(?=[^=:#\\s])`, 'u'), reason: 'there is no = between the name and the value', loose: true },
];

interface Intent {
  name: string;
  reason: string;
  written: string;
  loose: boolean;
}

function intent(line: string): Intent | undefined {
  const text = line.replace(/^[\s\uFEFF]+/u, '');
  for (const { pattern, reason, loose } of INTENTS) {
    const m = pattern.exec(text);
    if (m) return { name: m[m.length - 1]!, reason, written: m[0].trimEnd(), loose: loose === true };
  }
  return undefined;
}

/** `CLARIFAI_PAT` for `CLARIFAI PAT` or `CLARIFAI/PAT`: the name the line was most likely meant to set. */
function meantName(written: string): string {
  return written.replace(/[^\w.-]+/gu, '_');
}

export const check = defineCheck({
  meta,
  requires: ['env'],
  run(ctx) {
    const expected = expectedNames(ctx);
    const out: Finding[] = [];
    for (const file of ctx.evidence.env.files) {
      const found: Finding[] = [];
      if (!file.loaded || file.unreadable) continue;
      const covered = new Set<number>();
      for (const e of file.entries) for (let l = e.line; l <= e.endLine; l++) covered.add(l);
      file.lines.forEach((line, index) => {
        const lineNo = index + 1;
        if (covered.has(lineNo) || /^[\s\uFEFF]*(?:#|$)/u.test(line)) return;
        const intended = intent(line);
        if (!intended) return;
        const meant = meantName(intended.name);
        const relevant = expected.includes(meant) || looksLikeSecretName(meant);
        // "NAME value" with no separator is too vague to flag unless the name is one we care about.
        if (intended.loose && !relevant) return;
        // dotenv decides: if it does read the name from this line, there is nothing to report.
        const produced = dotenv.parse(line);
        if (Object.hasOwn(produced, intended.name)) return;
        const producedNames = Object.keys(produced);
        const got = producedNames.length > 0 ? `dotenv reads it as ${producedNames.join(', ')} instead` : 'dotenv sets nothing from it';
        // When another source sets the name, this line is dead weight rather than the cause.
        const winner = ctx.evidence.env.variables.get(meant)?.winner;
        const effect = winner ? `so this line has no effect (${meant} comes from ${sourceText(winner.location)})` : `so ${meant} is never set`;
        found.push(
          finding(meta, {
            severity: relevant && !winner ? severityFor(ctx, meant) : 'warning',
            message: `dotenv skips ${at(file, lineNo)} (${intended.written}…): ${intended.reason}; ${got}, ${effect}.`,
            fix: `Rewrite ${at(file, lineNo)} in dotenv syntax: ${meant}=<the same value> (no quotes around the name, no spaces or symbols in it, no shell command).`,
            location: fileLocation(file, lineNo, line.indexOf(intended.written.trimStart()[0]!) + 1, `${intended.written} …`),
          }),
        );
      });
      // `exportCLARIFAI_PAT=…`: dotenv reads a name that starts with "export".
      for (const e of file.entries) {
        const m = /^export_?(.+)$/u.exec(e.name);
        if (!m || !expected.includes(m[1]!)) continue;
        found.push(
          finding(meta, {
            severity: severityFor(ctx, m[1]!),
            message: `dotenv reads ${at(file, e.line)} as the variable ${e.name}, not ${m[1]}: a space is missing after "export".`,
            fix: `Rewrite ${at(file, e.line)} as export ${m[1]}=<the same value> (or just ${m[1]}=<the same value>).`,
            location: fileLocation(file, e.line, e.column, `${e.name}=…`),
          }),
        );
      }
      out.push(...capPerFile(meta, file, found));
    }
    return out;
  },
});
