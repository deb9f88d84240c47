// Shared vocabulary of the env checks: which names hold credentials, how to show a value, how to point at a line.
import { visibleChar, visibleMask } from '../../../core/visible.js';
import { analyzeKeyValue, codePointLength } from '../../../providers/clarifai/key-format.js';
import { CLARIFAI_CREDENTIAL_NAMES, CLARIFAI_VARIABLE_NAMES, looksLikeSecretName, looksLikeSecretValue, urlPassword } from '../../../providers/clarifai/variables.js';
import { finding, type CheckContext, type CheckMeta } from '../../../types/check.js';
import type { Finding, Severity } from '../../../types/diagnostic.js';
import type { EnvFile } from '../../../types/evidence.js';
import type { EnvLocation, FileLocation } from '../../../types/location.js';
import { tracedCredentialNames } from './code-credentials.js';

/** The Clarifai credential variables, every expected name (`--expect`) that looks like a secret, and the names the code's credential is read from. */
export function credentialNames(ctx: CheckContext): string[] {
  const extra = ctx.options.expected.filter((n) => !CLARIFAI_VARIABLE_NAMES.includes(n) && looksLikeSecretName(n));
  return [...new Set([...CLARIFAI_CREDENTIAL_NAMES, ...extra, ...tracedCredentialNames(ctx.evidence.code)])];
}

/** Names keydoctor is asked about: the Clarifai list, `--expect`, and any name the scanned code reads. */
export function expectedNames(ctx: CheckContext): string[] {
  return [...new Set([...ctx.options.expected, ...(ctx.evidence.code?.envReads ?? []).map((r) => r.name)])];
}

/** A wrong credential or expected variable blocks the key; anything else only deserves a warning. */
export function severityFor(ctx: CheckContext, name: string): Severity {
  return credentialNames(ctx).includes(name) || ctx.options.expected.includes(name) ? 'error' : 'warning';
}

/** An example value (`your_pat_here`, `<PAT>`, empty, `${OTHER}`) rather than a real secret. */
export function isPlaceholder(value: string): boolean {
  return analyzeKeyValue(value).identity?.kind === 'placeholder';
}

/** A value that could be a real secret: not a placeholder, at least 16 characters, no spaces inside. */
export function looksLikeRealSecret(value: string): boolean {
  const core = value.trim().replace(/^["'`]+|["'`]+$/gu, '');
  return !isPlaceholder(value) && [...core].length >= 16 && !/\s/u.test(core);
}

/**
 * A value as it may be printed: secrets masked with their odd characters spelled out, other values
 * quoted with their odd characters spelled out.
 */
/** A value that is not a secret is quoted up to this many characters. */
const MAX_SHOWN_CHARS = 120;

export function showValue(name: string, value: string): string {
  const password = urlPassword(value);
  // A proxy URL stays readable (which host, which port); only its password is hidden.
  if (password !== undefined && !/[A-Za-z0-9]{24,}/u.test(value.replace(password, ''))) return `"${value.replace(`:${password}@`, ':****@')}"`;
  if (looksLikeSecretName(name) || looksLikeSecretValue(value)) return visibleMask(value);
  // Bounded output: a 5 MB value is shown by its start and its length, not printed whole in every finding.
  const chars = [...value.slice(0, MAX_SHOWN_CHARS + 1)];
  const shown = chars.slice(0, MAX_SHOWN_CHARS).map((ch) => (ch === ' ' ? ch : visibleChar(ch))).join('');
  return chars.length > MAX_SHOWN_CHARS ? `"${shown}…" (${codePointLength(value).toLocaleString('en-US')} chars)` : `"${shown}"`;
}

/** `.env:3` or `.env:3:14`. */
export function at(file: Pick<EnvFile, 'display'>, line: number, column?: number): string {
  return column === undefined ? `${file.display}:${line}` : `${file.display}:${line}:${column}`;
}

export function fileLocation(file: Pick<EnvFile, 'display'>, line: number, column?: number, snippet?: string): FileLocation {
  return { file: file.display, line, ...(column !== undefined ? { column } : {}), ...(snippet !== undefined ? { snippet } : {}) };
}

/** `the shell` / `.env:3`. */
export function sourceText(l: EnvLocation): string {
  if (l.source === 'shell') return 'the shell environment';
  return l.line !== undefined ? `${l.source}:${l.line}` : l.source;
}

/** Shell-safe quoting for file names in fixes: `'.env '` keeps the trailing space visible. */
export function shellQuote(s: string): string {
  return /^[\w./-]+$/u.test(s) ? s : `'${s.replace(/'/gu, `'\\''`)}'`;
}

/** Per file and check, this many findings are shown; a file with more is usually not a dotenv file at all. */
export const MAX_FINDINGS_PER_FILE = 10;

export function capPerFile(meta: CheckMeta, file: Pick<EnvFile, 'display'>, findings: Finding[]): Finding[] {
  if (findings.length <= MAX_FINDINGS_PER_FILE) return findings;
  const rest = findings.length - MAX_FINDINGS_PER_FILE;
  return [
    ...findings.slice(0, MAX_FINDINGS_PER_FILE),
    finding(meta, {
      severity: 'info',
      message: `${rest} more ${meta.id} ${rest === 1 ? 'finding' : 'findings'} in ${file.display} are not shown; a file with this many is probably not a dotenv file.`,
      fix: `Fix the lines above and run keydoctor again, or check that ${file.display} is the file you meant.`,
      location: { file: file.display },
    }),
  ];
}
