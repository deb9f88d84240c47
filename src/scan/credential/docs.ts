// What a project's docs tell users to set: `export CLARIFAI_PAT=…`, `$env:CLARIFAI_PAT=`, `-e CLARIFAI_PAT=` in READMEs and docs pages.
import { looksLikeSecretName } from '../../providers/clarifai/variables.js';
import type { Doc } from '../doc.js';
import { emptyCredentialFacts } from './types.js';

/** Setting a variable, as docs write it: shell, PowerShell, cmd, notebooks, docker, code that sets the environment. */
const SETS =
  /(?:(?:^|[\s`;(&|])(?:export|set|setx)[ \t]+|\$env:|%(?:set_)?env[ \t]+|(?:^|\s)(?:-e|--env)[ \t]+|\bos\.environ\s*\[\s*['"]|\bprocess\.env\.)([A-Za-z_][A-Za-z0-9_]*)|^[ \t]*(?:[-*>][ \t]+)?`?([A-Za-z_][A-Za-z0-9_]*)=/gmu;

/** Fenced block languages whose assignments are program variables, not environment variables. */
const CODE_FENCE = /^(?:py|python|python3|ipython|pycon|js|javascript|jsx|ts|typescript|tsx|mjs|cjs|node|go|java|kotlin|swift|rust|rs|c|cpp|cs|csharp|php|ruby|rb)$/u;

/** Line ranges (1-based, inclusive) of fenced blocks written in a programming language. */
function codeFenceLines(text: string): [number, number][] {
  const out: [number, number][] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^[ \t]{0,3}(`{3,}|~{3,})[ \t]*([^\s`{]*)/u.exec(lines[i]!);
    if (!open) continue;
    let j = i + 1;
    while (j < lines.length && !lines[j]!.trimStart().startsWith(open[1]!)) j++;
    if (CODE_FENCE.test(open[2]!.toLowerCase())) out.push([i + 2, j]);
    i = j;
  }
  return out;
}

/** Records the Clarifai credential variables a Markdown text tells users to set. */
export function extractDocumentedNames(doc: Doc): void {
  if (!/clarifai/iu.test(doc.text)) return;
  const code = codeFenceLines(doc.text);
  const seen = new Set<string>();
  for (const m of doc.text.matchAll(SETS)) {
    const name = (m[1] ?? m[2])!;
    if (!/clarifai/iu.test(name) || !looksLikeSecretName(name)) continue;
    const at = m.index + m[0].lastIndexOf(name);
    const site = doc.site(at);
    // In a Python or JS block, `CLARIFAI_PAT = …` is a program variable; only `os.environ[…] =` sets the environment.
    const inCode = code.some(([a, b]) => site.line >= a && site.line <= b);
    if (inCode && !/environ|process\.env/u.test(m[0])) continue;
    if (seen.has(`${name}:${site.line}`)) continue;
    seen.add(`${name}:${site.line}`);
    doc.facts.credential ??= emptyCredentialFacts(doc.file, 'markdown');
    doc.facts.credential.documented.push({ ...site, name });
  }
}
