// Docker compose: what each service's container sees — `environment:` (list and map forms) interpolated from the shell and the project `.env`, then `env_file:`, then the image's ENV.
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { symlinkLeaves } from '../inside.js';
import { parse as parseDotenv } from 'dotenv';
import { Secret } from '../../core/secret.js';
import type { EntryPoint, EntryValue, LoaderRun } from '../../types/evidence.js';
import { readTextFile } from '../read-text-file.js';
import { imageValues } from './docker.js';
import type { Reader } from './node.js';

type Yaml = typeof import('yaml');
let yaml: Yaml | undefined;
/** The YAML parser is loaded only when a compose file or a workflow exists (start-up speed matters). */
export function loadYaml(): Yaml {
  yaml ??= createRequire(import.meta.url)('yaml') as Yaml;
  return yaml;
}

export const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

function readSmall(path: string): string | undefined {
  const r = readTextFile(path, 1024 * 1024);
  return r.ok ? r.bytes.toString('utf8') : undefined;
}

/** One `${…}` reference met while interpolating, with where its value came from. */
export interface Interpolated {
  name: string;
  from: 'shell' | 'project .env' | 'default' | 'unset';
}

export interface Interpolation {
  value: string;
  refs: Interpolated[];
  /** `${VAR?message}` / `${VAR:?message}` with VAR unset (or empty for `:?`): compose refuses to start. */
  required?: { name: string; message: string };
}

/**
 * Compose's interpolation (compose-spec "Interpolation"): `$$` is a `$`; `${VAR}` and `$VAR`; `${VAR:-d}` (unset or
 * empty) and `${VAR-d}` (unset) give a default; `${VAR:?e}` / `${VAR?e}` stop with an error; `${VAR:+r}` / `${VAR+r}`
 * replace a set value. An unset VAR without a default becomes a blank string (compose warns, and starts anyway).
 */
export function interpolate(text: string, lookup: (name: string) => { value: string; from: Interpolated['from'] } | undefined): Interpolation {
  const refs: Interpolated[] = [];
  let required: Interpolation['required'];
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '$') {
      out += c;
      continue;
    }
    if (text[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    const bare = /^[A-Za-z_]\w*/u.exec(text.slice(i + 1));
    if (bare) {
      const got = lookup(bare[0]);
      refs.push({ name: bare[0], from: got?.from ?? 'unset' });
      out += got?.value ?? '';
      i += bare[0].length;
      continue;
    }
    if (text[i + 1] !== '{') {
      out += c;
      continue;
    }
    // The matching brace: defaults may hold `${…}` of their own.
    let depth = 0;
    let end = -1;
    for (let j = i + 1; j < text.length; j++) {
      if (text[j] === '{') depth++;
      else if (text[j] === '}' && --depth === 0) {
        end = j;
        break;
      }
    }
    if (end === -1) {
      out += text.slice(i);
      break;
    }
    const inner = text.slice(i + 2, end);
    i = end;
    const m = /^([A-Za-z_]\w*)(?:(:?)([-?+])([\s\S]*))?$/u.exec(inner);
    if (!m) continue;
    const [, name, colon, op, rest = ''] = m as unknown as [string, string, string | undefined, string | undefined, string | undefined];
    const got = lookup(name);
    const isSet = got !== undefined && (colon !== ':' || got.value !== '');
    if (op === '-') {
      if (isSet) {
        refs.push({ name, from: got.from });
        out += got.value;
      } else {
        const d = interpolate(rest, lookup);
        refs.push({ name, from: 'default' }, ...d.refs);
        out += d.value;
      }
    } else if (op === '?') {
      if (isSet) {
        refs.push({ name, from: got.from });
        out += got.value;
      } else {
        refs.push({ name, from: 'unset' });
        required ??= { name, message: rest };
      }
    } else if (op === '+') {
      refs.push({ name, from: got?.from ?? 'unset' });
      if (isSet) out += interpolate(rest, lookup).value;
    } else {
      refs.push({ name, from: got?.from ?? 'unset' });
      out += got?.value ?? '';
    }
  }
  return { value: out, refs, ...(required ? { required } : {}) };
}

