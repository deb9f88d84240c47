// Baselines: fingerprints of accepted findings (check id + file + hash of the masked, normalised snippet) so CI fails only on new ones.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { assertWritableFile } from '../sources/output-file.js';
import type { Finding } from '../types/diagnostic.js';
import { formatLocation, isFileLocation } from '../types/location.js';
import { describeFsError, readTextFile } from '../sources/read-text-file.js';
import { KeydoctorError } from './errors.js';

export interface BaselineEntry {
  id: string;
  /** The file the finding points at ('' for findings without a file). */
  file: string;
  /** sha256 of the check id, the file and the normalised snippet (which is masked: never the raw secret). */
  hash: string;
}

export interface Baseline {
  version: 1;
  tool: 'keydoctor';
  fingerprints: BaselineEntry[];
}

/** Line numbers are left out on purpose: a finding keeps its fingerprint when code above it moves. */
function material(f: Finding): { file: string; text: string } {
  const l = f.location;
  if (l && isFileLocation(l)) {
    const snippet = (l.snippet ?? '').replace(/^\[cell \d+(?: output)?, line \d+\] /u, '').replace(/\s+/gu, ' ').trim();
    return { file: l.file, text: snippet || f.message };
  }
  return { file: '', text: `${l ? formatLocation(l) : ''}\u0000${f.message}` };
}

export function fingerprint(f: Finding): BaselineEntry {
  const { file, text } = material(f);
  const hash = createHash('sha256').update(`${f.id}\u0000${file}\u0000${text}`).digest('hex').slice(0, 32);
  return { id: f.id, file, hash };
}

function key(e: BaselineEntry): string {
  return `${e.id}\u0000${e.file}\u0000${e.hash}`;
}

export function makeBaseline(findings: readonly Finding[]): Baseline {
  const unique = new Map(findings.map((f) => fingerprint(f)).map((e) => [key(e), e]));
  const fingerprints = [...unique.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return { version: 1, tool: 'keydoctor', fingerprints };
}

export function writeBaseline(path: string, findings: readonly Finding[]): void {
  assertWritableFile(path, 'the baseline');
  try {
    writeFileSync(path, `${JSON.stringify(makeBaseline(findings), null, 2)}\n`);
  } catch (error) {
    throw new KeydoctorError('KD_ERR_FILE', `cannot write the baseline ${path}: ${describeFsError(error)}.`);
  }
}

export function parseBaseline(text: string, path: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new KeydoctorError('KD_ERR_INPUT', `the baseline ${path} is not JSON; write one with --write-baseline ${path}.`);
  }
  const list = (data as { fingerprints?: unknown })?.fingerprints;
  const valid =
    Array.isArray(list) &&
    list.every((e) => typeof e === 'object' && e !== null && typeof e.id === 'string' && typeof e.file === 'string' && typeof e.hash === 'string');
  if (!valid) throw new KeydoctorError('KD_ERR_INPUT', `the baseline ${path} has no "fingerprints" list of {id, file, hash}; write one with --write-baseline ${path}.`);
  return { version: 1, tool: 'keydoctor', fingerprints: (list as BaselineEntry[]).map(({ id, file, hash }) => ({ id, file, hash })) };
}

export function readBaseline(path: string): Baseline {
  const read = readTextFile(path);
  if (!read.ok) throw new KeydoctorError('KD_ERR_FILE', `cannot read the baseline ${path}: ${read.reason}.`);
  return parseBaseline(read.bytes.toString('utf8'), path);
}

/** Drops every finding whose fingerprint is in the baseline. */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline): Finding[] {
  const known = new Set(baseline.fingerprints.map(key));
  return findings.filter((f) => !known.has(key(fingerprint(f))));
}
