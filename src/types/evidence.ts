// Everything keydoctor observed before judging: credential sources, code facts and API exchanges.
import type { Secret } from '../core/secret.js';
import type { EnvLocation } from './location.js';
import type { CodeEvidence } from './code-evidence.js';
import type { LiveEvidence } from './live-evidence.js';
import type { Observation } from '../explain/parse.js';

/** One assignment in a dotenv file, located; `value` is what dotenv.parse gives for this occurrence. */
export interface EnvFileEntry {
  name: string;
  value: string;
  /** 1-based line of the name, and 1-based column where the name starts. */
  line: number;
  column: number;
  /** 1-based column where the written value starts on `line` (after `=` and spaces, at a quote if quoted). */
  valueColumn: number;
  /** Last line of the assignment (greater than `line` for a multi-line quoted value). */
  endLine: number;
  /** The text of the line, without the line break (dotenv treats CRLF and a lone CR as line breaks too). */
  raw: string;
}

/** A dotenv-style file in or near the project, whether or not the app would load it. */
export interface EnvFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the project folder, as shown to users (`.env.local`, `../.env`). */
  display: string;
  /** Whether the dotenv/dotenv-flow family (or `--env-file`) loads it. */
  loaded: boolean;
  /** Why it is or is not loaded, in words. */
  reason: string;
  /** Priority among loaded files: 0 is consulted first (wins without override). */
  priority: number;
  /** Decoded text (UTF-8); empty when unreadable. */
  text: string;
  /** The lines as dotenv sees them (split on LF, CRLF or CR; no `\r` kept), for locating problems. */
  lines: string[];
  /** Exactly `dotenv.parse(bytes)`. */
  parsed: Record<string, string>;
  /** Every assignment dotenv honours, in file order (duplicates included). */
  entries: EnvFileEntry[];
  hasBom: boolean;
  hasCrlf: boolean;
  /** Set when the file could not be read as text: binary, too large, unreadable, not a regular file. */
  unreadable?: string;
  /** git facts: undefined when git is unavailable or the folder is not a repository. */
  gitTracked?: boolean;
  gitIgnored?: boolean;
}

/** One place that defines a variable. */
export interface Definition {
  name: string;
  value: Secret;
  location: EnvLocation;
}

/** A variable keydoctor cares about, with every source that defines it and who wins. */
export interface ResolvedVariable {
  name: string;
  definitions: Definition[];
  /** The value the app sees with dotenv's default (shell first, then the first loaded file). */
  winner?: Definition;
  /** The value the app sees with `override: true` (the highest-priority loaded file beats the shell). */
  winnerWithOverride?: Definition;
  /** One sentence: which source won and why. */
  why: string;
}

export interface EnvEvidence {
  /** The project folder, absolute. */
  projectDir: string;
  /** The process environment keydoctor was started with (its names, and values as Secrets where credential-like). */
  shell: Record<string, string>;
  files: EnvFile[];
  /** Every variable name defined anywhere (shell or loaded files), resolved. */
  variables: Map<string, ResolvedVariable>;
  /** Names the user or the code expects (`--expect`, the Clarifai list, names read by code). */
  expected: string[];
  /** Whether the project folder is inside a git work tree. */
  gitRepo: boolean;
}

/** Text the user pasted (`keydoctor explain`): what the API or an SDK said, parsed. */
export interface PastedEvidence {
  text: string;
  observation: Observation;
}

/** Everything observed, by kind; a kind is absent when it was not gathered (offline, no code, nothing pasted). */
export interface Evidence {
  env?: EnvEvidence;
  code?: CodeEvidence;
  live?: LiveEvidence;
  pasted?: PastedEvidence;
}

/** The kinds of evidence a check can require. */
export type EvidenceKind = keyof Evidence;
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['env', 'code', 'live', 'pasted'];
