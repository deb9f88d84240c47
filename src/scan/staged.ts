// `scan --staged`: scans what the next commit would contain — each blob added or changed in the git index — with the scan's own per-file rules.
//
// The working tree is not what gets committed (`git add -p`, an edit after `git add`), so the blobs come from the index:
// `git diff --cached --raw` names them with their object ids, and one `git cat-file --batch` streams their bytes. Both go
// through the project's git runner (src/sources/safe-git.ts), which switches off every repository-controlled program.
// Unlike the tree walk, `.gitignore` does not apply (a staged file is committed whatever it says) and staged dotenv files
// are read for keys (the history scan does the same): a staged `.env` is how keys leak. `.keydoctorignore` applies.
import type { CodeEvidence } from '../types/code-evidence.js';
import { KeydoctorError } from '../core/errors.js';
import { gitSpawn, gitSync } from '../sources/safe-git.js';
import { IgnoreRules } from './history/index.js';
import { codeEvidenceFromResults } from './index.js';
import { fileKind, type FileKind } from './languages.js';
import { DEFAULT_MAX_FILE_BYTES, scanBlob, type FileResult } from './scan-file.js';

export interface StagedEntry {
  /** Path relative to the scanned folder, `/`-separated. */
  path: string;
  /** The blob's object id in the index. */
  blob: string;
}

export interface GatherStagedOptions {
  maxFileBytes?: number;
  signal?: AbortSignal;
}

/** Blobs bigger than this are not even held in memory: no notebook or lockfile anyone reviews is that big. */
const HOLD_LIMIT = 64 * 1024 * 1024;
const DOTENV = /^(?:\.env(?:\..*)?|.*\.env|\.envrc|\.flaskenv)$/iu;
const OBJECT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/u;

function kindOf(path: string): FileKind | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return DOTENV.test(name) ? 'shell' : fileKind(path);
}

/** Files added, modified or changed in type in the index under `root`, with their blob ids (symlinks and submodules left out). */
export function stagedEntries(root: string): StagedEntry[] {
  const inside = gitSync(root, ['rev-parse', '--is-inside-work-tree']);
  if (inside === undefined) throw new KeydoctorError('KD_ERR_USAGE', '--staged needs git, and no git program was found.');
  if (inside.status !== 0 || inside.stdout.trim() !== 'true') throw new KeydoctorError('KD_ERR_USAGE', '--staged reads the git index, but the folder is not inside a git work tree.');
  // --relative: only paths under the scanned folder, relative to it. --no-renames: a rename is an added file here.
  const diff = gitSync(root, ['diff', '--cached', '--raw', '-z', '--no-abbrev', '--no-renames', '--no-ext-diff', '--no-textconv', '--diff-filter=AMT', '--relative'], { timeoutMs: 30_000 });
  if (!diff || diff.status !== 0) throw new KeydoctorError('KD_ERR_INTERNAL', 'git could not list the staged files (git diff --cached failed).');
  const fields = diff.stdout.split('\0');
  const entries: StagedEntry[] = [];
  // -z --raw: ":<old mode> <new mode> <old id> <new id> <status>" NUL "<path>" NUL, repeated.
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [, newMode, , blob] = fields[i]!.slice(1).split(' ');
    const path = fields[i + 1]!;
    // 120000 is a symlink (its blob is the target's name), 160000 a submodule commit; only regular files are content.
    if (!blob || !OBJECT_ID.test(blob) || /^0+$/u.test(blob) || (newMode !== '100644' && newMode !== '100755')) continue;
    entries.push({ path, blob });
  }
  return entries;
}

