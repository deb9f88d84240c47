// GitHub Actions: for each step that runs the app or its tests, the environment it gets from `env:` at workflow, job and step level (step wins), and which `${{ secrets.X }}` fills each variable.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Secret } from '../../core/secret.js';
import type { EntryPoint, EntryValue } from '../../types/evidence.js';
import { readTextFile } from '../read-text-file.js';
import { loadYaml } from './compose.js';

/** Steps that start the app or its tests (not installs, linters or builds). */
const RUNS_APP =
  /(?:^|[\s;&|(])(?:python3?\s+(?!-m\s+pip\b)(?:-m\s+[\w.]+|[\w./-]+\.py)|pytest\b|py\.test\b|node\s+[\w./-]+|npx\s+(?:jest|vitest|mocha|ts-node|tsx)\b|(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?(?:start|test|dev|e2e|predict[\w:-]*)\b|jupyter\s+(?:nbconvert\b[^\n]*--execute|execute)\b|papermill\b|streamlit\s+run\b|docker\s+compose\s+(?:up|run)\b)/u;

const INSTALL = /^\s*(?:sudo\s+)?(?:pip3?|python3?\s+-m\s+pip|uv\s+pip|poetry\s+(?:install|add)|(?:npm|pnpm|yarn|bun)\s+(?:ci|i|install|add)|apt(?:-get)?|brew|conda)\b/u;

/** Variables worth showing for a step: the ones asked for and anything that looks like a Clarifai credential. */
function interesting(name: string, names: readonly string[]): boolean {
  return names.includes(name) || /CLARIFAI|(?:^|_)(?:PAT|API_KEY|APP_KEY|TOKEN)$/u.test(name);
}

function scalar(node: unknown): string | undefined {
  const { isScalar } = loadYaml();
  return isScalar(node) && node.value !== null ? String(node.value) : undefined;
}

interface EnvEntry {
  raw: string;
  line: number;
  level: 'workflow' | 'job' | 'step';
}

function envMap(node: unknown, level: EnvEntry['level'], lines: (o: number) => number): Map<string, EnvEntry> {
  const { isMap, isScalar } = loadYaml();
  const out = new Map<string, EnvEntry>();
  if (!isMap(node)) return out;
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    const raw = scalar(pair.value) ?? '';
    const range = (pair.key as { range?: [number, number, number] }).range;
    out.set(String(pair.key.value), { raw, line: range ? lines(range[0]) : 0, level });
  }
  return out;
}

/** The step entry points of every workflow in `.github/workflows/`. */
export function workflowEntryPoints(projectDir: string, names: readonly string[]): EntryPoint[] {
  const dir = join(projectDir, '.github', 'workflows');
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /\.ya?ml$/u.test(f)).sort();
  } catch {
    return [];
  }
  const out: EntryPoint[] = [];
  for (const f of files.slice(0, 50)) {
    const read = readTextFile(join(dir, f), 1024 * 1024);
    if (!read.ok) continue;
    const { parseDocument, LineCounter, isMap, isSeq } = loadYaml();
    const counter = new LineCounter();
    const doc = parseDocument(read.bytes.toString('utf8'), { lineCounter: counter, uniqueKeys: false });
    if (doc.errors.length > 0 || !isMap(doc.contents)) continue;
    const lines = (o: number) => counter.linePos(o).line;
    const file = `.github/workflows/${f}`;
    const workflowEnv = envMap(doc.contents.get('env', true), 'workflow', lines);
    const jobs = doc.contents.get('jobs', true);
    if (!isMap(jobs)) continue;
    for (const jobPair of jobs.items) {
      const job = scalar(jobPair.key) ?? '?';
      if (!isMap(jobPair.value)) continue;
      const jobEnv = envMap(jobPair.value.get('env', true), 'job', lines);
      const steps = jobPair.value.get('steps', true);
      if (!isSeq(steps)) continue;
      for (const step of steps.items) {
        if (!isMap(step)) continue;
        const run = scalar(step.get('run', true));
        // Installs name test runners too (`pip install pytest`): only the lines that run something count.
        if (run === undefined || !run.split('\n').some((l) => !INSTALL.test(l) && RUNS_APP.test(l))) continue;
        const stepEnv = envMap(step.get('env', true), 'step', lines);
        const merged = new Map([...workflowEnv, ...jobEnv, ...stepEnv]);
        const label = scalar(step.get('name', true)) ?? run.split('\n')[0]!.trim().slice(0, 60);
        const stepLine = lines((step as { range?: [number, number, number] }).range?.[0] ?? 0);
        const values: EntryValue[] = [];
        const wanted = new Set([...names, ...[...merged.keys()].filter((n) => interesting(n, names))]);
        for (const n of wanted) {
          const e = merged.get(n);
          if (!e) {
            values.push({ name: n, at: { file, line: stepLine }, from: 'unset', why: `no env: of the workflow, the ${job} job or this step sets it` });
            continue;
          }
          const secret = /^\$\{\{\s*(secrets|vars)\.([A-Za-z_][\w-]*)\s*\}\}$/u.exec(e.raw.trim());
          const why = `env: at ${e.level} level sets it (${file}:${e.line})${e.level !== 'step' ? '; a step-level env: would override it' : ''}`;
          if (secret) values.push({ name: n, at: { file, line: e.line }, from: 'secret', secret: `${secret[1]}.${secret[2]}`, why });
          else if (/\$\{\{/u.test(e.raw)) values.push({ name: n, at: { file, line: e.line }, from: 'secret', secret: e.raw.trim().slice(0, 80), why: `${why}, from an expression GitHub evaluates` });
          else values.push({ name: n, value: new Secret(e.raw), at: { file, line: e.line }, from: 'literal', why });
        }
        out.push({
          name: `${file} job ${job}, step "${label.replace(/\p{Cc}/gu, ' ')}"`,
          runtime: 'ci',
          cwd: '.',
          chain: [{ loader: 'github-actions', label: `env: of the workflow, job ${job} and the step`, at: { file, line: stepLine }, reads: [], override: true, setsEnvironment: true, rules: 'actions' }],
          values,
        });
        if (out.length >= 30) return out;
      }
    }
  }
  return out;
}
