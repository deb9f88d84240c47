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
  /** UTF-8 byte offsets [start, end) in the file as read (a BOM counts) of the name, for `keydoctor fix`. */
  nameBytes?: [number, number];
  /** UTF-8 byte offsets [start, end) of the value as written: its quotes included, an unquoted value's trailing blanks not. */
  valueBytes?: [number, number];
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
  /** sha256 (hex) of the bytes read: `keydoctor fix` writes only if the file still has them. */
  sha256?: string;
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

/** A file a loader reads, in the order it reads them. */
export interface LoaderFileRead {
  /** Absolute path. */
  path: string;
  /** Relative to the project folder, as shown to users. */
  display: string;
  exists: boolean;
  /** Why this loader reads this file, in words. */
  why: string;
}

/** One loader that runs for an entry point: what it is, where it is called, what it reads, and its override rule. */
export interface LoaderRun {
  /** `node-dotenv`, `dotenv-flow`, `node --env-file`, `python-dotenv`, `shell`, `next`, `vite`, `compose`, … */
  loader: string;
  /** As written (`load_dotenv()`, `. ./.env`, `node --env-file=.env`), snippet masked. */
  label: string;
  /** Where it runs: a code position, or a package.json script. */
  at?: { file: string; line?: number; script?: string };
  reads: LoaderFileRead[];
  /** A value from the file replaces one the environment already has. */
  override: boolean;
  /** It puts the values in the process environment (false for dotenv_values, python-decouple, pydantic-settings). */
  setsEnvironment: boolean;
  /** Whose parse rules apply to the files it reads. */
  rules: 'node-dotenv' | 'python-dotenv' | 'shell' | 'compose';
  /** Set when keydoctor cannot tell everything (a path it cannot follow), in words. */
  note?: string;
}

/** A way the app is started (a package.json script, a Python file, a notebook, a shell script) and the loaders that run, in order. */
export interface EntryPoint {
  /** `npm run dev`, `app.py`, `run.sh`, `analysis.ipynb`. */
  name: string;
  runtime: 'node' | 'python' | 'notebook' | 'shell';
  /** The folder it runs from, relative to the project (`.`). */
  cwd: string;
  chain: LoaderRun[];
  /** Framework CLI that loads .env files and decides what reaches the browser (`next`, `vite`, `react-scripts`, `expo`). */
  framework?: { tool: string; mode: string; publicPrefix: string };
}

/** How the app loads its environment (src/sources/loaders): set when the code was scanned. */
export interface LoaderEvidence {
  entryPoints: EntryPoint[];
  /** Dotenv files in or near the project that nothing loads, with the line that would load them in the project's language. */
  unloaded: {
    path: string;
    display: string;
    /** `none`: no loader runs at all; `elsewhere`: loaders run but read other files (or files that do not exist). */
    kind: 'none' | 'elsewhere';
    reason: string;
    /** The line to add or change, in the project's language and loader. */
    fix: string;
    /** What the code reads instead when the variable is missing: `None` (Python), `undefined` (JavaScript). */
    sends?: string;
  }[];
  /** Why keydoctor cannot say for sure that a file is not loaded (paths it cannot follow, tools that load files themselves). */
  uncertain: string[];
}

/** Text the user pasted (`keydoctor explain`): what the API or an SDK said, parsed. */
export interface PastedEvidence {
  text: string;
  observation: Observation;
}

/** Everything observed, by kind; a kind is absent when it was not gathered (offline, no code, nothing pasted). */
export interface Evidence {
  env?: EnvEvidence;
  /** How each entry point loads its environment (src/sources/loaders); absent when the code was not scanned. */
  loaders?: LoaderEvidence;
  code?: CodeEvidence;
  live?: LiveEvidence;
  pasted?: PastedEvidence;
}

/** The kinds of evidence a check can require. */
export type EvidenceKind = keyof Evidence;
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['env', 'code', 'live', 'pasted', 'loaders'];
