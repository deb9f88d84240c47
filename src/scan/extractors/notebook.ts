// Jupyter notebooks: code cells (with ! and %env magics as shell), markdown cells, and text outputs, positioned in the .ipynb file.
import type { Doc } from '../doc.js';

/** A JSON string value and, for each of its decoded characters, the index of that character in the file. */
interface JString {
  s: string;
  at: number;
}
type JValue = JString | number | boolean | null | JValue[] | { [key: string]: JValue };

export class JsonSyntaxError extends Error {}

/** A small JSON parser that remembers where each string value starts (JSON.parse forgets positions). */
export function parseJsonWithPositions(text: string): JValue {
  let i = 0;
  const fail = (what: string): never => {
    throw new JsonSyntaxError(`${what} at character ${i}`);
  };
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const string = (): string => {
    const start = i;
    let escaped = false;
    for (i++; i < text.length; i++) {
      const c = text[i];
      if (c === '\\') {
        escaped = true;
        i++;
      } else if (c === '"') break;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
    return escaped ? (JSON.parse(text.slice(start, i)) as string) : text.slice(start + 1, i - 1);
  };
  const value = (depth: number): JValue => {
    if (depth > 200) fail('nesting too deep');
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, JValue> = {};
      space();
      if (text[i] === '}') return i++, obj;
      for (;;) {
        space();
        if (text[i] !== '"') fail('expected a key');
        const key = string();
        space();
        if (text[i++] !== ':') fail('expected ":"');
        obj[key] = value(depth + 1);
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return i++, obj;
        else fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const arr: JValue[] = [];
      space();
      if (text[i] === ']') return i++, arr;
      for (;;) {
        arr.push(value(depth + 1));
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return i++, arr;
        else fail('expected "," or "]"');
      }
    }
    if (c === '"') {
      const at = i;
      return { s: string(), at };
    }
    const lit = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/u.exec(text.slice(i, i + 40));
    if (!lit) return fail('unexpected character');
    i += lit[0].length;
    return JSON.parse(lit[0]) as JValue;
  };
  const result = value(0);
  space();
  if (i < text.length) fail('trailing characters');
  return result;
}

function isString(v: JValue | undefined): v is JString {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as JString).s === 'string' && typeof (v as JString).at === 'number';
}
function field(v: JValue | undefined, key: string): JValue | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isString(v) ? (v as Record<string, JValue>)[key] : undefined;
}
function strings(v: JValue | undefined): JString[] {
  if (isString(v)) return [v];
  return Array.isArray(v) ? v.filter(isString) : [];
}

/** Maps each decoded character of JSON string tokens back to its index in the file (escapes take 2–6 characters). */
function rawIndexes(text: string, pieces: JString[]): { joined: string; raw: Int32Array } {
  const joined = pieces.map((p) => p.s).join('');
  const raw = new Int32Array(joined.length + 1);
  let k = 0;
  for (const p of pieces) {
    let r = p.at + 1;
    for (let n = 0; n < p.s.length; n++) {
      raw[k++] = r;
      if (text[r] === '\\') r += text[r + 1] === 'u' ? 6 : 2;
      else r += 1;
    }
  }
  raw[k] = pieces.length > 0 ? pieces[pieces.length - 1]!.at + 1 : 0;
  return { joined, raw };
}

export interface NotebookExtractors {
  common(doc: Doc): void;
  shell(doc: Doc): void;
  js(doc: Doc): void;
  python(doc: Doc): void;
  markdown(doc: Doc): void;
  /** Line magics that load env files (`%dotenv`), read from the whole cell. */
  magics?(doc: Doc): void;
}

