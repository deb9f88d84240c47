// --wait: retries a key Clarifai does not know yet (11009) with backoff, in case it was just created and is still propagating.
import type { ActivationWait, CredentialVerdict } from '../types/live-evidence.js';

export interface WaitOptions {
  credentials: CredentialVerdict[];
  maxWaitMs: number;
  label(v: CredentialVerdict): string;
  /** One retry; true when the key now works. `attempt` counts from 1. */
  retry(v: CredentialVerdict, attempt: number): Promise<boolean>;
  /** A progress line (ends in a newline); `done` on the last one for this credential. */
  onProgress?: (line: string, done?: boolean) => void;
  signal?: AbortSignal;
  /** Injected by tests; defaults to a timer that stops early on abort. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

async function waitFor(v: CredentialVerdict, o: WaitOptions): Promise<ActivationWait> {
  const sleep = o.sleep ?? defaultSleep;
  const start = performance.now();
  const elapsed = () => performance.now() - start;
  let delay = FIRST_DELAY_MS;
  let attempts = 0;
  while (elapsed() < o.maxWaitMs && !o.signal?.aborted) {
    const pause = Math.min(delay, Math.max(0, o.maxWaitMs - elapsed()));
    // What changes comes first: a terminal line is cut at its width, so the tail is the part that may go.
    o.onProgress?.(`keydoctor: retry ${attempts + 1} in ${seconds(pause)} (waited ${seconds(elapsed())} of ${seconds(o.maxWaitMs)}): ${o.label(v)} is not known to Clarifai yet (11009)…\n`);
    await sleep(pause, o.signal);
    if (o.signal?.aborted) break;
    attempts++;
    if (await o.retry(v, attempts)) {
      const after = Math.round(elapsed());
      o.onProgress?.(`keydoctor: ${o.label(v)} works now (after ${seconds(after)} and ${attempts} ${attempts === 1 ? 'retry' : 'retries'}).\n`, true);
      return { credential: v.id, waitedMs: after, attempts, maxWaitMs: o.maxWaitMs, becameValidAfterMs: after };
    }
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }
  o.onProgress?.(`keydoctor: ${o.label(v)} was still unknown after ${seconds(elapsed())}.\n`, true);
  return { credential: v.id, waitedMs: Math.round(elapsed()), attempts, maxWaitMs: o.maxWaitMs };
}

export async function waitForActivation(o: WaitOptions): Promise<ActivationWait[]> {
  return Promise.all(o.credentials.map((v) => waitFor(v, o)));
}
