// Hooks the manifest readers into the per-file scan: lockfiles are read for their dependencies alone, other manifests on top of their usual extraction.
import { readTextFile } from '../../sources/read-text-file.js';
import { emptyFacts } from '../facts.js';
import type { FileResult } from '../scan-file.js';
import { manifestFormat, readManifest } from './index.js';

/** Lockfiles of big projects run to tens of megabytes; they are read line by line for a few names, so a higher cap is fine. */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

function read(absPath: string, maxBytes: number): string | { skipped: string } {
  const r = readTextFile(absPath, maxBytes);
  if (!r.ok) return { skipped: r.reason };
  const text = r.bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A lockfile or Pipfile: only the Clarifai dependencies it declares. */
export function scanManifest(absPath: string, file: string, maxFileBytes: number): FileResult {
  const text = read(absPath, Math.max(maxFileBytes, MAX_MANIFEST_BYTES));
  if (typeof text !== 'string') return { bytes: 0, skipped: text.skipped };
  const dependencies = readManifest(file, text);
  return { bytes: Buffer.byteLength(text), ...(dependencies.length > 0 ? { facts: { ...emptyFacts(), dependencies } } : {}) };
}

/** package.json, requirements, pyproject.toml, setup.py: adds their Clarifai dependencies to what the usual extractors found. */
export function withDependencies(result: FileResult, absPath: string, file: string, maxFileBytes: number): FileResult {
  if (result.skipped || !manifestFormat(file)) return result;
  const text = read(absPath, maxFileBytes);
  if (typeof text !== 'string') return result;
  const dependencies = readManifest(file, text);
  if (dependencies.length === 0) return result;
  return { ...result, facts: { ...(result.facts ?? emptyFacts()), dependencies } };
}
