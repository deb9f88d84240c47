// The inspector page for `run --ui` and `emulator --ui`: feeds the server masked rows as calls arrive, judged by the one engine.
import type { Redactor } from '../core/secret.js';
import type { EmulatorLogEntry } from '../emulator/log.js';
import { gatherRunEvidence, judgeRun, type RunDiagnoseOptions, type RunDiagnosis, type RunLocalEvidence } from '../intercept/diagnose.js';
import type { InterceptedCall } from '../intercept/proxy.js';
import { registerSent } from '../intercept/evidence.js';
import { emulatorRow, runRows, type PageRow, type PageState, type StatusExplainer } from './model.js';
import { startInspector, type Inspector } from './server.js';

/** Re-judging every call on every call would be quadratic in a burst: at most one judgement per this many ms. */
const JUDGE_EVERY_MS = 150;

export interface RunInspector {
  url: string;
  /** The proxy is up: the origin of the calls' times. */
  started(startedAt: number): void;
  add(call: InterceptedCall): void;
  /** The command exited: the final diagnosis (the one the report prints) replaces the live one. */
  finish(exit: { exitCode: number; signal?: string }, calls: readonly InterceptedCall[]): Promise<RunDiagnosis>;
  close(): Promise<void>;
}

function empty(mode: PageState['mode'], title: string): PageState {
  return { mode, title, startedAt: new Date().toISOString(), status: { state: mode === 'run' ? 'running' : 'serving', message: mode === 'run' ? 'running' : 'serving' }, rows: [], otherFindings: [], notes: [] };
}

export async function startRunInspector(commandLine: string, options: RunDiagnoseOptions, redactor: Redactor): Promise<RunInspector> {
  let state = empty('run', commandLine);
  state.status.message = `running ${commandLine}`;
  const server: Inspector = await startInspector(state);
  // The folder is read while the command starts; calls that arrive first wait for it.
  // A command that fails to start ends the run at once: the scan is stopped rather than awaited.
  const stop = new AbortController();
  const local: Promise<RunLocalEvidence | undefined> = gatherRunEvidence(options, redactor, stop.signal).catch(() => undefined);
  const calls: InterceptedCall[] = [];
  let startedAt = Date.now();
  let timer: NodeJS.Timeout | undefined;
  let finished = false;

  const publish = (diagnosis: RunDiagnosis | undefined) => {
    const built = diagnosis ? runRows(calls, diagnosis, startedAt, redactor) : { rows: [] as PageRow[], otherFindings: [] };
    state = { ...state, rows: built.rows, otherFindings: built.otherFindings };
    server.update(state);
  };
  const judgeSoon = () => {
    if (timer || finished) return;
    timer = setTimeout(() => {
      void local.then((l) => {
        timer = undefined;
        if (finished || !l) return;
        publish(judgeRun(calls, l, options, redactor));
      });
    }, JUDGE_EVERY_MS);
  };

  return {
    url: server.url,
    started(at) {
      startedAt = at;
      state = { ...state, startedAt: new Date(at).toISOString() };
      server.update(state);
    },
    add(call) {
      for (const c of call.credentials) registerSent(redactor, c.value);
      calls.push(call);
      judgeSoon();
    },
    async finish(exit, finalCalls) {
      finished = true;
      if (timer) clearTimeout(timer);
      calls.splice(0, calls.length, ...finalCalls);
      const l = await local;
      const diagnosis = l ? judgeRun(calls, l, options, redactor) : judgeRun(calls, await gatherRunEvidence(options, redactor), options, redactor);
      const how = exit.signal ? `ended by ${exit.signal} (exit ${exit.exitCode})` : `exited with code ${exit.exitCode}`;
      state = {
        ...state,
        status: { state: 'exited', exitCode: exit.exitCode, ...(exit.signal ? { signal: exit.signal } : {}), endedAt: new Date().toISOString(), message: `${commandLine} ${how}` },
      };
      publish(diagnosis);
      return diagnosis;
    },
    close() {
      stop.abort();
      if (timer) clearTimeout(timer);
      return server.close();
    },
  };
}

export interface EmulatorInspector {
  url: string;
  add(entry: EmulatorLogEntry): void;
  close(): Promise<void>;
}

/** The same page over the emulator's request log: each answered request is a row, with the explain engine's reading of the status. */
export async function startEmulatorInspector(restUrl: string, grpcTarget: string, redactor: Redactor): Promise<EmulatorInspector> {
  const { explainWithResult } = await import('../explain/index.js');
  const explainStatus: StatusExplainer = (code, description, httpStatus) =>
    explainWithResult(`${httpStatus !== undefined ? `HTTP ${httpStatus}\n` : ''}${JSON.stringify({ status: { code, description } })}`, { redactor }).explanation.findings;
  const startedAt = Date.now();
  let state = empty('emulator', `emulator at ${restUrl} (REST) and ${grpcTarget} (gRPC)`);
  state = { ...state, status: { state: 'serving', message: `the emulator answers at ${restUrl} (REST) and ${grpcTarget} (gRPC)` }, notes: ['Rows are the requests the emulator answered, with its own reason; the diagnosis reads the status it sent (it cannot see where the client read the key from).'] };
  const server = await startInspector(state);
  return {
    url: server.url,
    add(entry) {
      const row = emulatorRow(state.rows.length, entry, startedAt, restUrl, grpcTarget, explainStatus, redactor);
      state = { ...state, rows: [...state.rows, row] };
      server.update(state);
    },
    close: () => server.close(),
  };
}
