// Turns the fixes attached to a diagnosis into a checked plan (per-file new bytes and a masked diff), and writes it atomically.
//
// Nothing is written unless every file the plan touches passes every check (inside the project, a regular UTF-8
// text file, writable, not in a merge, and byte for byte what the diagnosis read): one refusal leaves every file
// as it was.
import { createHash, randomBytes } from 'node:crypto';
import { accessSync, chmodSync, closeSync, constants, fsyncSync, lstatSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { canonicalId, problemFor } from '../checks/registry.js';
import type { Result } from '../core/diagnose.js';
import { openGit } from '../sources/safe-git.js';
import type { Finding, FixEdit } from '../types/diagnostic.js';
import { formatLocation } from '../types/location.js';
import { renderDiff } from './diff.js';

export interface FixOptions {
  /** Problem ids (current or old) to fix; all fixable ones when absent. */
  only?: readonly string[];
  /** Only fixes marked safe (unattended `--write`). */
  safeOnly?: boolean;
}

/** One finding's fix and what became of it in the plan. */
export interface PlannedFix {
  id: string;
  /** Where the finding points, as reports show it. */
  at: string;
  description: string;
  safe: boolean;
  /** `planned`: in the plan; `skipped`: left out (not safe, overlapping another fix, already done); `refused`: a file it needs was refused. */
  status: 'planned' | 'skipped' | 'refused';
  reason?: string;
  note?: string;
  files: string[];
}

/** A file the plan changes: its bytes now, its bytes after, and the diff to show. */
export interface FileChange {
  /** Relative to the project folder, as shown. */
  file: string;
  /** The real path written (a symbolic link inside the project is followed). */
  path: string;
  before: Buffer;
  after: Buffer;
  /** The file does not exist yet (a new .gitignore). */
  created: boolean;
  mode: number;
  diff: string;
  /** Some diff lines hold a key and show it masked. */
  masked: boolean;
}

export interface Refusal {
  file: string;
  reason: string;
}

export interface FixPlan {
  /** The project folder, real path. */
  root: string;
  fixes: PlannedFix[];
  changes: FileChange[];
  /** Files to stop tracking in git (`git rm --cached`). */
  untrack: string[];
  refusals: Refusal[];
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Whether `path` is `root` or inside it (both real paths). */
function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

interface ReadOk {
  ok: true;
  path: string;
  bytes: Buffer;
  mode: number;
  exists: boolean;
}

/** Reads a file the plan would change, or says why keydoctor must not touch it. */
function readForEdit(root: string, file: string, unmerged: ReadonlySet<string>, mayCreate: boolean): ReadOk | { ok: false; reason: string } {
  if (isAbsolute(file) || file.split(/[\\/]/u).includes('..')) return { ok: false, reason: 'is outside the project folder' };
  const abs = resolve(root, file);
  let link = false;
  try {
    link = lstatSync(abs).isSymbolicLink();
  } catch {
    if (!mayCreate) return { ok: false, reason: 'no longer exists' };
    let dir: string;
    try {
      dir = realpathSync(dirname(abs));
    } catch {
      return { ok: false, reason: 'is in a folder that does not exist' };
    }
    if (!inside(root, dir)) return { ok: false, reason: 'is in a folder outside the project (through a symbolic link)' };
    try {
      accessSync(dir, constants.W_OK);
    } catch {
      return { ok: false, reason: 'cannot be created: its folder is not writable' };
    }
    return { ok: true, path: join(dir, basename(abs)), bytes: Buffer.alloc(0), mode: 0o644, exists: false };
  }
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    return { ok: false, reason: 'is a symbolic link that leads nowhere' };
  }
  if (!inside(root, real)) return { ok: false, reason: link ? 'is a symbolic link to a file outside the project' : 'is outside the project folder' };
  const st = statSync(real);
  if (!st.isFile()) return { ok: false, reason: 'is not a regular file' };
  const rel = relative(root, real).split(sep).join('/');
  if (unmerged.has(rel) || unmerged.has(file)) return { ok: false, reason: 'has unresolved merge conflicts (git lists it as unmerged): finish the merge first' };
  const bytes = readFileSync(real);
  if (bytes.includes(0)) return { ok: false, reason: 'is binary (it holds NUL bytes), not a text file' };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'is not valid UTF-8 text' };
  }
  try {
    accessSync(real, constants.W_OK);
    accessSync(dirname(real), constants.W_OK);
  } catch {
    return { ok: false, reason: 'is not writable (or its folder is not)' };
  }
  return { ok: true, path: real, bytes, mode: st.mode & 0o7777, exists: true };
}

