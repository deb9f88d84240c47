// Flags a Clarifai key written into source, notebooks (cells and outputs) or committed files, skipping documented fakes.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { KeyLiteral } from '../../types/code-evidence.js';
import type { Finding } from '../../types/diagnostic.js';
import { findPublicModelByLegacyId, findPublicModelByVersionId } from '../../providers/clarifai/public-models.js';
import { OTHER_SERVICES, serviceOfKey, type OtherService } from '../../providers/others.js';
import { envReadIn, familyOf, siteLocation, where, scrubFinding } from '../endpoint/lib/site.js';

const meta: CheckMeta = {
  id: 'exposure/hardcoded-key',
  category: 'exposure',
  severity: 'error',
  title: 'Clarifai key hard-coded in a file',
  description:
    'A PAT or API key written into code, a notebook (including a printed cell output) or any committed file is readable ' +
    'by everyone with the repository and stays in git history after it is deleted. Secret scanners (TruffleHog, ' +
    'Kingfisher) look for exactly this 32-character shape near the word clarifai. Read the key from the environment ' +
    'instead, and rotate any key that was committed.',
};

/** Clarifai keys and PATs observed in the wild are 32 lowercase hex; scanners also accept 32 mixed-case alphanumerics. */
const HEX32 = /^[0-9a-f]{32}$/u;
const ALNUM32 = /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]{32}$/u;

export const KEY_LIKE_NAME = /key|pat|token|secret|auth|credential|passw/iu;
const PLACEHOLDER_WORD = /your|example|placeholder|dummy|fake|sample|redacted|changeme|xxxx/iu;
/** The placeholder Clarifai's own docs use (authorize.md). */
const DOCS_PLACEHOLDER = 'a123457612345678';

/**
 * Documented fakes that must never fire: values ending in `0000test`, one repeated character or a short repeated
 * unit (`abcdabcd…`, `0123456789abcdef…`), counting sequences, placeholder words, and the docs' placeholder.
 */
export function isDocumentedFake(value: string): boolean {
  const v = value.trim();
  const lower = v.toLowerCase();
  if (lower.endsWith('0000test') || lower.includes(DOCS_PLACEHOLDER) || PLACEHOLDER_WORD.test(v)) return true;
  if (new Set(lower).size <= 4) return true;
  for (let period = 1; period <= 16; period++) {
    if (lower.length > period && lower === lower.slice(0, period).repeat(Math.ceil(lower.length / period)).slice(0, lower.length)) return true;
  }
  return isCountingSequence(lower);
}

/** `0123456789abcdef0123…`, `123456789012…`: every character is the next one in the hex alphabet. */
function isCountingSequence(v: string): boolean {
  const alphabet = '0123456789abcdef';
  const digits = '0123456789';
  const follows = (abc: string) => [...v].every((c, i) => i === 0 || abc[(abc.indexOf(v[i - 1]!) + 1) % abc.length] === c);
  return (/^[0-9a-f]+$/u.test(v) && follows(alphabet)) || (/^\d+$/u.test(v) && follows(digits));
}

/**
 * Clarifai's own ids share the key's shape: v2-era model ids and model version ids are 32 hex too
 * (`aaa03c23b3724a16a56b629203edc62c` is the General model in Clarifai's README). A value bound to an id-like
 * name, sitting in a /models/… path, or listed in the public-models table is an id, not a credential.
 */
