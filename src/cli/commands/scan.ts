// `keydoctor scan`: reads the project's source for env reads, Authorization headers, endpoints and hard-coded keys, and reports what would break auth.
import { count } from '../../core/count.js';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyBaseline, readBaseline, writeBaseline } from '../../core/baseline.js';
import { diagnose } from '../../core/diagnose.js';
import { abortOnStop, stoppedExitCode } from './check.js';
import { KeydoctorError, usageError } from '../../core/errors.js';
import { reportOf } from '../../reporters/report.js';
import { jsonReporter } from '../../reporters/json.js';
import { sarifReporter } from '../../reporters/sarif.js';
import { terminalReporter } from '../../reporters/terminal.js';
import { compactReporter } from '../../reporters/compact.js';
import { gatherCodeEvidence, type ScanProgress } from '../../scan/index.js';
import { assertWritableFile } from '../../sources/output-file.js';
import { describeFsError } from '../../sources/read-text-file.js';
import { gatherHistory, historyNote, historyProgressLine } from '../../scan/history/index.js';
import { failing, parseFailOn } from '../fail-on.js';
import { numberOption, stringList, type Command } from '../command.js';
import type { CommandContext } from '../io.js';

const FORMATS = ['text', 'json', 'sarif', 'compact'] as const;
type Format = (typeof FORMATS)[number];

/** A one-line progress meter on stderr, drawn only after the scan has run for a moment. */
function progressMeter(ctx: CommandContext): { update(p: ScanProgress): void; clear(): void } {
  let drawn = false;
  return {
    update(p) {
      if (p.done || p.elapsedMs < 300) return;
      const mb = p.bytes / 1024 / 1024;
      const rate = mb / Math.max(p.elapsedMs / 1000, 0.001);
      ctx.io.stderr(`\r\u001b[Kscanning: ${count(p.files)} files, ${mb.toFixed(1)} MB (${rate.toFixed(1)} MB/s)`);
      drawn = true;
    },
    clear() {
      if (drawn) ctx.io.stderr('\r\u001b[K');
    },
  };
}

/** The staged reader loads only when asked for. */
async function gatherStaged(root: string, maxMb: number | undefined, signal: AbortSignal) {
  const { gatherStagedEvidence } = await import('../../scan/staged.js');
  return gatherStagedEvidence(root, { ...(maxMb !== undefined ? { maxFileBytes: Math.round(maxMb * 1024 * 1024) } : {}), signal });
}