/** Streams the blobs' bytes from one `git cat-file --batch` and hands each complete blob to `onBlob`, in order. */
function readBlobs(root: string, entries: readonly StagedEntry[], onBlob: (entry: StagedEntry, data: Buffer | { skipped: string }) => void, signal?: AbortSignal): Promise<void> {
  if (entries.length === 0) return Promise.resolve();
  const child = gitSpawn(root, ['cat-file', '--batch']);
  if (!child) return Promise.reject(new KeydoctorError('KD_ERR_USAGE', '--staged needs git, and no git program was found.'));
  return new Promise<void>((resolvePromise, reject) => {
    let next = 0;
    let header: Buffer[] = [];
    let body: Buffer[] | undefined;
    let need = 0; // bytes of the current blob still to come, then its trailing newline
    let held = 0;
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      child.kill();
      reject(error);
    };
    const onAbort = () => fail(signal!.reason instanceof Error ? signal!.reason : new Error('aborted'));
    signal?.addEventListener('abort', onAbort, { once: true });
    const finishBlob = () => {
      const entry = entries[next++]!;
      onBlob(entry, body ? Buffer.concat(body, held) : { skipped: `larger than ${HOLD_LIMIT / 1024 / 1024} MB` });
    };
    child.stdout.on('data', (chunk: Buffer) => {
      let at = 0;
      try {
        while (at < chunk.length && !failed) {
          if (need > 0) {
            const take = Math.min(need, chunk.length - at);
            // need counts the blob and its trailing newline; the newline is not content.
            const content = Math.min(take, need - 1);
            if (body && content > 0) {
              body.push(chunk.subarray(at, at + content));
              held += content;
            }
            need -= take;
            at += take;
            if (need === 0) finishBlob();
            continue;
          }
          const nl = chunk.indexOf(10, at);
          if (nl === -1) {
            header.push(chunk.subarray(at));
            break;
          }
          header.push(chunk.subarray(at, nl));
          at = nl + 1;
          const line = Buffer.concat(header).toString('utf8');
          header = [];
          const m = /^([0-9a-f]+) (\S+) (\d+)$/u.exec(line);
          if (!m) {
            // "<id> missing": the index names a blob the object store lacks (a broken or partial clone): say so.
            onBlob(entries[next++]!, { skipped: 'its staged content is missing from the git object store' });
            continue;
          }
          const size = Number(m[3]);
          body = size <= HOLD_LIMIT ? [] : undefined;
          held = 0;
          need = size + 1;
        }
      } catch (error) {
        fail(error as Error);
      }
    });
    child.stderr.resume();
    child.on('error', (error) => fail(new KeydoctorError('KD_ERR_INTERNAL', `git cat-file could not run: ${error.message}`)));
    child.on('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (failed) return;
      // Every blob asked for must have come back: a short read would be a silent "all clear" for the rest.
      if (code !== 0 || next !== entries.length) fail(new KeydoctorError('KD_ERR_INTERNAL', `git cat-file stopped after ${next} of ${entries.length} staged files (exit ${code}).`));
      else resolvePromise();
    });
    child.stdin.on('error', () => {
      /* git closed its input early; the close handler reports the short read */
    });
    child.stdin.end(entries.map((e) => `${e.blob}\n`).join(''));
  });
}

/** The CodeEvidence of the staged files under `root`, as `gatherCodeEvidence` gives it for the working tree. */
export async function gatherStagedEvidence(root: string, options: GatherStagedOptions = {}): Promise<CodeEvidence> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const rules = new IgnoreRules(root);
  const entries = stagedEntries(root).filter((e) => kindOf(e.path) !== undefined && !rules.ignored(e.path));
  const pending: { rel: string; result: Promise<FileResult> }[] = [];
  await readBlobs(
    root,
    entries,
    (entry, data) => {
      // Scanning may wait for a grammar to load; the blobs keep streaming meanwhile, results keep their order.
      const result = Buffer.isBuffer(data) ? scanBlob(entry.path, kindOf(entry.path)!, data, maxFileBytes) : Promise.resolve({ bytes: 0, skipped: data.skipped });
      pending.push({ rel: entry.path, result });
    },
    options.signal,
  );
  const results = await Promise.all(pending.map(async ({ rel, result }) => ({ rel, result: await result })));
  return codeEvidenceFromResults(root, results);
}
