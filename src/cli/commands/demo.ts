// `keydoctor demo`: the full doctor on a bundled project with planted faults, against an in-process emulator (loopback only).
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { diagnose } from '../../core/diagnose.js';
import { mask } from '../../core/secret.js';
import { PACKAGE_ROOT } from '../../version.js';
import { reportOf } from '../../reporters/report.js';
import type { Command } from '../command.js';
import { renderReport } from '../render.js';
import { makeStyle } from '../../reporters/style.js';
import { wrapLine } from '../../reporters/wrap.js';
import { abortOnStop, diagnoseOptionsFrom, diagnosisNotes } from './check.js';

/** The bundled example; the same relative path from src/ (tsx) and dist/ (built). */
export const DEMO_PROJECT = fileURLToPath(new URL('examples/demo-project/', PACKAGE_ROOT));

/** An old PAT the demo's "shell" still exports: the emulator has never heard of it (revoked). */
export const DEMO_STALE_PAT = 'dead0000dead0000dead0000dead0000';

/** Where the demo's app calls: index.js line 8 posts to Clarifai's public general model. */
const DEMO_CALL = {
  method: 'POST',
  url: '/v2/users/clarifai/apps/main/models/general-image-recognition/outputs',
  location: { file: 'index.js', line: 8 },
};

export const command: Command = {
  name: 'demo',
  summary: 'Run the full doctor on a bundled example project against the embedded emulator',
  options: {
    json: { type: 'boolean' },
    transport: { type: 'string' },
    verbose: { type: 'boolean' },
    run: { type: 'boolean' },
  },
  help: `Usage: keydoctor demo [options]

Starts a local Clarifai emulator on a free loopback port, points the bundled example project
(examples/demo-project: a tiny app with planted credential faults) at it with a stale shell
value injected, and runs the full doctor — the same report as "keydoctor check". Nothing is sent
beyond this machine, and your own environment is not used.

The report shows problems on purpose; the demo itself exits 0 when it ran.

Options:
  --json               Print the findings as JSON
  --transport rest|grpc  Probe the emulator over REST (default) or gRPC
  --verbose            Print every request sent, as a curl/grpcurl command with
                       the key masked, and each finding's evidence
  --run                Run the example app itself under "keydoctor run" and diagnose the calls it makes

Exit codes: 0 the demo ran, 2 it could not run.
`,
  async run(values, _positionals, ctx) {
    if (values.run) {
      const { demoRun } = await import('./demo-run.js');
      return demoRun(ctx, DEMO_PROJECT, DEMO_STALE_PAT, Boolean(values.json));
    }
    // The emulator is loaded only here: the rest of the CLI never pays for it.
    const { startEmulator } = await import('../../emulator/index.js');
    const emulator = await startEmulator({ state: join(DEMO_PROJECT, 'emulator-state.json'), host: '127.0.0.1', port: 0, grpcPort: 0 });
    try {
      const env = { CLARIFAI_PAT: DEMO_STALE_PAT, CLARIFAI_API_BASE: emulator.restUrl, CLARIFAI_GRPC_BASE: emulator.grpcTarget };
      const s = makeStyle(ctx.color, ctx.unicode);
      if (!values.json) {
        // What was planted, so the reader can tell a finding from a fault (examples/demo-project/README.md).
        const intro = [
          `${s.bold('keydoctor demo')}: examples/demo-project, against a local Clarifai emulator at ${emulator.restUrl} (nothing leaves this machine).`,
          `Planted: (1) the shell exports an old, revoked CLARIFAI_PAT=${mask(DEMO_STALE_PAT)} that beats .env; (2) the .env PAT has a trailing space in its quotes; (3) CLARIFAI_APPID for CLARIFAI_APP_ID; (4) .env is committed to git (in keydoctor's repository).`,
          `Probed: ${DEMO_CALL.method} ${DEMO_CALL.url}, as index.js:8 calls it once its ids are right.`,
        ];
        ctx.out(`${intro.flatMap((l) => wrapLine('', l, ctx.width)).join('\n')}\n\n`);
      }
      const result = await diagnose({
        ...diagnoseOptionsFrom(values, ctx),
        command: 'demo',
        live: true,
        projectDir: DEMO_PROJECT,
        env,
        cwd: DEMO_PROJECT,
        targets: [DEMO_CALL],
        signal: abortOnStop(ctx),
        redactor: ctx.redactor,
      });
      renderReport(reportOf(result, { notes: diagnosisNotes(result) }), values.json ? 'json' : 'text', ctx, Boolean(values.verbose));
      if (!values.json) {
        const outro = `${s.green('The demo ran (exit 0).')} Every problem above was planted (examples/demo-project/README.md). Next: run "keydoctor check" in your own project (--offline sends nothing).`;
        ctx.out(`\n${wrapLine('', outro, ctx.width).join('\n')}\n`);
      }
      return 0;
    } finally {
      await emulator.close();
    }
  },
};
