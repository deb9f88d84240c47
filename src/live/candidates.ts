// Which values to probe: the credential each variable sends, then — only if it fails — the values it could have been.
import { Secret } from '../core/secret.js';
import { analyzeKeyValue, pasteDamage } from '../providers/clarifai/key-format.js';
import { CLARIFAI_CREDENTIAL_NAMES, clarifaiVariable, looksLikeSecretName } from '../providers/clarifai/variables.js';
import type { EnvEvidence } from '../types/evidence.js';
import type { EnvLocation } from '../types/location.js';
import type { CredentialVerdict } from '../types/live-evidence.js';

export type PendingCredential = Omit<CredentialVerdict, 'verdict' | 'reason'>;

function label(l: EnvLocation): string {
  return l.line !== undefined ? `${l.source}:${l.line}` : l.source;
}

/**
 * The credentials the app would send: the winning value of CLARIFAI_PAT, CLARIFAI_API_KEY and any expected
 * secret-like name (--expect). The session token travels in another header, so it is not probed.
 */
export function configuredCredentials(env: EnvEvidence, inCode: readonly CodeCredential[] = []): PendingCredential[] {
  const names = [...new Set([...CLARIFAI_CREDENTIAL_NAMES, ...env.expected.filter(looksLikeSecretName)])].filter(
    (n) => clarifaiVariable(n)?.role !== 'session_token',
  );
  const out: PendingCredential[] = [];
  for (const name of names) {
    const w = env.variables.get(name)?.winner;
    if (!w) continue;
    out.push({ id: name, variable: name, location: w.location, value: w.value, origin: 'configured' });
  }
  // A key written into the code where it is sent is what the app sends (issue #12): probed like a configured one.
  for (const c of inCode.slice(0, 2)) {
    if (out.some((o) => o.value.reveal() === c.value.reveal())) continue;
    out.push({ id: `${c.name}@${c.file}:${c.line}`, variable: c.name, location: { env: c.name, source: c.file, line: c.line }, value: c.value, origin: 'configured' });
  }
  return out;
}

/** A credential literal the code sends (`PAT = '…'` passed to `Model(pat=PAT)`), where it is written. */
export interface CodeCredential {
  name: string;
  file: string;
  line: number;
  value: Secret;
}

/** The value with the usual copy-paste damage undone (the key checks' own analysis), and a phrase saying what was undone. */
export function cleanValue(raw: string): { value: string; change: string } | undefined {
  const a = analyzeKeyValue(raw);
  const changes = pasteDamage(a);
  if (a.cleaned === raw || a.cleaned === '' || changes.length === 0) return undefined;
  return { value: a.cleaned, change: changes.join(' and ') };
}

/**
 * Stand-ins for a configured credential that Clarifai rejected: its cleaned value, and the values other
 * sources define for the same variable (the .env value the shell's value shadows, and vice versa).
 */
export function candidatesFor(cred: PendingCredential, env: EnvEvidence): PendingCredential[] {
  const out: PendingCredential[] = [];
  const seen = new Set<string>([cred.value.reveal()]);
  const cleaned = cleanValue(cred.value.reveal());
  if (cleaned && !seen.has(cleaned.value)) {
    seen.add(cleaned.value);
    out.push({
      id: `${cred.id}~cleaned`,
      variable: cred.variable,
      location: cred.location,
      value: new Secret(cleaned.value),
      origin: 'cleaned',
      candidateFor: cred.id,
      change: cleaned.change,
    });
  }
  for (const d of env.variables.get(cred.variable)?.definitions ?? []) {
    // The other source's value, cleaned too if it needs it: "the .env value works (once its newline is removed)".
    const other = cleanValue(d.value.reveal());
    const v = other?.value ?? d.value.reveal();
    if (seen.has(v) || v.trim() === '') continue;
    seen.add(v);
    out.push({
      id: `${cred.id}@${label(d.location)}`,
      variable: cred.variable,
      location: d.location,
      value: other ? new Secret(v) : d.value,
      origin: 'other-source',
      candidateFor: cred.id,
      ...(other ? { change: other.change } : {}),
    });
  }
  // A handful is plenty, and each one is a request with a credential in it.
  return out.slice(0, 4);
}
