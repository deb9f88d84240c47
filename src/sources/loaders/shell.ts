// POSIX shell rules for a dotenv file that is sourced (`. ./.env`, `source .env`): quotes, `export`, `$VAR`, and a CR that stays in the value.

/** One assignment the shell makes when it sources the file. */
export interface ShellAssignment {
  name: string;
  /** The value the shell stores; `undefined` when it depends on a command (`$(…)`, backquotes) keydoctor does not run. */
  value: string | undefined;
  line: number;
  /** `export NAME=…` (or any assignment under `set -a`). */
  exported: boolean;
  /** Set when the line is not a plain assignment the shell keeps (a prefix assignment to a command, a syntax error). */
  problem?: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/u;

/**
 * Reads the assignments a POSIX shell makes when it sources `text`. Lines are split on LF only: a CR from Windows
 * line endings is an ordinary character to the shell, so it stays at the end of the value. `vars` is the environment
 * `$VAR` expands from (the shell's own, then earlier assignments of the file).
 */
export function parseSourcedFile(text: string, options: { allexport?: boolean; vars?: Record<string, string> } = {}): ShellAssignment[] {
  const vars: Record<string, string> = { ...(options.vars ?? {}) };
  const out: ShellAssignment[] = [];
  let i = 0;
  let line = 1;
  const n = text.length;
  const skipBlanks = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
  };
  const toEndOfLine = () => {
    while (i < n && text[i] !== '\n') i++;
  };
  /** One shell word from `i`; returns its expanded text, or undefined when it holds a command substitution. */
  const word = (): { text: string | undefined; closed: boolean } => {
    let s = '';
    let unknown = false;
    while (i < n) {
      const c = text[i]!;
      if (c === ' ' || c === '\t' || c === '\n' || c === ';' || c === '&' || c === '|') break;
      if (c === "'") {
        const end = text.indexOf("'", i + 1);
        if (end === -1) return { text: undefined, closed: false };
        const chunk = text.slice(i + 1, end);
        line += chunk.split('\n').length - 1;
        s += chunk;
        i = end + 1;
      } else if (c === '"') {
        i++;
        let closed = false;
        while (i < n) {
          const d = text[i]!;
          if (d === '"') {
            closed = true;
            i++;
            break;
          }
          if (d === '\\' && i + 1 < n && '$`"\\\n'.includes(text[i + 1]!)) {
            if (text[i + 1] === '\n') line++;
            else s += text[i + 1];
            i += 2;
          } else if (d === '$') {
            const r = expansion();
            if (r === undefined) unknown = true;
            else s += r;
          } else if (d === '`') {
            unknown = true;
            i++;
          } else {
            if (d === '\n') line++;
            s += d;
            i++;
          }
        }
        if (!closed) return { text: undefined, closed: false };
      } else if (c === '\\') {
        if (text[i + 1] === '\n') line++;
        else if (i + 1 < n) s += text[i + 1];
        i += 2;
      } else if (c === '$') {
        const r = expansion();
        if (r === undefined) unknown = true;
        else s += r;
      } else if (c === '`' || c === '(' || c === ')') {
        unknown = true;
        i++;
      } else {
        s += c;
        i++;
      }
    }
    return { text: unknown ? undefined : s, closed: true };
  };
  /** `$NAME`, `${NAME}`, `${NAME:-default}` from `i` (at `$`); undefined for `$(…)` and other forms. */
  const expansion = (): string | undefined => {
    const next = text[i + 1];
    if (next === '{') {
      const end = text.indexOf('}', i + 2);
      if (end === -1) {
        i = n;
        return undefined;
      }
      const inner = text.slice(i + 2, end);
      i = end + 1;
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=])(.*))?$/su.exec(inner);
      if (!m) return undefined;
      const v = vars[m[1]!];
      if (m[2] === undefined) return v ?? '';
      const empty = m[2].startsWith(':') ? v === undefined || v === '' : v === undefined;
      return empty ? (m[3] ?? '') : v!;
    }
    if (next === '(') {
      i += 2;
      let depth = 1;
      while (i < n && depth > 0) {
        if (text[i] === '(') depth++;
        else if (text[i] === ')') depth--;
        else if (text[i] === '\n') line++;
        i++;
      }
      return undefined;
    }
    const m = NAME.exec(text.slice(i + 1, i + 200));
    if (!m) {
      i++;
      return '$';
    }
    i += 1 + m[0].length;
    return vars[m[0]] ?? '';
  };

  while (i < n) {
    skipBlanks();
    if (i >= n) break;
    if (text[i] === '\n') {
      i++;
      line++;
      continue;
    }
    if (text[i] === '#') {
      toEndOfLine();
      continue;
    }
    const startLine = line;
    let exported = options.allexport === true;
    if (/^export[ \t]/u.test(text.slice(i, i + 7))) {
      i += 6;
      skipBlanks();
      exported = true;
    }
    const name = NAME.exec(text.slice(i, i + 256))?.[0];
    if (!name || text[i + name.length] !== '=') {
      // Not an assignment: a command (`A = b`, a stray `\r`), which keydoctor does not run.
      toEndOfLine();
      continue;
    }
    i += name.length + 1;
    const value = word();
    if (!value.closed) {
      out.push({ name, value: undefined, line: startLine, exported, problem: 'an unclosed quote: the shell stops with a syntax error' });
      break;
    }
    skipBlanks();
    const rest = i < n && text[i] !== '\n' && text[i] !== '#' && text[i] !== ';';
    if (rest) {
      // `A=abc def` runs `def` with A set for that command only; the shell keeps nothing.
      const from = i;
      toEndOfLine();
      out.push({ name, value: value.text, line: startLine, exported, problem: `the rest of the line (${JSON.stringify(text.slice(from, Math.min(i, from + 20)))}) runs as a command with ${name} set only for it` });
      continue;
    }
    if (text[i] === ';') i++;
    if (value.text !== undefined) vars[name] = value.text;
    out.push({ name, value: value.text, line: startLine, exported });
  }
  return out;
}

/** The variables a sourced file leaves set (last assignment wins), with whether a child process (the app) sees them. */
export function shellValues(text: string, options: { allexport?: boolean; vars?: Record<string, string> } = {}): Map<string, ShellAssignment> {
  const out = new Map<string, ShellAssignment>();
  for (const a of parseSourcedFile(text, options)) {
    if (a.problem && a.problem.includes('only for it')) continue;
    out.set(a.name, a);
  }
  return out;
}
