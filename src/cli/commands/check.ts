// `keydoctor check`: the doctor for one project folder.
import { diagnoseOffline } from '../../core/diagnose-offline.js';
import { VERSION } from '../../version.js';
import { stringList, type Command } from '../command.js';
import { renderReport } from '../render.js';
import { sourceNotes } from './env.js';

export const command: Command = {
  name: 'check',
  summary: 'Diagnose the Clarifai credential this project would send',
  options: {
    offline: { type: 'boolean' },
    json: { type: 'boolean' },
    'env-file': { type: 'string', multiple: true },
    expect: { type: 'string', multiple: true },
  },
  help: `Usage: keydoctor check [DIR] [options]

Diagnoses the Clarifai credential the project in DIR (default: this folder) would send:
the key value, environment variables and .env files, and exposure of committed .env files.

Options:
  --offline            Only look at local evidence (no network)
  --json               Print the findings as JSON (the documented contract)
  --env-file PATH      Also load this dotenv file (repeatable; consulted first)
  --expect NAME        A variable name the app expects (repeatable); near misses are reported
  --no-color           Plain output

Examples:
  keydoctor check
  keydoctor check ./my-app --offline --json
  keydoctor check --env-file config/prod.env --expect MY_CLARIFAI_KEY

Exit codes: 0 no error found, 1 at least one error, 2 usage error or keydoctor failed.
`,
  async run(values, positionals, ctx) {
    const result = diagnoseOffline({
      projectDir: positionals[0] ?? '.',
      env: ctx.io.env,
      envFiles: stringList(values['env-file']),
      expect: stringList(values.expect),
      cwd: ctx.io.cwd,
    }, ctx.redactor);
    return renderReport(
      { version: VERSION, findings: result.findings, notes: sourceNotes(result.evidence.env) },
      values.json ? 'json' : 'text',
      ctx,
    );
  },
};
