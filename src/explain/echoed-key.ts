// Explains `invalid key(<value>)`: Clarifai echoes the token it received, which says what the client really sent.
import { mask } from '../core/secret.js';
import { visibleMask } from '../core/visible.js';
import { analyzeKeyValue, describeChars } from '../providers/clarifai/key-format.js';
import type { Finding } from '../types/diagnostic.js';
import { cause } from './finding.js';

/** The words a language prints for a missing value, and how to load a .env file in that language. */
const MISSING: Record<string, { what: string; load: string }> = {
  none: { what: "Python's None", load: 'call load_dotenv() before the client is created' },
  undefined: { what: "JavaScript's undefined", load: "import 'dotenv/config' before anything reads process.env" },
  null: { what: 'null', load: 'load the .env file before the client is created' },
  nil: { what: 'nil (Go or Ruby)', load: 'load the .env file before the client is created' },
  nan: { what: 'NaN', load: 'load the .env file before the client is created' },
};

const VARIABLE = 'CLARIFAI_PAT (or whichever variable your code reads, such as CLARIFAI_API_KEY)';

/** References that reached the API unexpanded: `$CLARIFAI_PAT`, `${PAT}`, `%PAT%`, `{PAT}` (a Python string missing its f). */
const REFERENCE = /^(?:\$\{?[A-Za-z_]\w*\}?|%[A-Za-z_]\w*%|\{\{?\s*[\w.[\]'"]+\s*\}?\}|process\.env\.\w+|os\.environ.*|os\.getenv.*)$/u;

/** Whether the echoed value may be a real credential (and so must only ever be shown masked). */
export function echoIsSecret(value: string): boolean {
  const core = value.trim();
  if (core === '' || MISSING[core.toLowerCase()] || REFERENCE.test(core)) return false;
  return analyzeKeyValue(value).identity?.kind !== 'placeholder';
}

/** How the echoed value is shown: missing words and references as they are, anything else masked. */
export function showEcho(value: string): string {
  return echoIsSecret(value) ? visibleMask(value) : JSON.stringify(value);
}

export function explainEchoedKey(value: string): Finding[] {
  const core = value.trim();
  const missing = MISSING[core.toLowerCase()];
  if (missing || core === '') {
    const what = missing ? `${missing.what} (\`Key ${core}\`)` : 'an empty key (`Key ` with nothing after it)';
    return [
      cause(
        'env/key-not-set',
        'error',
        `Clarifai received ${what} instead of a key: ${VARIABLE} was ${core === '' ? 'empty' : 'not set'} in the process that made the call.`,
        `Set CLARIFAI_PAT where the program runs (\`export CLARIFAI_PAT=…\` in that shell, or a line in .env and ${missing?.load ?? 'load the .env file before the client is created'}); run \`keydoctor env\` to see whether and where it is defined.`,
      ),
    ];
  }
  if (REFERENCE.test(core)) {
    return [
      cause(
        'env/unexpanded-reference',
        'error',
        `Clarifai received the literal text ${JSON.stringify(core)} instead of a key: a variable reference was sent without being expanded.`,
        'Expand it before sending: use an f-string in Python (f"Key {PAT}"), double quotes in the shell, a template literal in JavaScript, or dotenv-expand for ${…} inside .env; run `keydoctor check` to find where the header is built.',
      ),
    ];
  }
  const a = analyzeKeyValue(value);
  const shown = visibleMask(value);
  if (a.scheme !== undefined) {
    return [
      cause(
        'key/scheme-prefix',
        'error',
        `Clarifai received ${shown}, which starts with the scheme word "${a.scheme}": the stored value already contains it, so the header read \`Key ${a.scheme} …\`.`,
        'Store only the 32-character token in the variable and let the code add `Key `; run `keydoctor check` to see the value your project sends.',
      ),
    ];
  }
  if (a.identity?.kind === 'placeholder') {
    return [
      cause(
        'key/placeholder',
        'error',
        `Clarifai received ${JSON.stringify(core.length > 60 ? `${core.slice(0, 60)}…` : core)}, which is ${a.identity.label}, not a key.`,
        'Replace it with your PAT (create one at https://clarifai.com/me/settings/secrets); run `keydoctor env` to find the file or shell that defines it.',
      ),
    ];
  }
  if (a.identity?.kind === 'credential') {
    return [
      cause(
        'key/other-credential',
        'error',
        `Clarifai received ${shown}, which looks like ${a.identity.label}, not a Clarifai key.`,
        `Use your Clarifai PAT instead (${a.identity.hint}); run \`keydoctor env\` to see which variable holds it.`,
      ),
    ];
  }
  const damage: string[] = [];
  if (a.wrappers.length > 0) damage.push(`quote characters (${describeChars(a.wrappers)})`);
  const spaces = [...a.leadingWhitespace, ...a.trailingWhitespace, ...a.internalWhitespace];
  if (spaces.length > 0) damage.push(`whitespace (${describeChars(spaces)})`);
  if (a.invisible.length > 0) damage.push(`invisible characters (${describeChars(a.invisible)})`);
  if (a.lookalikes.length > 0) damage.push(`look-alike letters (${describeChars(a.lookalikes)})`);
  if (damage.length > 0) {
    const id = a.wrappers.length > 0 ? 'key/wrapping-quotes' : spaces.length > 0 ? 'key/whitespace' : a.invisible.length > 0 ? 'key/invisible-character' : 'key/lookalike-character';
    return [
      cause(
        id,
        'error',
        `Clarifai received ${shown}, which contains ${damage.join(' and ')} that are not part of any key.`,
        'Remove them from the stored value (re-copy the key, or strip quotes and whitespace where it is read); run `keydoctor check` to see exactly which characters your project sends.',
      ),
    ];
  }
  if (!/^[0-9a-fA-F]{32}$/u.test(a.core)) {
    return [
      cause(
        'key/wrong-format',
        'error',
        `Clarifai received ${shown}, which is not shaped like a key: Clarifai keys and PATs are 32 lowercase hex characters.`,
        'Copy the whole key again (a PAT from https://clarifai.com/me/settings/secrets, or an app key from the app\'s Settings → API Keys); run `keydoctor check` to compare.',
      ),
    ];
  }
  if (/[A-F]/u.test(a.core)) {
    return [
      cause(
        'key/uppercase-hex',
        'error',
        `Clarifai did not find the key ${mask(core)}, which has uppercase letters: every observed Clarifai key is lowercase, and whether the API accepts uppercase is not known.`,
        'Use the key exactly as Clarifai shows it (lowercase); run `keydoctor check` to see the value your project sends.',
      ),
    ];
  }
  return [
    cause(
      'key/unknown-key',
      'error',
      `Clarifai does not know the key ${mask(core)} it received: it is well-formed, so it was mistyped, deleted, belongs to another account or Clarifai environment, or is brand new (no propagation delay is documented).`,
      'Compare it with the key Clarifai lists (PATs: https://clarifai.com/me/settings/secrets; app keys: the app\'s Settings → API Keys) and create a new PAT if it is gone; run `keydoctor check` to see the value your project sends.',
    ),
    cause(
      'env/stale-value',
      'warning',
      `The key sent may be an old copy: a CLARIFAI_PAT exported in the shell, IDE or CI wins over the one in .env, because dotenv does not override variables that are already set.`,
      'Run `keydoctor env` to see every definition of the variable and which one wins; remove or update the stale one (`unset CLARIFAI_PAT`).',
    ),
  ];
}
