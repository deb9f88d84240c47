// `scan --history`: streams `git log -p` once and runs the scan's own key-literal extractor over the lines each commit added.
//
// One `git log --all --reverse -p --unified=0` pass: merges show no diff (their changes are their parents'), so each
// commit's added lines are read once; oldest first, so the first sighting of a key is the commit that introduced it and
// a file that mentions Clarifai early counts as Clarifai code later on. Memory stays bounded: one line, one file's
// added lines of one commit (1 MB at most), and one entry per distinct key and path.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { KeydoctorError } from '../../core/errors.js';
import { gitAvailable, openGit } from '../../sources/safe-git.js';
import { Secret } from '../../core/secret.js';
import type { HistoryEvidence, HistoryKey, SourceLanguage } from '../../types/code-evidence.js';
import { Doc } from '../doc.js';
import { emptyFacts } from '../facts.js';
import { keyLiterals, suppressions } from '../extractors/common.js';
import { fileKind } from '../languages.js';
import { isManifestOnly } from '../manifests/index.js';
import { COMMIT_MARK, DiffParser, LineSplitter, type AddedChunk } from './parse.js';

export interface HistoryProgress {
  commits: number;
  elapsedMs: number;
  done: boolean;
}

export interface GatherHistoryOptions {
  signal?: AbortSignal;
  /** Called at most every 100 ms while reading, and once at the end. */
  onProgress?: (progress: HistoryProgress) => void;
  /** Distinct (key, path) pairs kept; past this the read goes on counting commits but records no new keys. */
  maxKeys?: number;
}

const DEFAULT_MAX_KEYS = 10_000;
const KEY_RUN = /[A-Za-z0-9]{32}/u;
/** What git writes on stderr is kept only to explain a failure. */
const MAX_STDERR = 4096;

const LANGUAGE_OF: Partial<Record<string, SourceLanguage>> = {
  js: 'js', python: 'python', shell: 'shell', markdown: 'markdown', dockerfile: 'dockerfile', compose: 'yaml', actions: 'yaml', yaml: 'yaml',
};

/** Committed dotenv files are where keys leak most; the working-tree scan leaves them to the env sources, history must not. */
const DOTENV = /(?:^|\/)(?:\.env(?:\.[^/]*)?|[^/]*\.env|\.envrc|\.flaskenv)$/iu;

function languageOf(path: string): SourceLanguage {
  if (DOTENV.test(path)) return 'shell';
  const kind = fileKind(path);
  return (kind && LANGUAGE_OF[kind]) ?? 'other';
}

function git(root: string, args: string[]): string | undefined {
  const r = openGit(root)?.sync(args, { timeoutMs: 10_000 });
  return r?.status === 0 ? r.stdout : undefined;
}

/** `.keydoctorignore` files of the working tree, per folder, applied to history paths as the walk applies them. */
export class IgnoreRules {
  readonly #layers = new Map<string, Ignore | null>();
  constructor(private readonly root: string) {}

  #layer(dir: string): Ignore | null {
    let rules = this.#layers.get(dir);
    if (rules !== undefined) return rules;
    rules = null;
    const file = join(this.root, dir, '.keydoctorignore');
    try {
      if (existsSync(file)) {
        rules = ignore();
        for (const line of readFileSync(file, 'utf8').split(/\r?\n/u)) {
          try {
            rules.add(line);
          } catch {
            /* a broken pattern line is dropped, as in the walk */
          }
        }
      }
    } catch {
      rules = null;
    }
    this.#layers.set(dir, rules);
    return rules;
  }

  ignored(path: string): boolean {
    const parts = path.split('/');
    let ignored = false;
    for (let depth = 0; depth < parts.length; depth++) {
      const dir = parts.slice(0, depth).join('/');
      const rules = this.#layer(dir);
      if (!rules) continue;
      try {
        const r = rules.test(parts.slice(depth).join('/'));
        if (r.ignored) ignored = true;
        else if (r.unignored) ignored = false;
      } catch {
        /* a path the ignore library cannot test is kept */
      }
    }
    return ignored;
  }
}

/** Whether a `keydoctor-ignore` in the same added lines covers this line for the history check. */
function suppressed(list: { line: number; ids: string[] }[], line: number): boolean {
  return list.some(
    (s) => (s.line === line || s.line === line - 1) && (s.ids.length === 0 || s.ids.some((id) => id === 'exposure' || id === 'exposure/key-in-history' || id === 'exposure/hardcoded-key')),
  );
}

