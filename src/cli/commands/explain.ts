// `keydoctor explain`: paste what Clarifai or an SDK said (argument or stdin) and get the likely causes, most likely first.
import { usageError } from '../../core/errors.js';
import { explainWithResult, type ExplainResult } from '../../explain/index.js';
import { makeStyle } from '../../reporters/style.js';
import { formatLocation } from '../../types/location.js';
import { jsonReporter } from '../../reporters/json.js';
import { reportOf } from '../../reporters/report.js';
import type { Command } from '../command.js';
import type { CommandContext } from '../io.js';

/** 0: success status, or a failure that is not about the credential; 1: a recognised failure; 2: not recognised. */
export function explainExitCode(result: ExplainResult): number {
  if (!result.recognised) return 2;
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

function renderText(result: ExplainResult, ctx: CommandContext): string {
  const s = makeStyle(ctx.color, ctx.unicode);
  const lines = [s.bold(result.summary)];
  if (result.findings.length > 0) {
    lines.push('', result.findings.length === 1 ? 'Cause:' : 'Possible causes, most likely first:');
    result.findings.forEach((f, i) => {
      const sym = f.severity === 'error' ? s.red(s.fail) : f.severity === 'warning' ? s.yellow(s.warn) : s.cyan(s.info);
      lines.push(`  ${i + 1}. ${sym} ${f.message} ${s.dim(`[${f.id}]`)}`);
      if (f.location) lines.push(`       ${s.dim('at')} ${formatLocation(f.location)}`);
      lines.push(`       ${s.arrow} ${f.fix}`);
    });
  }
  if (result.notes.length > 0) lines.push('', ...result.notes.map((n) => s.dim(n)));
  return `${lines.join('\n')}\n`;
}

export const command: Command = {
  name: 'explain',
  summary: 'Diagnose an error message, status code or response body you paste',
  options: {
    json: { type: 'boolean' },
  },
  help: `Usage: keydoctor explain TEXT [options]
       keydoctor explain - [options]        (read the text from standard input)

Reads what the Clarifai API or an SDK said and lists the likely causes as findings, most
likely first, each with the fix and the keydoctor command that checks it. Accepts:
  - a REST response body, pretty-printed, one line, or inside log text
    {"status":{"code":11009,"description":"API key not found","details":"invalid key(None)"}}
  - a gRPC status as printed by the Node client (console.log of status.toObject()) or the
    Python client and SDK (code: CONN_KEY_INVALID / description: "..." / details: "...")
  - a bare status code (11009), an enum name (CONN_KEY_INVALID), or a message such as
    "Invalid API key or pair", "API key not found", "Making too many requests"
  - an SDK error raised before any request ("Need 'pat' or 'token' ...")
  - an HTTP status alone ("401 Unauthorized"): ambiguous, so every fitting cause is listed
Only the first 1,000,000 characters are read. Keys in the text are never printed in full.

Options:
  --json               Print the Result envelope (version, command, findings, checks, …) with
                       explain: { recognised, summary, form, status, httpStatus }
  --no-color           Plain output

Examples:
  keydoctor explain '{"status":{"code":11009,"details":"invalid key(None)"}}'
  keydoctor explain 11008
  pbpaste | keydoctor explain -
  keydoctor explain - --json < error.log

Exit codes: 0 success status, or an error that is not about the credential;
            1 a recognised failure (its causes are listed);
            2 the text was not recognised, or a usage error.
`,
  async run(values, positionals, ctx) {
    if (positionals.length === 0) {
      throw usageError('explain needs the text to explain: keydoctor explain \'<error text>\', or keydoctor explain - to read standard input. Run "keydoctor explain --help".');
    }
    // Unquoted words (`keydoctor explain API key not found`) are one message, as the user meant.
    const text = positionals.length === 1 && positionals[0] === '-' ? await ctx.io.readStdin() : positionals.join(' ');
    const { explanation: result, result: diagnosis } = explainWithResult(text, { redactor: ctx.redactor });
    if (values.json) {
      const data = { recognised: result.recognised, summary: result.summary, form: result.form, status: result.status ?? null, httpStatus: result.httpStatus ?? null };
      ctx.out(jsonReporter(reportOf(diagnosis, { notes: result.notes, data }), { color: false, unicode: false }));
    } else if (result.recognised) {
      ctx.out(renderText(result, ctx));
    } else {
      ctx.err(`keydoctor: ${result.summary}\n`);
    }
    return explainExitCode(result);
  },
};
