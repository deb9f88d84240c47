// `keydoctor emulator`: runs the local Clarifai-compatible API until SIGINT/SIGTERM, logging each auth decision.
import { createWriteStream, type WriteStream } from 'node:fs';
import { assertWritableFile } from '../../sources/output-file.js';
import { KeydoctorError } from '../../core/errors.js';
import { numberOption, type Command } from '../command.js';
import type { EmulatorLogEntry } from '../../emulator/log.js';

export const command: Command = {
  name: 'emulator',
  summary: 'Run a local Clarifai-compatible API (REST and gRPC) that reproduces auth errors',
  options: {
    port: { type: 'string' },
    'grpc-port': { type: 'string' },
    state: { type: 'string' },
    latency: { type: 'string' },
    host: { type: 'string' },
    log: { type: 'string' },
    'allow-remote': { type: 'boolean' },
    ui: { type: 'boolean' },
  },
  help: `Usage: keydoctor emulator [options]

Serves a local stand-in for api.clarifai.com over REST and gRPC. It knows the users and
keys in a state file and answers every Clarifai route with the status Clarifai sends:
missing or malformed header (11102), unknown key (11009), bad format, PAT without an app
or key/app mismatch (11008), missing scopes (11007), quotas (11003/11004), throttling
(11005), account issues (11000). Without --state it loads the demo state (docs/emulator.md).
Each request is logged as a JSON line with the decision and its reason, keys masked.

Options:
  --port N          REST port (default 0: a free port)
  --grpc-port N     gRPC port, plaintext (default 0: a free port)
  --state FILE      State JSON: users, apps, plans, keys and scopes (default: the demo state)
  --latency MS      Delay every response by MS milliseconds (default 0)
  --host HOST       Address to listen on (default 127.0.0.1; loopback only unless --allow-remote)
  --allow-remote    Allow a non-loopback --host (anyone who can reach it learns which tokens are valid)
  --log FILE        Append the request log to FILE instead of standard error
  --ui              Also show each request live in a browser page on 127.0.0.1 (its address, with a per-run token, is printed), with the diagnosis of each answer

Examples:
  keydoctor emulator --port 8080
  CLARIFAI_API_BASE=http://127.0.0.1:8080 keydoctor check
  keydoctor emulator --state state.json --latency 100 --log requests.jsonl

Stops cleanly on Ctrl+C (SIGINT) or SIGTERM; exit code 0, or 2 for a bad option or state file.
`,
  async run(values, _positionals, ctx) {
    const port = numberOption('port', values.port, { max: 65535 });
    const grpcPort = numberOption('grpc-port', values['grpc-port'], { max: 65535 });
    const latencyMs = numberOption('latency', values.latency, { max: 600_000 });
    if (port !== undefined && !Number.isInteger(port)) throw new KeydoctorError('KD_ERR_USAGE', `--port takes a whole number, not "${String(values.port)}".`);
    if (grpcPort !== undefined && !Number.isInteger(grpcPort)) throw new KeydoctorError('KD_ERR_USAGE', `--grpc-port takes a whole number, not "${String(values['grpc-port'])}".`);
    const statePath = typeof values.state === 'string' ? values.state : undefined;

    let logFile: WriteStream | undefined;
    if (typeof values.log === 'string') {
      assertWritableFile(values.log, 'the log file');
      logFile = createWriteStream(values.log, { flags: 'a' });
      await new Promise<void>((resolve, reject) => {
        logFile!.once('open', () => resolve());
        logFile!.once('error', (e: NodeJS.ErrnoException) => reject(new KeydoctorError('KD_ERR_FILE', `cannot write the log file ${values.log}: ${e.code ?? e.message}`)));
      });
      logFile.on('error', () => {}); // a full disk later must not crash the server; the entries are lost
    }

    const { startEmulator } = await import('../../emulator/index.js');
    // Requests can arrive before the page is up; they are kept and shown once it is.
    const early: EmulatorLogEntry[] = [];
    let page: { add(e: EmulatorLogEntry): void; close(): Promise<void>; url: string } | undefined;
    const emulator = await startEmulator({
      ...(statePath !== undefined ? { state: statePath } : {}),
      ...(typeof values.host === 'string' ? { host: values.host } : {}),
      ...(port !== undefined ? { port } : {}),
      ...(grpcPort !== undefined ? { grpcPort } : {}),
      ...(latencyMs !== undefined ? { latencyMs } : {}),
      allowRemote: values['allow-remote'] === true,
      log: (entry) => {
        const line = `${JSON.stringify(entry)}\n`;
        if (logFile) logFile.write(line);
        else ctx.err(line);
        if (page) page.add(entry);
        else if (values.ui === true) early.push(entry);
      },
    });
    if (values.ui === true) {
      // Loaded only with --ui: the page's server, the row model and the explain engine.
      const { startEmulatorInspector } = await import('../../inspector/index.js');
      page = await startEmulatorInspector(emulator.restUrl, emulator.grpcTarget, ctx.redactor);
      for (const e of early.splice(0)) page.add(e);
    }

    ctx.out(
      `keydoctor emulator is listening (${statePath !== undefined ? `state: ${statePath}` : 'demo state, see docs/emulator.md'})\n` +
        `  REST  ${emulator.restUrl}   → CLARIFAI_API_BASE=${emulator.restUrl}\n` +
        `  gRPC  ${emulator.grpcTarget}   → CLARIFAI_GRPC_BASE=${emulator.grpcTarget} (plaintext)\n` +
        (page ? `  inspector at ${page.url}\n` : '') +
        `Press Ctrl+C to stop.\n`,
    );

    await new Promise<void>((resolve) => ctx.io.onStop(() => resolve()));
    await emulator.close();
    await page?.close();
    if (logFile) await new Promise<void>((resolve) => logFile!.end(resolve));
    ctx.err(`keydoctor emulator stopped after ${emulator.requests} request${emulator.requests === 1 ? '' : 's'}.\n`);
    return 0;
  },
};
