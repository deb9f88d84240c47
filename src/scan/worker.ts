// Worker thread entry: scans the batches of files the pool sends and posts back their facts.
import { parentPort } from 'node:worker_threads';
import { scanFile, type FileResult } from './scan-file.js';
import type { FileKind } from './languages.js';

export interface BatchRequest {
  id: number;
  files: { abs: string; rel: string; kind: FileKind }[];
  maxFileBytes: number;
}

export interface BatchResponse {
  id: number;
  results: (FileResult & { rel: string })[];
}

parentPort?.on('message', async (request: BatchRequest) => {
  const results: BatchResponse['results'] = [];
  for (const f of request.files) results.push({ rel: f.rel, ...(await scanFile(f.abs, f.rel, f.kind, request.maxFileBytes)) });
  parentPort!.postMessage({ id: request.id, results } satisfies BatchResponse);
});
