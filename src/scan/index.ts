// The source scan: walk the project, extract code facts from each file (on worker threads for big trees), and merge them into CodeEvidence.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { KeydoctorError } from '../core/errors.js';
import { Secret } from '../core/secret.js';
import type { CodeEvidence } from '../types/code-evidence.js';
import type { FileFacts } from './facts.js';
import { ScanPool } from './pool.js';
import { finishClarifaiFacts, mergeClarifaiFacts } from './extractors/clarifai-usage.js';
import { DEFAULT_MAX_FILE_BYTES, scanFile, type FileResult } from './scan-file.js';
import { resolveCredentialFlow } from './credential/resolve.js';
import type { FileCredentialFacts } from './credential/types.js';
import { walk, type WalkItem } from './walker.js';

export { DEFAULT_MAX_FILE_BYTES } from './scan-file.js';
export { applySuppressions } from './suppressions.js';

export interface ScanProgress {
  files: number;
  bytes: number;
  skipped: number;
  elapsedMs: number;
  done: boolean;
}

export interface GatherCodeOptions {
  /** Files larger than this are skipped (listed with the reason). Default 2 MB. */
  maxFileBytes?: number;
  /** Also list expected skips (symlinked folders, FIFOs and other special files) in `skipped`. */
  verbose?: boolean;
  /** Called as the scan advances (at most every 50 ms) and once at the end with `done: true`. */
  onProgress?: (progress: ScanProgress) => void;
  signal?: AbortSignal;
  /** Worker threads to use once the tree is big enough (default 2; 0 scans on this thread). */
  workers?: number;
  /** How many files the tree must have before workers start (default 200: below that, start-up costs more than it saves). */
  workerThreshold?: number;
}

const BATCH_FILES = 32;
const MAX_IN_FLIGHT = 4;

/** Skips that are expected in a normal tree; shown only with --verbose. */
function expectedSkip(reason: string): boolean {
  return reason.startsWith('symlink to a folder') || reason.includes('not a regular file');
}

