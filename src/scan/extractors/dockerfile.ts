// Dockerfile / Containerfile: ENV and ARG (build-time inputs, values, bases) and RUN lines read as shell.
import type { Doc } from '../doc.js';

/**
 * Rewrites the Dockerfile so the shell extractor can read it with the same line/column positions:
 * `RUN cmd` → `    cmd`, `ENV A=1 B=2` → `    A=1 B=2`, legacy `ENV A 1` → `    A=1`, other instructions blanked.
 */
export function dockerfileAsShell(text: string): { shell: string; args: { name: string; index: number }[] } {
  const args: { name: string; index: number }[] = [];
  const out: string[] = [];
  let continued = false;
  let keep = false;
  let offset = 0;
  for (const line of text.split('\n')) {
    let converted = '';
    if (continued) {
      converted = keep ? line : '';
    } else {
      const m = /^(\s*)([A-Za-z]+)(\s+)(.*)$/su.exec(line);
      const instruction = m?.[2]!.toUpperCase();
      keep = instruction === 'RUN' || instruction === 'ENV';
      if (m && keep) {
        let rest = m[4]!;
        // Legacy `ENV NAME value` form: one variable, the rest of the line is its value.
        if (instruction === 'ENV' && /^[A-Za-z_]\w*\s+/u.test(rest) && !/^[A-Za-z_]\w*=/u.test(rest)) rest = rest.replace(/^([A-Za-z_]\w*)\s/u, '$1=');
        converted = m[1]! + ' '.repeat(m[2]!.length) + m[3]! + rest;
      } else if (m && instruction === 'ARG') {
        // `ARG NAME[=default]`: the build reads NAME from --build-arg; record it as an input.
        const name = /^[A-Za-z_]\w*/u.exec(m[4]!)?.[0];
        if (name) args.push({ name, index: offset + m[1]!.length + m[2]!.length + m[3]!.length });
        converted = m[1]! + ' '.repeat(m[2]!.length) + m[3]! + m[4]!;
        keep = true;
      }
    }
    continued = /\\\r?$/u.test(line);
    out.push(converted);
    offset += line.length + 1;
  }
  return { shell: out.join('\n'), args };
}

export function extractDockerfile(doc: Doc, shell: (doc: Doc) => void): void {
  const { shell: text, args } = dockerfileAsShell(doc.text);
  for (const a of args) doc.facts.envReads.push({ ...doc.site(a.index), name: a.name, language: doc.language });
  // Same positions, so the shell pass reports file lines and columns directly; snippets come from the original.
  shell(doc.sub(text, doc.language, (line, column) => ({ line, column })).withSnippetsFrom(doc));
}
