// `keydoctor explain`: paste what Clarifai or an SDK said (argument or stdin) and get the likely causes, most likely first.
import { usageError } from '../../core/errors.js';
import { explainWithResult, type ExplainResult } from '../../explain/index.js';
import { makeStyle } from '../../reporters/style.js';
import { wrapLine } from '../../reporters/wrap.js';
import { terminalSafe } from '../../core/terminal-safe.js';
import { formatLocation } from '../../types/location.js';
import { jsonReporter } from '../../reporters/json.js';
import { reportOf } from '../../reporters/report.js';
import type { Command } from '../command.js';
import type { CommandContext } from '../io.js';

/**
 * 0: success, a failure that is not about the credential, or text keydoctor does not recognise (no error
 * finding: the README's contract); 1: a recognised failure; 2: only usage errors, such as empty input.
 */
export function explainExitCode(result: ExplainResult, empty = false): number {
  if (!result.recognised) return empty ? 2 : 0;
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

function renderText(result: ExplainResult, ctx: CommandContext): string {
  const s = makeStyle(ctx.color, ctx.unicode);
  const w = ctx.width;
  // Pasted text is quoted in messages: made safe before keydoctor's own colours are added.
  const t = terminalSafe;
  const lines = wrapLine('', s.bold(t(result.summary)), w);
  if (result.findings.length > 0) {
    lines.push('', result.findings.length === 1 ? 'Cause:' : 'Possible causes, most likely first:');
    result.findings.forEach((f, i) => {
      const sym = f.severity === 'error' ? s.red(s.fail) : f.severity === 'warning' ? s.yellow(s.warn) : s.cyan(s.info);
      lines.push(...wrapLine(`  ${i + 1}. ${sym} `, `${t(f.message)} ${s.dim(`[${t(f.id)}]`)}`, w));
      if (f.location) lines.push(...wrapLine(`       ${s.dim('at')} `, t(formatLocation(f.location)), w));
      lines.push(...wrapLine(`       ${s.arrow} `, t(f.fix), w));
    });
  }
  if (result.notes.length > 0) lines.push('', ...result.notes.flatMap((n) => wrapLine('', s.dim(t(n)), w)));
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

Reads what the Clarifai API or an SDK said and lists the likely causes as
findings, most likely first, each with its fix. Accepts:
  - a REST response body, pretty-printed, one line, or inside log text
    {"status":{"code":11009,"details":"invalid key(None)"}}
  - a gRPC status printed by the Node client (status.toObject()) or by the
    Python client and SDK (code: CONN_KEY_INVALID / description: "...")
  - a status code (11009), an enum name (CONN_KEY_INVALID), or a message
    such as "Invalid API key or pair" or "Making too many requests"
  - an SDK error raised before any request ("Need 'pat' or 'token' ...")
  - an HTTP status alone ("401 Unauthorized"): every fitting cause is listed
  - a curl -v or request dump: only sent headers count
    ("> authorization: Key $PAT" means the variable was never expanded)
  - a page that is not Clarifai's (a CDN or WAF block page, a proxy 407,
    an SSO login): explain says the answer did not come from Clarifai
Only the first 1,000,000 characters are read. Keys are never printed in full.

Options:
  --json               Print the Result envelope (version, command, findings,
                       checks, ...) with explain: { recognised, summary,
                       form, status, httpStatus }
  --no-color           Plain output

Examples:
  keydoctor explain '{"status":{"code":11009,"details":"invalid key(None)"}}'
  keydoctor explain 11008
  pbpaste | keydoctor explain -
  keydoctor explain - --json < error.log

Exit codes: 0 success status, an error that is not about the credential, or text
              that is not recognised ("Not recognised: ..." on stdout);
            1 a recognised failure (its causes are listed);
            2 a usage error (no text, or empty input).
`,
  async run(values, positionals, ctx) {
    if (positionals.length === 0) {
      throw usageError('explain needs the text to explain: keydoctor explain \'<error text>\', or keydoctor explain - to read standard input. Run "keydoctor explain --help".');
    }
    // Unquoted words (`keydoctor explain API key not found`) are one message, as the user meant.
    const text = positionals.length === 1 && positionals[0] === '-' ? await ctx.io.readStdin() : positionals.join(' ');
    const { explanation: result, result: diagnosis } = explainWithResult(text, { redactor: ctx.redactor });
    // Empty input is a usage error like a missing argument; anything else that is not recognised is an answer.
    const empty = text.trim() === '';
    if (values.json) {
      const data = { recognised: result.recognised, summary: result.summary, form: result.form, status: result.status ?? null, httpStatus: result.httpStatus ?? null };
      ctx.out(jsonReporter(reportOf(diagnosis, { notes: result.notes, data }), { color: false, unicode: false }));
    } else if (result.recognised) {
      ctx.out(renderText(result, ctx));
    } else if (empty) {
      ctx.err(`keydoctor: ${result.summary}\n`);
    } else {
      // Unrecognised text is an answer, not a usage error: it goes to stdout and exits 0.
      ctx.out(`${wrapLine('', result.summary, ctx.width).join('\n')}\n`);
    }
    return explainExitCode(result, empty);
  },
};
