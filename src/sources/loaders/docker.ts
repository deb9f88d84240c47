// A Dockerfile's ENV and ARG: what the image's containers see at run time (ENV of the final stage), what exists only while building (ARG), and where each is written.
import { relative, sep } from 'node:path';
import { readTextFile } from '../read-text-file.js';

export interface ImageVariable {
  /** `env`: set for every container of the image; `arg`: a build argument only, gone at run time. */
  kind: 'env' | 'arg';
  /** The value written (after `$ARG` substitution); absent for an `ARG NAME` with no default. */
  value?: string;
  file: string;
  line: number;
  /** `ENV NAME=$NAME` from a build ARG: whatever `--build-arg` passes is stored in the image. */
  fromArg?: string;
}

interface Instruction {
  keyword: string;
  rest: string;
  line: number;
}

/** Instructions with their `\` continuations joined, comments dropped. */
function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split(/\r?\n/u);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i]!;
    if (/^\s*#/u.test(line) || line.trim() === '') continue;
    while (/\\\s*$/u.test(line) && i + 1 < lines.length) line = line.replace(/\\\s*$/u, ' ') + lines[++i]!.trim();
    const m = /^\s*([A-Za-z]+)\s+([\s\S]*)$/u.exec(line);
    if (m) out.push({ keyword: m[1]!.toUpperCase(), rest: m[2]!.trim(), line: start + 1 });
  }
  return out;
}

function unquote(v: string): string {
  const m = /^(['"])([\s\S]*)\1$/u.exec(v);
  return m ? (m[1] === '"' ? m[2]!.replace(/\\(.)/gu, '$1') : m[2]!) : v.replace(/\\(.)/gu, '$1');
}

/** `A=1 B="two words"` → pairs; legacy `ENV A value with spaces` → one pair. */
function pairs(rest: string): [string, string][] {
  if (!/^[A-Za-z_]\w*=/u.test(rest)) {
    const m = /^([A-Za-z_]\w*)\s+([\s\S]*)$/u.exec(rest);
    return m ? [[m[1]!, m[2]!.trim()]] : [];
  }
  const out: [string, string][] = [];
  for (const m of rest.matchAll(/([A-Za-z_]\w*)=("(?:\\.|[^"\\])*"|'[^']*'|(?:\\.|\S)*)/gu)) out.push([m[1]!, m[2]!]);
  return out;
}

/** The variables of the image a Dockerfile builds (its final stage, and the stages that stage is built FROM). */
export function imageValues(dockerfile: string, projectDir: string, buildArgs: Record<string, string> = {}): Map<string, ImageVariable> | undefined {
  const read = readTextFile(dockerfile, 1024 * 1024);
  if (!read.ok) return undefined;
  const file = relative(projectDir, dockerfile).split(sep).join('/');
  const stages: { alias?: string; from: string; vars: Map<string, ImageVariable>; args: Map<string, string | undefined> }[] = [];
  const globalArgs = new Map<string, string | undefined>();
  for (const ins of instructions(read.bytes.toString('utf8'))) {
    if (ins.keyword === 'FROM') {
      const m = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/iu.exec(ins.rest);
      const parent = stages.find((s) => s.alias && s.alias.toLowerCase() === m?.[1]?.toLowerCase());
      stages.push({ ...(m?.[2] ? { alias: m[2] } : {}), from: m?.[1] ?? '', vars: new Map(parent ? [...parent.vars].filter(([, v]) => v.kind === 'env') : []), args: new Map() });
      continue;
    }
    const stage = stages.at(-1);
    if (ins.keyword === 'ARG') {
      for (const part of ins.rest.split(/\s+/u)) {
        const m = /^([A-Za-z_]\w*)(?:=([\s\S]*))?$/u.exec(part);
        if (!m) continue;
        const value = Object.hasOwn(buildArgs, m[1]!) ? buildArgs[m[1]!] : m[2] !== undefined ? unquote(m[2]) : stage ? undefined : undefined;
        if (!stage) {
          globalArgs.set(m[1]!, value);
          continue;
        }
        // An ARG redeclared inside a stage takes the global default.
        const v = value ?? globalArgs.get(m[1]!);
        stage.args.set(m[1]!, v);
        if (!stage.vars.has(m[1]!)) stage.vars.set(m[1]!, { kind: 'arg', ...(v !== undefined ? { value: v } : {}), file, line: ins.line });
      }
    } else if (ins.keyword === 'ENV' && stage) {
      for (const [name, raw] of pairs(ins.rest)) {
        let fromArg: string | undefined;
        const value = unquote(raw).replace(/\$\{([A-Za-z_]\w*)(?::?-([^}]*))?\}|\$([A-Za-z_]\w*)/gu, (_, a: string | undefined, d: string | undefined, b: string | undefined) => {
          const ref = (a ?? b)!;
          if (stage.args.has(ref)) fromArg = ref;
          const prev = stage.args.has(ref) ? stage.args.get(ref) : stage.vars.get(ref)?.kind === 'env' ? stage.vars.get(ref)?.value : undefined;
          return prev ?? d ?? '';
        });
        stage.vars.set(name, { kind: 'env', value, file, line: ins.line, ...(fromArg ? { fromArg } : {}) });
      }
    }
  }
  return stages.at(-1)?.vars ?? new Map();
}