export async function gatherCodeEvidence(root: string, options: GatherCodeOptions = {}): Promise<CodeEvidence> {
  const absRoot = resolve(root);
  let isDir = false;
  try {
    isDir = statSync(absRoot).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new KeydoctorError('KD_ERR_NOT_A_DIRECTORY', `${root} is not a folder.`);

  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const workers = options.workers ?? 2;
  const threshold = options.workerThreshold ?? 200;
  const started = Date.now();
  let lastProgress = 0;
  const evidence: CodeEvidence = {
    root: absRoot,
    filesScanned: 0,
    bytesScanned: 0,
    skipped: [],
    envReads: [],
    authHeaders: [],
    urls: [],
    keyLiterals: [],
    imports: [],
    suppressions: [],
    // Always present once the scan ran: an empty list means no code loads a dotenv file.
    envLoaders: [],
    requests: [],
  };

  const progress = (done: boolean) => {
    const now = Date.now();
    if (!options.onProgress || (!done && now - lastProgress < 50)) return;
    lastProgress = now;
    options.onProgress({ files: evidence.filesScanned, bytes: evidence.bytesScanned, skipped: evidence.skipped.length, elapsedMs: now - started, done });
  };
  const skip = (file: string, reason: string) => {
    if (options.verbose || !expectedSkip(reason)) evidence.skipped.push({ file, reason });
  };
  const flows: FileCredentialFacts[] = [];
  const merge = (file: string, r: FileResult) => {
    if (r.skipped) skip(file, r.skipped);
    else evidence.filesScanned++;
    evidence.bytesScanned += r.bytes;
    if (r.facts) mergeFacts(evidence, r.facts);
    if (r.facts?.credential) flows.push(r.facts.credential);
    progress(false);
  };
  type FileItem = Extract<WalkItem, { type: 'file' }>;
  const scanHere = async (batch: FileItem[]) => {
    for (const f of batch) merge(f.rel, await scanFile(f.abs, f.rel, f.kind, maxFileBytes));
  };

  let pool: ScanPool | undefined;
  const inFlight = new Set<Promise<void>>();
  const dispatch = async (batch: FileItem[]): Promise<void> => {
    if (!pool?.alive) return scanHere(batch);
    const job: Promise<void> = pool
      .run(batch.map((f) => ({ abs: f.abs, rel: f.rel, kind: f.kind })), maxFileBytes)
      .then(
        (response) => {
          for (const r of response.results) merge(r.rel, r);
        },
        // A worker died (out of memory, a bug): scan its batch here rather than lose it.
        () => scanHere(batch),
      )
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
  };

  const pending: FileItem[] = [];
  let seen = 0;
  try {
    for await (const item of walk(absRoot, options.signal)) {
      if (item.type === 'skip') {
        skip(item.rel, item.reason);
        continue;
      }
      pending.push(item);
      seen++;
      if (!pool && seen === threshold && workers > 0) pool = new ScanPool(workers);
      if (pool && pending.length >= BATCH_FILES) {
        while (pending.length >= BATCH_FILES) await dispatch(pending.splice(0, BATCH_FILES));
        // Back-pressure: the walk waits while workers are busy, so memory stays flat however big the tree.
        while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
        options.signal?.throwIfAborted();
      }
    }
    if (pool) await dispatch(pending);
    else await scanHere(pending);
    await Promise.all(inFlight);
  } finally {
    await pool?.close();
  }
  options.signal?.throwIfAborted();
  sortEvidence(evidence);
  // Credentials are linked across files (imports, config modules) once every file is in.
  Object.assign(evidence, resolveCredentialFlow(flows, absRoot));
  progress(true);
  return evidence;
}

/** CodeEvidence from per-file results already in hand (`scan --staged` reads blobs from the index, not the tree). */
export function codeEvidenceFromResults(root: string, results: Iterable<{ rel: string; result: FileResult }>): CodeEvidence {
  const absRoot = resolve(root);
  const evidence: CodeEvidence = { root: absRoot, filesScanned: 0, bytesScanned: 0, skipped: [], envReads: [], authHeaders: [], urls: [], keyLiterals: [], imports: [], suppressions: [], requests: [] };
  const flows: FileCredentialFacts[] = [];
  for (const { rel, result } of results) {
    if (result.skipped) evidence.skipped.push({ file: rel, reason: result.skipped });
    else evidence.filesScanned++;
    evidence.bytesScanned += result.bytes;
    if (result.facts) mergeFacts(evidence, result.facts);
    if (result.facts?.credential) flows.push(result.facts.credential);
  }
  sortEvidence(evidence);
  Object.assign(evidence, resolveCredentialFlow(flows, absRoot));
  return evidence;
}

function mergeFacts(evidence: CodeEvidence, facts: FileFacts): void {
  evidence.envReads.push(...facts.envReads);
  evidence.authHeaders.push(...facts.authHeaders);
  evidence.urls.push(...facts.urls);
  evidence.imports.push(...facts.imports);
  evidence.suppressions.push(...facts.suppressions);
  for (const k of facts.keyLiterals) evidence.keyLiterals.push({ ...k, value: new Secret(k.value) });
  mergeClarifaiFacts(evidence, facts);
  if (facts.envLoaders) (evidence.envLoaders ??= []).push(...facts.envLoaders);
  if (facts.requests) (evidence.requests ??= []).push(...facts.requests);
  if (facts.otherServiceHeaders) (evidence.otherServiceHeaders ??= []).push(...facts.otherServiceHeaders);
}

function sortEvidence(e: CodeEvidence): void {
  const byPlace = (a: { file: string; line: number; column?: number }, b: { file: string; line: number; column?: number }) =>
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0);
  e.envReads.sort(byPlace);
  e.authHeaders.sort(byPlace);
  e.urls.sort(byPlace);
  e.keyLiterals.sort(byPlace);
  e.imports.sort(byPlace);
  e.suppressions.sort(byPlace);
  finishClarifaiFacts(e);
  e.envLoaders?.sort(byPlace);
  e.requests?.sort(byPlace);
  e.skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