export const command: Command = {
  name: 'scan',
  summary: 'Scan source code for env reads, Authorization headers, endpoints and hard-coded keys',
  options: {
    format: { type: 'string' },
    json: { type: 'boolean' },
    output: { type: 'string', short: 'o' },
    verbose: { type: 'boolean' },
    baseline: { type: 'string' },
    'write-baseline': { type: 'string' },
    'max-file-size': { type: 'string' },
    'env-file': { type: 'string', multiple: true },
    history: { type: 'boolean' },
    staged: { type: 'boolean' },
    'fail-on': { type: 'string' },
  },
  help: `Usage: keydoctor scan [DIR] [options]

Reads the source in DIR (default: this folder) the way git sees it (.gitignore and
.keydoctorignore respected, node_modules skipped) and reports what the code would send
Clarifai: how the Authorization header or gRPC metadata is built, which env variables it
reads, which endpoints it calls, and keys written into code, notebooks or docs (masked).
JS/TS, Python, Jupyter notebooks, shell and curl (also in Markdown code blocks),
Dockerfiles, docker-compose and CI YAML are read; other files only for keys and URLs.

Options:
  --format FORMAT        text (default), json, sarif (SARIF 2.1.0, for code scanning),
                         or compact (one line per finding)
  --json                 Same as --format json
  -o, --output FILE      Write the report to FILE instead of standard output
  --verbose              List the files that were skipped (binary, minified, too
                         big, unreadable) and show each finding's evidence
  --baseline FILE        Do not report findings recorded in FILE (see --write-baseline)
  --write-baseline FILE  Record the current findings in FILE (fingerprints, never keys)
  --max-file-size MB     Skip files larger than this (default 2)
  --env-file PATH        Also load this dotenv file when cross-checking env names (repeatable)
  --history              Also read git history (all branches) for keys that were committed
                         and later removed: still public, so they must be rotated
  --staged               Scan only what the next commit would contain (the git index),
                         for a pre-commit hook; staged .env files are read for keys too,
                         and a key about to be committed fails at any severity
  --fail-on SEVERITY     Exit 1 on findings of this severity or worse: error (default),
                         warning, info, or never

Silence one finding with a comment on its line or the line above:
  // keydoctor-ignore: exposure/hardcoded-key -- fixture key, not real

Examples:
  keydoctor scan
  keydoctor scan ./app --format sarif --output keydoctor.sarif
  keydoctor scan --write-baseline .keydoctor-baseline.json
  keydoctor scan --baseline .keydoctor-baseline.json
  keydoctor scan --staged --format compact      # in a pre-commit hook

Exit codes: 0 no error found, 1 at least one error (see --fail-on), 2 usage error or keydoctor failed.
`,
  async run(values, positionals, ctx) {
    if (positionals.length > 1) throw usageError(`scan takes one folder, not ${positionals.length}. Run "keydoctor scan --help".`);
    const format = (values.json ? 'json' : ((values.format as string | undefined) ?? 'text')) as Format;
    if (!FORMATS.includes(format)) throw usageError(`--format takes text, json, sarif or compact, not "${String(values.format)}".`);
    const failOn = parseFailOn(values['fail-on']);
    if (values.staged && values.history) throw usageError('--staged scans the next commit and --history the past ones: use one at a time.');
    const maxMb = numberOption('max-file-size', values['max-file-size'], { min: 0.001, max: 4096 });
    const dir = positionals[0] ?? '.';
    const root = resolve(ctx.io.cwd, dir);
    const baseline = typeof values.baseline === 'string' ? readBaseline(resolve(ctx.io.cwd, values.baseline)) : undefined;
    // Refused before the scan, not after it: a FIFO or a folder named as an output would block or fail at the end.
    if (typeof values.output === 'string') assertWritableFile(resolve(ctx.io.cwd, values.output), 'the output file');
    if (typeof values['write-baseline'] === 'string') assertWritableFile(resolve(ctx.io.cwd, values['write-baseline']), 'the baseline');
    // Loading the registry (and the checks and route tables behind it) overlaps with the walk instead of delaying it.
    const registryLoaded = import('../../checks/registry.js');
    registryLoaded.catch(() => {});

    // Progress only for a person watching: stderr and stdout both a terminal, human format.
    const meter = ctx.io.stderrIsTTY && ctx.io.stdoutIsTTY && format === 'text' && !values.output ? progressMeter(ctx) : undefined;
    // Ctrl-C or SIGTERM ends the scan cleanly with 130/143, as check does.
    const stop = abortOnStop(ctx);
    let code;
    try {
      // Hook point for `--staged` (src/scan/staged.ts): the index instead of the working tree, same evidence shape.
      code = values.staged ? await gatherStaged(root, maxMb, stop) : await gatherCodeEvidence(root, {
        ...(maxMb !== undefined ? { maxFileBytes: Math.round(maxMb * 1024 * 1024) } : {}),
        verbose: Boolean(values.verbose),
        signal: stop,
        ...(meter ? { onProgress: (p: ScanProgress) => meter.update(p) } : {}),
      });
    } catch (error) {
      const stopped = stoppedExitCode(stop, ctx);
      if (stopped !== undefined) return stopped;
      if (error instanceof KeydoctorError && error.code === 'KD_ERR_NOT_A_DIRECTORY') throw new KeydoctorError(error.code, `${dir} is not a folder.`);
      throw error;
    } finally {
      meter?.clear();
    }
    if (values.history) {
      try {
        code.history = await gatherHistory(root, { signal: stop, ...(meter ? { onProgress: historyProgressLine((t) => ctx.io.stderr(t)) } : {}) });
      } catch (error) {
        const stopped = stoppedExitCode(stop, ctx);
        if (stopped !== undefined) return stopped;
        throw error;
      }
    }

    // The engine with the code just read and the env files for names; only what is in the files is reported.
    const result = await diagnose({
      command: 'scan',
      projectDir: root,
      code,
      env: ctx.io.env,
      envFiles: stringList(values['env-file']),
      cwd: ctx.io.cwd,
      scope: 'files',
      redactor: ctx.redactor,
    });
    const current = result.findings;
    const baselineOut = typeof values['write-baseline'] === 'string' ? values['write-baseline'] : undefined;
    if (baselineOut !== undefined) writeBaseline(resolve(ctx.io.cwd, baselineOut), current);
    const findings = baseline ? applyBaseline(current, baseline) : current;

    if (values.verbose) {
      for (const s of code.skipped) ctx.err(`skipped ${s.file}: ${s.reason}\n`);
    }
    const notes = [
      `Scanned ${count(code.filesScanned)} ${values.staged ? 'staged ' : ''}files (${(code.bytesScanned / 1024 / 1024).toFixed(1)} MB) in ${root}` +
        (code.skipped.length > 0 ? `; skipped ${code.skipped.length}${values.verbose ? '' : ' (--verbose lists them)'}` : '') +
        (current.length !== findings.length ? `; ${current.length - findings.length} known finding(s) hidden by the baseline` : '') +
        '.',
    ];
    if (code.history) notes.push(historyNote(code.history));
    const report = reportOf(result, { notes, findings });
    const options = { color: ctx.color && !values.output, unicode: ctx.unicode, verbose: Boolean(values.verbose), ...(ctx.width !== undefined && !values.output ? { width: ctx.width } : {}) };
    const text =
      format === 'sarif' ? sarifReporter({ problems: (await registryLoaded).PROBLEMS, root })(report, options) : (format === 'json' ? jsonReporter : format === 'compact' ? compactReporter : terminalReporter)(report, options);
    if (typeof values.output === 'string') {
      const out = resolve(ctx.io.cwd, values.output);
      try {
        writeFileSync(out, ctx.redactor.redact(text));
      } catch (error) {
        throw new KeydoctorError('KD_ERR_FILE', `cannot write ${values.output}: ${describeFsError(error)}.`);
      }
    } else {
      ctx.out(text);
    }
    if (baselineOut !== undefined) {
      // Writing a baseline accepts today's findings: say so, and do not fail the run over them.
      ctx.err(`Wrote ${current.length} finding(s) to the baseline ${baselineOut}; pass --baseline ${baselineOut} to hide them from now on.\n`);
      return 0;
    }
    return failing(findings, failOn, Boolean(values.staged)) ? 1 : 0;
  },
};
