// A small worker_threads pool so extraction uses every core; a worker that dies hands its batch back to the caller.
import { Worker } from 'node:worker_threads';
import type { BatchRequest, BatchResponse } from './worker.js';

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve(r: BatchResponse): void; reject(e: Error): void }>;
  dead: boolean;
}

/** Under tsx (tests, dev) this module is a .ts file, and so is the worker next to it. */
function workerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);
}

export class ScanPool {
  readonly #slots: Slot[] = [];
  #nextId = 0;

  constructor(size: number) {
    for (let n = 0; n < size; n++) {
      // A cap on each worker's heap keeps peak memory flat; a worker that hits it dies and its batch is scanned here.
      const worker = new Worker(workerUrl(), { resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 } });
      const slot: Slot = { worker, pending: new Map(), dead: false };
      const fail = (error: Error) => {
        slot.dead = true;
        for (const p of slot.pending.values()) p.reject(error);
        slot.pending.clear();
      };
      worker.on('message', (r: BatchResponse) => {
        const p = slot.pending.get(r.id);
        slot.pending.delete(r.id);
        p?.resolve(r);
      });
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`scan worker exited with code ${code}`)));
      this.#slots.push(slot);
    }
  }

  get alive(): boolean {
    return this.#slots.some((s) => !s.dead);
  }

  /** Sends a batch to the least busy live worker. Rejects if that worker dies; the caller then scans the batch itself. */
  run(files: BatchRequest['files'], maxFileBytes: number): Promise<BatchResponse> {
    const live = this.#slots.filter((s) => !s.dead);
    if (live.length === 0) return Promise.reject(new Error('no scan worker is running'));
    const slot = live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, files, maxFileBytes } satisfies BatchRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(
      this.#slots.map(async (s) => {
        s.dead = true;
        s.worker.removeAllListeners('exit');
        await s.worker.terminate();
      }),
    );
  }
}