interface Located<T> {
  value: T;
  line: number;
}

/** The YAML node at `key` of a map node, with its line. */
function entries(node: unknown, lines: (offset: number) => number): Map<string, Located<unknown>> {
  const { isMap, isScalar } = loadYaml();
  const out = new Map<string, Located<unknown>>();
  if (!isMap(node)) return out;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined) continue;
    const range = (pair.key as { range?: [number, number, number] }).range;
    out.set(key, { value: pair.value, line: range ? lines(range[0]) : 0 });
  }
  return out;
}

function scalarText(node: unknown): string | undefined | null {
  const { isScalar } = loadYaml();
  if (node === null || node === undefined) return null;
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return v === null ? null : String(v);
}

function lineOf(node: unknown, lines: (offset: number) => number): number {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? lines(range[0]) : 0;
}

/** `environment:` in either form: name → the raw (uninterpolated) value, or null for a pass-through name. */
function environmentOf(node: unknown, lines: (offset: number) => number): Map<string, Located<string | null>> {
  const { isSeq } = loadYaml();
  const out = new Map<string, Located<string | null>>();
  if (isSeq(node)) {
    for (const item of node.items) {
      const text = scalarText(item);
      if (typeof text !== 'string') continue;
      const eq = text.indexOf('=');
      out.set(eq === -1 ? text.trim() : text.slice(0, eq).trim(), { value: eq === -1 ? null : text.slice(eq + 1), line: lineOf(item, lines) });
    }
    return out;
  }
  for (const [k, v] of entries(node, lines)) {
    const text = scalarText(v.value);
    if (text !== undefined) out.set(k, { value: text, line: v.line });
  }
  return out;
}

/** `env_file:` as a string, a list of strings, or a list of `{ path, required }`. */
function envFilesOf(node: unknown): { path: string; required: boolean }[] {
  const { isSeq, isMap } = loadYaml();
  const one = scalarText(node);
  if (typeof one === 'string') return [{ path: one, required: true }];
  if (!isSeq(node)) return [];
  const out: { path: string; required: boolean }[] = [];
  for (const item of node.items) {
    const text = scalarText(item);
    if (typeof text === 'string') out.push({ path: text, required: true });
    else if (isMap(item)) {
      const path = scalarText(item.get('path', true));
      if (typeof path === 'string') out.push({ path, required: scalarText(item.get('required', true)) !== 'false' });
    }
  }
  return out;
}

/** The build context and Dockerfile of a service (`build: ./api` or `build: { context, dockerfile }`). */
function buildOf(node: unknown): { context: string; dockerfile: string } | undefined {
  const { isMap } = loadYaml();
  const text = scalarText(node);
  if (typeof text === 'string') return { context: text, dockerfile: 'Dockerfile' };
  if (!isMap(node)) return undefined;
  const context = scalarText(node.get('context', true));
  const dockerfile = scalarText(node.get('dockerfile', true));
  return { context: typeof context === 'string' ? context : '.', dockerfile: typeof dockerfile === 'string' ? dockerfile : 'Dockerfile' };
}

/** The compose file is untrusted: a path it names outside the project folder (or a symlink out of it) is never read. */
export function insideProject(projectDir: string, path: string): boolean {
  const rel = relative(projectDir, path);
  return !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) && !symlinkLeaves(path, projectDir);
}

function display(projectDir: string, path: string): string {
  return relative(projectDir, path).split(sep).join('/') || '.';
}

/**
 * One entry point per compose service. `names` are the variables worth reporting (the credentials the code reads);
 * `shell` is the environment compose would run in. Files read are recorded as loader runs; the values as `values`;
 * the Dockerfiles services build are added to `built`.
 */