/** Paths git lists as unmerged (a merge or rebase stopped on conflicts), relative to the project folder. */
function unmergedPaths(root: string): Set<string> {
  const out = new Set<string>();
  const r = openGit(root)?.sync(['ls-files', '--unmerged', '-z']);
  if (!r || r.status !== 0) return out;
  for (const entry of r.stdout.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab > 0) out.add(entry.slice(tab + 1));
  }
  return out;
}

function wanted(f: Finding, options: FixOptions): boolean {
  if (!f.autofix || !problemFor(f.id)?.fixable) return false;
  if (options.only && options.only.length > 0 && !options.only.map(canonicalId).includes(f.id)) return false;
  return true;
}

const sameEdit = (a: FixEdit, b: FixEdit) => a.file === b.file && a.start === b.start && a.end === b.end && a.replacement === b.replacement;
const overlaps = (a: FixEdit, b: FixEdit) => a.file === b.file && (a.start < b.end && b.start < a.end || (a.start === b.start && (a.start === a.end || b.start === b.end)));

/** Plans the fixes of a diagnosis: which apply, the new bytes of each file, the masked diff. Writes nothing. */
export function planFixes(result: Result, projectDir: string, options: FixOptions = {}): FixPlan {
  const root = realpathSync(projectDir);
  const envFiles = new Set((result.evidence.env?.files ?? []).map((f) => f.display));
  const selected = result.findings.filter((f) => wanted(f, options));
  const fixes: PlannedFix[] = [];
  const accepted: FixEdit[] = [];
  const lines = new Map<string, string[]>();
  const untrack: string[] = [];
  const unmerged = selected.length > 0 ? unmergedPaths(root) : new Set<string>();
  const reads = new Map<string, ReturnType<typeof readForEdit>>();
  const read = (file: string, mayCreate: boolean) => {
    if (!reads.has(file)) reads.set(file, readForEdit(root, file, unmerged, mayCreate));
    return reads.get(file)!;
  };
  const refusals: Refusal[] = [];
  for (const f of selected) {
    const fix = f.autofix!;
    const files = [...new Set([...fix.edits.map((e) => e.file), ...(fix.ensureLines ?? []).map((l) => l.file), ...(fix.untrack ?? [])])];
    const entry: PlannedFix = { id: f.id, at: f.location ? formatLocation(f.location) : '', description: fix.description, safe: fix.safe, status: 'planned', files, ...(fix.note ? { note: fix.note } : {}) };
    fixes.push(entry);
    if (options.safeOnly && !fix.safe) {
      Object.assign(entry, { status: 'skipped', reason: 'not marked safe to apply unattended: run in a terminal, or add --yes' });
      continue;
    }
    const refused: Refusal[] = [];
    for (const e of fix.edits) {
      const r = read(e.file, false);
      if (!r.ok) refused.push({ file: e.file, reason: r.reason });
      else if (sha256(r.bytes) !== e.sha256) {
        refused.push({ file: e.file, reason: 'changed since the diagnosis read it' });
        reads.set(e.file, { ok: false, reason: 'changed since the diagnosis read it' });
      } else if (e.end > r.bytes.length || e.start > e.end) refused.push({ file: e.file, reason: 'does not have the bytes the fix points at' });
    }
    for (const l of fix.ensureLines ?? []) {
      const r = read(l.file, true);
      if (!r.ok) refused.push({ file: l.file, reason: r.reason });
    }
    if ((fix.untrack ?? []).length > 0 && !openGit(root)) refused.push({ file: fix.untrack![0]!, reason: 'cannot be untracked: git is not available' });
    if (refused.length > 0) {
      Object.assign(entry, { status: 'refused', reason: refused.map((r) => `${r.file} ${r.reason}`).join('; ') });
      for (const r of refused) if (!refusals.some((x) => x.file === r.file && x.reason === r.reason)) refusals.push(r);
      continue;
    }
    const fresh = fix.edits.filter((e) => !accepted.some((a) => sameEdit(a, e)));
    const clash = fresh.map((e) => accepted.find((a) => overlaps(a, e))).find((a) => a !== undefined);
    if (clash) {
      const other = fixes.find((x) => x.status === 'planned' && x !== entry && x.files.includes(clash.file));
      Object.assign(entry, { status: 'skipped', reason: `overlaps the fix for ${other ? `${other.id} at ${other.at}` : 'another finding'}: run keydoctor fix again after this one` });
      continue;
    }
    accepted.push(...fresh);
    for (const l of fix.ensureLines ?? []) lines.set(l.file, [...new Set([...(lines.get(l.file) ?? []), l.line])]);
    for (const u of fix.untrack ?? []) if (!untrack.includes(u)) untrack.push(u);
  }
  const changes: FileChange[] = [];
  const touched = [...new Set([...accepted.map((e) => e.file), ...lines.keys()])];
  for (const file of touched) {
    const r = read(file, lines.has(file));
    if (!r.ok) continue;
    const edits = accepted.filter((e) => e.file === file).sort((a, b) => a.start - b.start || a.end - b.end);
    const parts: Buffer[] = [];
    let at = 0;
    for (const e of edits) {
      parts.push(r.bytes.subarray(at, e.start), Buffer.from(e.replacement, 'utf8'));
      at = e.end;
    }
    parts.push(r.bytes.subarray(at));
    let after = Buffer.concat(parts);
    const missing = (lines.get(file) ?? []).filter((line) => !hasIgnoreLine(after.toString('utf8'), line));
    if (missing.length > 0) {
      const text = after.toString('utf8');
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      const sep = text.length > 0 && !text.endsWith('\n') ? eol : '';
      after = Buffer.concat([after, Buffer.from(`${sep}${missing.join(eol)}${eol}`, 'utf8')]);
    }
    if (after.equals(r.bytes)) continue;
    const { diff, masked } = renderDiff(file, r.bytes, after, { envFile: envFiles.has(file), created: !r.exists });
    changes.push({ file, path: r.path, before: r.bytes, after, created: !r.exists, mode: r.mode, diff, masked });
  }
  // A fix whose lines are all there already (the .gitignore line) has nothing left to do but untrack.
  for (const entry of fixes) {
    if (entry.status !== 'planned') continue;
    const f = selected[fixes.indexOf(entry)]!;
    const does = changes.some((c) => entry.files.includes(c.file)) || (f.autofix!.untrack ?? []).length > 0;
    if (!does) Object.assign(entry, { status: 'skipped', reason: 'already done: the file has the change' });
  }
  return { root, fixes, changes, untrack, refusals };
}

