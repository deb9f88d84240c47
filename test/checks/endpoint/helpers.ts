// Test helpers for the code checks: build CodeEvidence and env evidence by hand, run one check, look for leaks.
import { Secret } from '../../../src/core/secret.js';
import { parseEnvText } from '../../../src/sources/dotenv-file.js';
import { resolveVariables } from '../../../src/sources/resolve.js';
import { runChecks } from '../../../src/core/engine.js';
import type { Check } from '../../../src/types/check.js';
import type { AuthHeaderSite, CodeEvidence, EnvRead, ImportSite, KeyLiteral, UrlSite } from '../../../src/types/code-evidence.js';
import type { Finding } from '../../../src/types/diagnostic.js';
import type { EnvEvidence, EnvFile } from '../../../src/types/evidence.js';

export const FAKE_KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';

export function code(parts: Partial<CodeEvidence> = {}): CodeEvidence {
  return {
    root: '/project',
    filesScanned: 1,
    bytesScanned: 100,
    skipped: [],
    envReads: [],
    authHeaders: [],
    urls: [],
    keyLiterals: [],
    imports: [],
    suppressions: [],
    ...parts,
  };
}

const at = (file: string, line: number) => ({ file, line, column: 5, snippet: `line ${line} of ${file}` });

export function header(file: string, line: number, name: string, value: string, extra: Partial<AuthHeaderSite> = {}): AuthHeaderSite {
  return { ...at(file, line), name, value, transport: 'http', envNames: [], ...extra };
}

export function url(file: string, line: number, value: string, extra: Partial<UrlSite> = {}): UrlSite {
  return { ...at(file, line), url: value, kind: 'rest', ...extra };
}

export function envRead(file: string, line: number, name: string): EnvRead {
  return { ...at(file, line), name, language: file.endsWith('.py') ? 'python' : 'js' };
}

export function keyLiteral(file: string, line: number, value: string, extra: Partial<Omit<KeyLiteral, 'value'>> = {}): KeyLiteral {
  return { ...at(file, line), snippet: 'masked', value: new Secret(value), clarifaiContext: false, ...extra };
}

export function importSite(file: string, line: number, module: string): ImportSite {
  return { ...at(file, line), module };
}

/** Env evidence with the given shell variables and, optionally, a loaded `.env` with the given text. */
export function env(shell: Record<string, string> = {}, dotenvText?: string): EnvEvidence {
  const files: EnvFile[] = [];
  if (dotenvText !== undefined) {
    files.push({ path: '/project/.env', display: '.env', loaded: true, reason: 'loaded by dotenv', priority: 0, ...parseEnvText(Buffer.from(dotenvText)) } as EnvFile);
  }
  return { projectDir: '/project', shell, files, variables: resolveVariables(shell, files), expected: [], gitRepo: false };
}

export const CLARIFAI_EXPECTED = ['CLARIFAI_PAT', 'CLARIFAI_API_KEY', 'CLARIFAI_USER_ID', 'CLARIFAI_APP_ID', 'CLARIFAI_API_BASE', 'CLARIFAI_GRPC_BASE', 'CLARIFAI_SESSION_TOKEN'];

/** Runs one check through the engine, which skips it (reason no-code) when it needs code and none is given. */
export function run(check: Check, codeEvidence: CodeEvidence | undefined, envEvidence: EnvEvidence = env()): Finding[] {
  const evidence = codeEvidence ? { env: envEvidence, code: codeEvidence } : { env: envEvidence };
  const { findings, checks } = runChecks([check], evidence, { expected: CLARIFAI_EXPECTED }, { code: 'no-code' });
  if (checks[0]!.status === 'crashed') throw new Error(`${check.meta.id} crashed: ${JSON.stringify(findings)}`);
  for (const f of findings) if (JSON.stringify(f).includes(FAKE_KEY)) throw new Error(`${f.id} leaked the planted key: ${JSON.stringify(f)}`);
  return findings;
}