/** Reads the git history of the repository `root` is in (only paths under `root`) for keys on added lines. */
export async function gatherHistory(root: string, options: GatherHistoryOptions = {}): Promise<HistoryEvidence> {
  const inside = git(root, ['rev-parse', '--is-inside-work-tree']);
  if (inside === undefined) {
    const hasGit = gitAvailable(root);
    throw new KeydoctorError('KD_ERR_USAGE', hasGit ? `--history reads git history, but ${root} is not in a git repository.` : '--history needs git, and git was not found on PATH.');
  }
  const shallow = git(root, ['rev-parse', '--is-shallow-repository'])?.trim() === 'true';
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
  const rules = new IgnoreRules(root);
  const clarifaiPaths = new Set<string>();
  /** Commits that touch Clarifai code anywhere: a key-named value they add elsewhere (a config file) is Clarifai's too. */
  const clarifaiCommits = new Set<string>();
  const keys = new Map<string, HistoryKey>();
  let commits = 0;
  let incomplete: string | undefined;
  const started = Date.now();
  let lastProgress = 0;
  const progress = (done: boolean) => {
    const now = Date.now();
    if (!options.onProgress || (!done && now - lastProgress < 100)) return;
    lastProgress = now;
    options.onProgress({ commits, elapsedMs: now - started, done });
  };

  const onChunk = (chunk: AddedChunk) => {
    const { path } = chunk;
    if (isManifestOnly(path) || /\.min\.[cm]?js$/iu.test(path) || rules.ignored(path)) return;
    const text = chunk.lines.join('\n');
    if (text.includes('\u0000')) return;
    if (/clarifai/iu.test(text)) {
      clarifaiPaths.add(path);
      clarifaiCommits.add(chunk.commit);
    }
    // exposure/key-in-history reports only key-shaped values (32 letters and digits): nothing else is worth a Doc.
    if (!KEY_RUN.test(text)) return;
    const label = `[commit ${chunk.commit}, ${chunk.date}]`;
    const facts = emptyFacts();
    const doc = new Doc(path, text, languageOf(path), facts, clarifaiPaths.has(path), (line, column) => ({ line: chunk.numbers[line - 1] ?? line, column, label }));
    keyLiterals(doc);
    if (facts.keyLiterals.length === 0) return;
    if (text.includes('keydoctor-ignore')) suppressions(doc);
    for (const k of facts.keyLiterals) {
      if (suppressed(facts.suppressions, k.line)) continue;
      // The value never sits in a map key in the clear: a hash names the (key, path) pair.
      const id = createHash('sha256').update(k.value).update('\u0000').update(path).digest('hex');
      const seen = keys.get(id);
      if (seen) {
        seen.commits++;
        continue;
      }
      if (keys.size >= maxKeys) {
        incomplete ??= `more than ${maxKeys.toLocaleString('en-US')} key-shaped values in history; the rest were not recorded`;
        continue;
      }
      keys.set(id, { ...k, value: new Secret(k.value), commit: chunk.commit, date: chunk.date, commits: 1 });
    }
  };
  const parser = new DiffParser(onChunk, () => {
    commits++;
    progress(false);
  });
  const splitter = new LineSplitter((line) => parser.line(line));

  const args = [
    // git's delta-base cache (96 MB by default) dominates the memory of a long `log -p`; 32 MB read as fast here.
    '-c', 'core.quotePath=false', '-c', 'core.deltaBaseCacheLimit=32m', 'log', '--all', '--reverse', '-p', '--unified=0',
    '--no-color', '--no-ext-diff', '--no-textconv', '--no-mailmap', '--diff-filter=d', '--relative', '--src-prefix=a/',
    '--dst-prefix=b/', '--date=short', `--format=${COMMIT_MARK}%h %ad`,
  ];
  await new Promise<void>((resolve, reject) => {
    const child = openGit(root)?.spawn(args);
    if (!child) {
      reject(new KeydoctorError('KD_ERR_USAGE', '--history needs git, and git was not found on PATH.'));
      return;
    }
    child.stdin.end();
    let stderr = '';
    const abort = () => child.kill('SIGTERM');
    options.signal?.addEventListener('abort', abort, { once: true });
    child.stdout.on('data', (data: Buffer) => {
      try {
        splitter.push(data);
      } catch (error) {
        child.kill('SIGTERM');
        reject(error);
      }
    });
    child.stderr.on('data', (data: Buffer) => {
      if (stderr.length < MAX_STDERR) stderr += data.toString('utf8').slice(0, MAX_STDERR - stderr.length);
    });
    child.on('error', (error) => {
      options.signal?.removeEventListener('abort', abort);
      reject(new KeydoctorError('KD_ERR_INTERNAL', `could not run git log: ${error.message}`));
    });
    child.on('close', (code) => {
      options.signal?.removeEventListener('abort', abort);
      if (options.signal?.aborted) {
        reject(options.signal.reason);
        return;
      }
      splitter.end();
      parser.end();
      if (code !== 0) incomplete ??= `git log stopped (exit ${code})${stderr.trim() ? `: ${stderr.trim().split('\n')[0]}` : ''}`;
      resolve();
    });
  });
  progress(true);
  for (const k of keys.values()) if (!k.clarifaiContext && clarifaiCommits.has(k.commit)) k.clarifaiContext = true;
  const list = [...keys.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line);
  return { commitsRead: commits, keys: list, shallow, ...(incomplete ? { incomplete } : {}) };
}

/** A progress line on a terminal (`reading git history: 1,234 commits`), drawn only once the read takes a moment. */
export function historyProgressLine(write: (text: string) => void): (p: HistoryProgress) => void {
  let drawn = false;
  return (p) => {
    if (p.done) {
      if (drawn) write('\r\u001b[K');
    } else if (p.elapsedMs >= 300) {
      write(`\r\u001b[Kreading git history: ${p.commits.toLocaleString('en-US')} commits`);
      drawn = true;
    }
  };
}

/** The report's note on what `--history` read. */
export function historyNote(h: HistoryEvidence): string {
  return (
    `Read ${h.commitsRead.toLocaleString('en-US')} commit${h.commitsRead === 1 ? '' : 's'} of git history` +
    (h.shallow ? ' (a shallow clone: older commits were not read; run git fetch --unshallow to read them)' : '') +
    (h.incomplete ? `; ${h.incomplete}` : '') +
    '.'
  );
}