/** Splits a code cell into its language part and its shell part (`!cmd`, `%env X=1`, `%%bash`), keeping line numbers. */
export function splitMagics(code: string): { code: string; shell: string } {
  const lines = code.split('\n');
  if (/^%%(?:bash|sh|script\s+(?:ba)?sh)\b/u.test(lines[0] ?? '')) {
    return { code: lines.map(() => '').join('\n'), shell: ['', ...lines.slice(1)].join('\n') };
  }
  const shell: string[] = [];
  const rest: string[] = [];
  for (const line of lines) {
    const bang = /^(\s*)!/u.exec(line);
    const env = /^(\s*)%(set_env|env)(\s+)([A-Za-z_]\w*)([ =])(.*)$/u.exec(line);
    if (bang) {
      shell.push(`${bang[1]} ${line.slice(bang[0].length)}`);
      rest.push('');
    } else if (env) {
      shell.push(`${env[1]}${' '.repeat(env[2]!.length + 1)}${env[3]}${env[4]}=${env[6]}`);
      rest.push('');
    } else if (/^\s*%/u.test(line)) {
      shell.push('');
      rest.push('');
    } else {
      shell.push('');
      rest.push(line);
    }
  }
  return { code: rest.join('\n'), shell: shell.join('\n') };
}

/**
 * Positions: `line`/`column` are in the .ipynb file itself (what editors, GitHub and SARIF viewers show);
 * snippets start with `[cell N, line M]` (1-based, counting every cell) so the place is easy to find in Jupyter.
 */
export function extractNotebook(doc: Doc, run: NotebookExtractors): string | undefined {
  let nb: JValue;
  try {
    nb = parseJsonWithPositions(doc.text);
  } catch (error) {
    return `not a valid notebook (${error instanceof Error ? error.message : 'JSON error'})`;
  }
  const worksheets = field(nb, 'worksheets');
  const cellsValue = field(nb, 'cells') ?? (Array.isArray(worksheets) ? field(worksheets[0], 'cells') : undefined);
  if (!Array.isArray(cellsValue)) return 'not a valid notebook (no cells)';
  const meta = field(nb, 'metadata');
  const kernel = (strings(field(field(meta, 'kernelspec'), 'language'))[0] ?? strings(field(field(meta, 'language_info'), 'name'))[0])?.s.toLowerCase() ?? 'python';
  cellsValue.forEach((cell, index) => {
    const type = strings(field(cell, 'cell_type'))[0]?.s;
    const place = (pieces: JString[], label: string) => {
      const { joined, raw } = rawIndexes(doc.text, pieces);
      const starts = [0];
      for (let p = joined.indexOf('\n'); p !== -1; p = joined.indexOf('\n', p + 1)) starts.push(p + 1);
      return {
        joined,
        sub: (text: string, language: Parameters<Doc['sub']>[1]) =>
          doc.sub(text, language, (line, column) => {
            const at = raw[Math.min((starts[line - 1] ?? 0) + column - 1, raw.length - 1)]!;
            return { ...doc.position(at), label: `[cell ${index + 1}${label}, line ${line}]` };
          }),
      };
    };
    const source = place(strings(field(cell, 'source') ?? field(cell, 'input')), '');
    if (type === 'markdown') {
      const md = source.sub(source.joined, 'notebook');
      run.common(md);
      run.markdown(md);
    } else if (type === 'code') {
      run.common(source.sub(source.joined, 'notebook'));
      run.magics?.(source.sub(source.joined, 'notebook'));
      const { code, shell } = splitMagics(source.joined);
      if (shell.trim() !== '') run.shell(source.sub(shell, 'notebook'));
      if (kernel === 'python') run.python(source.sub(code, 'notebook'));
      else if (/script$|^js$|^ts$/u.test(kernel)) run.js(source.sub(code, 'notebook'));
      else if (/bash|sh$/u.test(kernel)) run.shell(source.sub(code, 'notebook'));
      const outputs = field(cell, 'outputs');
      if (Array.isArray(outputs)) {
        for (const output of outputs) {
          // Printed values, tracebacks (they quote the source line) and text/plain results can all show a key.
          const pieces = [
            ...strings(field(output, 'text')),
            ...strings(field(field(output, 'data'), 'text/plain')),
            ...strings(field(output, 'traceback')).flatMap((t) => [t, { s: '\n', at: t.at }]),
          ];
          if (pieces.length === 0) continue;
          const out = place(pieces, ' output');
          run.common(out.sub(out.joined, 'notebook'));
        }
      }
    }
  });
  return undefined;
}