export function composeEntryPoints(projectDir: string, names: readonly string[], shell: Record<string, string>, read: Reader, built: Set<string> = new Set()): EntryPoint[] {
  const out: EntryPoint[] = [];
  for (const name of COMPOSE_FILES) {
    const path = join(projectDir, name);
    const text = readSmall(path);
    if (text === undefined) continue;
    const { parseDocument, LineCounter } = loadYaml();
    const counter = new LineCounter();
    let doc;
    try {
      doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
    } catch {
      continue;
    }
    if (doc.errors.length > 0) continue;
    const lines = (offset: number) => counter.linePos(offset).line;
    // The project .env beside the compose file: for interpolation only (compose never hands it to a container by itself).
    const projectEnvPath = join(dirname(path), '.env');
    const projectEnvText = readSmall(projectEnvPath);
    const projectEnv = projectEnvText !== undefined ? parseDotenv(projectEnvText) : {};
    const projectEnvLines = projectEnvText?.split(/\r?\n/u) ?? [];
    const lookup = (n: string) =>
      Object.hasOwn(shell, n) ? { value: shell[n]!, from: 'shell' as const } : Object.hasOwn(projectEnv, n) ? { value: projectEnv[n]!, from: 'project .env' as const } : undefined;
    const envLine = (n: string) => {
      const i = projectEnvLines.findIndex((l) => new RegExp(`^\\s*(?:export\\s+)?${n}\\s*[=:]`, 'u').test(l));
      return i === -1 ? undefined : i + 1;
    };
    const services = entries(doc.get('services', true), lines);
    for (const [service, s] of services) {
      const fields = entries(s.value, lines);
      // A service that neither builds the project's code nor is given one of its credentials (postgres, redis) is not the app.
      const range = (s.value as { range?: [number, number, number] } | null)?.range;
      const body = range ? text.slice(range[0], range[2]) : '';
      const mentions = names.some((n) => new RegExp(`\\b${n}\\b`, 'u').test(body));
      if (!fields.has('build') && !mentions && !fields.has('env_file')) continue;
      const chain: LoaderRun[] = [];
      const files = envFilesOf(fields.get('env_file')?.value);
      const fileValues = new Map<string, { value: string; file: string; line: number }>();
      if (files.length > 0) {
        const run: LoaderRun = {
          loader: 'compose env_file',
          label: `env_file (service ${service})`,
          at: { file: name, line: fields.get('env_file')!.line },
          reads: [],
          // A later env_file overrides an earlier one; `environment:` beats them all.
          override: false,
          setsEnvironment: true,
          rules: 'compose',
        };
        for (const f of files) {
          const abs = join(dirname(path), interpolate(f.path, lookup).value);
          if (!insideProject(projectDir, abs)) {
            run.reads.push({ path: abs, display: display(projectDir, abs).replace(/\p{Cc}/gu, '?'), exists: false, why: 'outside the project folder: keydoctor does not read it' });
            continue;
          }
          const r = read(abs, `compose passes it to the ${service} container (env_file${f.required ? '' : ', required: false'})`);
          run.reads.push(r);
          const body = r.exists ? readSmall(abs) : undefined;
          if (body === undefined) continue;
          const parsed = parseDotenv(body);
          const bodyLines = body.split(/\r?\n/u);
          for (const [k, v] of Object.entries(parsed)) {
            const i = bodyLines.findIndex((l) => new RegExp(`^\\s*(?:export\\s+)?${k}\\s*[=:]`, 'u').test(l));
            fileValues.set(k, { value: v, file: display(projectDir, abs), line: i + 1 });
          }
        }
        chain.push(run);
      }
      const environment = environmentOf(fields.get('environment')?.value, lines);
      // `${…}` anywhere, or an environment: name with no value (passed through from the shell or the project .env).
      const usesInterpolation = /\$\{?[A-Za-z_]/u.test(text) || [...environment.values()].some((e) => e.value === null);
      if (usesInterpolation && projectEnvText !== undefined) {
        chain.unshift({
          loader: 'compose',
          label: `${name} \${…} interpolation`,
          at: { file: name },
          reads: [read(projectEnvPath, `compose reads the .env beside ${name} to fill in \${…}; it does not pass it to the container`)],
          override: false,
          setsEnvironment: false,
          rules: 'compose',
        });
      }
      const build = buildOf(fields.get('build')?.value);
      const dockerfile = build ? join(dirname(path), build.context, build.dockerfile) : undefined;
      if (dockerfile) built.add(dockerfile);
      const image = dockerfile && insideProject(projectDir, dockerfile) ? imageValues(dockerfile, projectDir) : undefined;
      const values: EntryValue[] = [];
      for (const n of names) {
        const e = environment.get(n);
        if (e && e.value !== null) {
          const r = interpolate(e.value, lookup);
          const interpolated = r.refs.map((ref) => ({ ...ref, ...(ref.from === 'project .env' ? { file: display(projectDir, projectEnvPath), ...(envLine(ref.name) ? { line: envLine(ref.name)! } : {}) } : {}) }));
          const blank = r.refs.some((ref) => ref.from === 'unset') && !r.required;
          values.push({
            name: n,
            ...(r.required ? {} : { value: new Secret(r.value) }),
            at: { file: name, line: e.line },
            from: r.refs.length > 0 ? 'interpolated' : 'literal',
            why: `environment: in ${name} sets it for the ${service} service${r.refs.length ? ` (${interpolated.map((x) => `\${${x.name}} ${x.from === 'unset' ? 'is set neither in the shell nor in the project .env' : x.from === 'default' ? 'takes its default' : `comes from the ${x.from}`}`).join(', ')})` : ''}, and environment: beats env_file and the image's ENV`,
            ...(r.required ? { problem: 'required' as const } : blank ? { problem: 'blank' as const } : {}),
            ...(interpolated.length ? { interpolated } : {}),
          });
          continue;
        }
        if (e) {
          // `- CLARIFAI_PAT` with no value: passed through from where compose runs (the shell, or the project .env).
          const got = lookup(n);
          if (got) {
            values.push({
              name: n,
              value: new Secret(got.value),
              at: got.from === 'shell' ? { file: name, line: e.line } : { file: display(projectDir, projectEnvPath), ...(envLine(n) ? { line: envLine(n)! } : {}) },
              from: 'interpolated',
              why: `environment: in ${name} passes ${n} through from the ${got.from} (${name}:${e.line})`,
              interpolated: [{ name: n, from: got.from }],
            });
            continue;
          }
        }
        const f = fileValues.get(n);
        if (f) {
          values.push({ name: n, value: new Secret(f.value), at: { file: f.file, line: f.line }, from: 'env-file', why: `env_file ${f.file} sets it for the ${service} service${environment.has(n) ? '' : ' (no environment: entry overrides it)'}` });
          continue;
        }
        const img = image?.get(n);
        if (img) {
          values.push({
            name: n,
            ...(img.value !== undefined ? { value: new Secret(img.value) } : {}),
            at: { file: img.file, line: img.line },
            from: img.kind === 'arg' ? 'arg-only' : 'image',
            ...(img.fromArg ? { fromArg: img.fromArg } : {}),
            why: img.kind === 'arg' ? `only a build ARG in ${img.file}:${img.line}: build arguments are gone when the container runs` : `the image's ENV (${img.file}:${img.line}), which nothing in ${name} overrides`,
          });
          continue;
        }
        values.push({ name: n, at: { file: name, line: s.line }, from: 'unset', why: `neither environment: nor env_file${image ? ' nor the image' : ''} of the ${service} service sets it${e ? ` (environment: passes it through from the shell, where it is not set)` : ''}` });
      }
      out.push({ name: `docker compose up (service ${service})`, runtime: 'container', cwd: display(projectDir, dirname(path)), chain, values });
    }
    // Compose reads only the first of these names it finds.
    break;
  }
  return out;
}