/** `.env` is ignored by a `.env` or `/.env` line already. */
function hasIgnoreLine(text: string, line: string): boolean {
  const bare = line.replace(/^\//u, '');
  return text.split(/\r?\n/u).some((l) => l.trim() === line || l.trim() === bare);
}

export interface ApplyOutcome {
  written: string[];
  untracked: string[];
  /** Set when nothing was written because a file changed or became unsafe after the plan was made. */
  refusals: Refusal[];
  /** Failures after writing began (a rename that failed): the files listed in `written` were written. */
  errors: string[];
}

/** Writes a plan: re-checks every file first (nothing is written if any changed), then writes each atomically. */
export function applyPlan(plan: FixPlan): ApplyOutcome {
  const out: ApplyOutcome = { written: [], untracked: [], refusals: [...plan.refusals], errors: [] };
  if (out.refusals.length > 0) return out;
  const unmerged = unmergedPaths(plan.root);
  for (const c of plan.changes) {
    const r = readForEdit(plan.root, c.file, unmerged, c.created);
    if (!r.ok) out.refusals.push({ file: c.file, reason: r.reason });
    else if (r.exists !== !c.created || r.path !== c.path || !r.bytes.equals(c.before)) out.refusals.push({ file: c.file, reason: 'changed since the diagnosis read it' });
  }
  if (out.refusals.length > 0) return out;
  for (const c of plan.changes) {
    try {
      writeAtomically(c.path, c.after, c.mode);
      out.written.push(c.file);
    } catch (error) {
      out.errors.push(`${c.file}: ${(error as NodeJS.ErrnoException).code ?? 'write failed'}`);
    }
  }
  if (plan.untrack.length > 0 && out.errors.length === 0) {
    const git = openGit(plan.root);
    for (const file of plan.untrack) {
      const r = git?.sync(['rm', '--cached', '--quiet', '--', file]);
      if (r?.status === 0) out.untracked.push(file);
      else out.errors.push(`${file}: git rm --cached failed`);
    }
  }
  return out;
}

/** A temporary file in the same folder, then a rename: a reader sees the old bytes or the new ones, never half. */
function writeAtomically(path: string, bytes: Buffer, mode: number): void {
  const temp = join(dirname(path), `.${basename(path)}.keydoctor-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', mode);
  try {
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // The umask may have narrowed the mode the file was created with.
    chmodSync(temp, mode);
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      /* already gone */
    }
    throw error;
  }
}
