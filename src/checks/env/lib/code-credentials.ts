// The credentials the scanned code sends (traced by src/scan/credential), as the key, env and exposure checks read them.
import { CLARIFAI_CREDENTIAL_NAMES } from '../../../providers/clarifai/variables.js';
import { finding, type CheckMeta } from '../../../types/check.js';
import type { CodeEvidence, CredentialUse } from '../../../types/code-evidence.js';
import type { Finding } from '../../../types/diagnostic.js';
import { envReadIn, familyOf, where } from '../../endpoint/lib/site.js';

/** Every variable the code's credential comes from, explicit reads and SDK defaults alike. */
export function tracedCredentialNames(code: CodeEvidence | undefined): string[] {
  return [...new Set((code?.credentials ?? []).flatMap((c) => c.envNames))];
}

/** Uses whose value comes from the environment (read by the code, or by an SDK on its own). */
export function envUses(code: CodeEvidence | undefined): CredentialUse[] {
  return (code?.credentials ?? []).filter((c) => c.envNames.length > 0);
}

/**
 * Test code: fake keys (`pat="test"`), CI-only variables and mocked clients are deliberate there, so the checks that
 * judge what the app sends leave it alone.
 */
export function isTestFile(file: string): boolean {
  return /(?:^|\/)(?:tests?|__tests__|spec|specs|__mocks__|fixtures?|e2e|cypress)\/|(?:^|\/)(?:test_[^/]*|[^/]*_test|conftest)\.py$|\.(?:test|spec)\.[cm]?[jt]sx?$/u.test(file);
}

/** `src/app.js:12 sends` / `the clarifai Python SDK (app.py:5, Model(…) with no pat) reads` (`The …` to start a sentence). */
export function sender(use: CredentialUse, start = false): string {
  if (use.sink !== 'sdk-default') return `${where(use)} sends`;
  const sdk = use.sdk ?? 'the SDK';
  return `${start ? sdk.replace(/^./u, (c) => c.toUpperCase()) : sdk} (${where(use)}, ${use.via}) reads`;
}

/** Where the value was read, when it was not at the sink itself: ` (read at src/config.js:3)`. */
export function readAt(use: CredentialUse): string {
  const last = use.trace.at(-1);
  return last && (last.file !== use.file || last.line !== use.line) ? ` (read at ${where(last)})` : '';
}

/** How the code reads a name, in the file's own language: `process.env.CLARIFAI_PAT`, `os.environ["CLARIFAI_PAT"]`. */
export function readIn(file: string, name: string): string {
  return envReadIn(familyOf(file), name);
}

export function isStandardName(name: string): boolean {
  return CLARIFAI_CREDENTIAL_NAMES.includes(name);
}

/** Findings per file and check beyond which the rest are summed up in one (a generated file can hold thousands). */
export const MAX_PER_FILE = 10;
/** Related places listed on one finding. */
export const MAX_RELATED = 10;

/** The first MAX_PER_FILE findings of each file, then one info finding that counts the rest. */
export function capPerFile(meta: CheckMeta, findings: Finding[]): Finding[] {
  const byFile = new Map<string, number>();
  const out: Finding[] = [];
  const hidden = new Map<string, number>();
  for (const f of findings) {
    const file = f.location && 'file' in f.location ? f.location.file : '';
    const n = (byFile.get(file) ?? 0) + 1;
    byFile.set(file, n);
    if (n <= MAX_PER_FILE || file === '') out.push(f);
    else hidden.set(file, (hidden.get(file) ?? 0) + 1);
  }
  for (const [file, n] of hidden) {
    out.push(
      finding(meta, {
        severity: 'info',
        message: `${n} more ${meta.id} ${n === 1 ? 'finding' : 'findings'} in ${file} are not shown.`,
        fix: `Fix the places above and run keydoctor again.`,
        location: { file },
      }),
    );
  }
  return out;
}

/** One use per group key (the first by place), with the others as related places. */
export function firstOf<T extends CredentialUse>(uses: readonly T[], key: (u: T) => string): { use: T; others: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const u of uses) {
    const list = groups.get(key(u));
    if (list) list.push(u);
    else groups.set(key(u), [u]);
  }
  return [...groups.values()].map(([use, ...others]) => ({ use: use!, others: others.slice(0, MAX_RELATED) }));
}

/** The name a credential literal is assigned to, from its line (`PAT = '…'`, `const apiKey = '…'`, a notebook's `"PAT = '…'\n",`). */
export function literalName(snippet: string): string {
  const line = snippet.replace(/^\[cell \d+, line \d+\]\s*/u, '').replace(/^\s*"/u, '');
  return /^\s*(?:(?:const|let|var|export|final)\s+)*([A-Za-z_$][\w$]*)\s*(?::[^=]*)?=(?!=)/u.exec(line)?.[1] ?? 'the key';
}