const ID_NAME = /(?:^|[^a-z])id$|Id$|ID$|_id|version|model|workflow|concept|hash|checksum|digest|sha\d*|md5|uuid|etag|commit|nonce|salt/u;
const ID_BEFORE = /(?:(?:models|versions|workflows|concepts|inputs)\/|(?:model|version|workflow|concept|input)_?id["']?\s*[:=,]\s*\(?["'`]?)\s*$/iu;

export function isClarifaiId(site: KeyLiteral, value: string): boolean {
  if (findPublicModelByLegacyId(value) || findPublicModelByVersionId(value)) return true;
  if (site.boundTo !== undefined && ID_NAME.test(site.boundTo) && !/key|pat|token|secret/iu.test(site.boundTo)) return true;
  const before = site.snippet.split('…')[0]!.replace(/\S{0,4}$/u, '');
  return ID_BEFORE.test(before);
}

export function isKeyShaped(value: string): boolean {
  return HEX32.test(value) || ALNUM32.test(value);
}

function describe(site: KeyLiteral): string {
  return site.boundTo ? `assigned to \`${site.boundTo}\`` : 'next to Clarifai code';
}

/** Whose key a literal is, by the evidence: Clarifai's, another service's (src/providers/others.ts), or not known. */
export type KeyOwner = { kind: 'clarifai' } | { kind: 'service'; service: OtherService } | { kind: 'unknown' };

/**
 * Clarifai's only when the evidence says so: the binding names Clarifai (`CLARIFAI_PAT`, `clarifaiKey`), it is a `pat`
 * or a `Key …` header value in a Clarifai file, or the code sends it to Clarifai (`sentToClarifai`: the literal origins of
 * the traced credentials). Another service's when its name, its line's URL or its shape says so. Otherwise not known.
 */
export function keyOwner(site: KeyLiteral, value: string, sentToClarifai: ReadonlySet<string>): KeyOwner {
  const named = site.service ? OTHER_SERVICES.find((s) => s.name === site.service) : serviceOfKey(value);
  if (named) return { kind: 'service', service: named };
  const last = site.boundTo?.slice(site.boundTo.lastIndexOf('.') + 1) ?? '';
  if (/clarifai/iu.test(site.boundTo ?? '') || sentToClarifai.has(value)) return { kind: 'clarifai' };
  if (site.clarifaiContext && /^(?:pat|PAT|authorization|Authorization)$/u.test(last)) return { kind: 'clarifai' };
  return { kind: 'unknown' };
}

/** The literal values the traced credentials send to Clarifai. */
export function clarifaiLiterals(credentials: readonly { origin: { kind: string; value?: { reveal(): string } } }[] | undefined): Set<string> {
  const out = new Set<string>();
  for (const c of credentials ?? []) if (c.origin.kind === 'literal' && c.origin.value) out.add(c.origin.value.reveal().trim());
  return out;
}

/** `A Clarifai key`, `A Giphy key`, `An API key`: what the message calls the value. */
export function ownerLabel(owner: KeyOwner): string {
  if (owner.kind === 'service') return `${/^[AEIOU]/u.test(owner.service.name) ? 'An' : 'A'} ${owner.service.name} key`;
  return owner.kind === 'clarifai' ? 'A Clarifai key' : 'An API key';
}

/** Where to delete and re-create the key: Clarifai's pages only for a Clarifai key (or, conditionally, one not known). */
export function rotateAt(owner: KeyOwner): string {
  const clarifai = "PATs: https://clarifai.com/me/settings/secrets; app keys: the app's Settings → API Keys";
  if (owner.kind === 'clarifai') return `delete it and create a new one (${clarifai})`;
  if (owner.kind === 'service') return `delete it and create a new one at ${owner.service.rotate}`;
  return `delete it where it was issued and create a new one (a Clarifai key — ${clarifai})`;
}

/** The environment variable a fix tells the code to read: the UPPER_SNAKE name it was bound to, else the service's usual one. */
function variableFor(site: KeyLiteral, owner: KeyOwner): string {
  if (site.boundTo && /^[A-Z][A-Z0-9_]*$/u.test(site.boundTo) && (owner.kind !== 'clarifai' || /CLARIFAI/u.test(site.boundTo))) return site.boundTo;
  if (owner.kind === 'service') return owner.service.env.find((e) => !e.endsWith('_')) ?? `${owner.service.env[0]}API_KEY`;
  return owner.kind === 'clarifai' || site.clarifaiContext ? 'CLARIFAI_PAT' : 'API_KEY';
}

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const code = evidence.code;
    const out: Finding[] = [];
    const sent = clarifaiLiterals(code.credentials);
    for (const site of code.keyLiterals) {
      const value = site.value.reveal().trim();
      if (!isKeyShaped(value) || isDocumentedFake(value) || isClarifaiId(site, value)) continue;
      const keyName = site.boundTo !== undefined && KEY_LIKE_NAME.test(site.boundTo);
      if (!site.clarifaiContext && !keyName) continue;
      const owner = keyOwner(site, value, sent);
      const family = familyOf(site.file);
      const variable = variableFor(site, owner);
      const read = family === 'other' ? `the ${variable} environment variable` : `\`${envReadIn(family, variable)}\``;
      const notebook = site.file.endsWith('.ipynb') ? ', clear the notebook outputs' : '';
      out.push(
        finding(meta, {
          // Hard-coded keys of other services are worth knowing about, but are not what keydoctor is sure of.
          severity: site.clarifaiContext && owner.kind !== 'service' ? 'error' : 'warning',
          message: `${ownerLabel(owner)} (${site.value}) is written into ${where(site)}, ${describe(site)}.`,
          fix: `Read it from ${read} instead (set it in a git-ignored .env or the shell)${notebook}, then treat the key as leaked: ${rotateAt(owner)}.`,
          location: siteLocation(site),
        }),
      );
    }
    // A key in a variable of any name (`myApi = '…'`) that the tracer followed to a Clarifai credential position.
    const listed = new Set(code.keyLiterals.map((k) => `${k.file}:${k.line}`));
    const reported = new Set<string>();
    for (const use of code.credentials ?? []) {
      if (use.origin.kind !== 'literal') continue;
      const value = use.origin.value.reveal().trim();
      const at = use.trace.at(-1) ?? use;
      const place = `${at.file}:${at.line}`;
      if (!isKeyShaped(value) || isDocumentedFake(value) || listed.has(place) || reported.has(place)) continue;
      reported.add(place);
      const family = familyOf(at.file);
      const read = family === 'other' ? 'the CLARIFAI_PAT environment variable' : `\`${envReadIn(family, 'CLARIFAI_PAT')}\``;
      out.push(
        finding(meta, {
          message: `A Clarifai key (${use.origin.value}) is written into ${where(at)} and sent as the credential at ${where(use)} (${use.via}).`,
          fix: `Read it from ${read} instead (set it in a git-ignored .env or the shell), then treat the key as leaked: ${rotateAt({ kind: 'clarifai' })}.`,
          location: siteLocation(at),
          ...(use.trace.length > 0 ? { related: [siteLocation(use)] } : {}),
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
