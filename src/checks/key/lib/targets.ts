// The credential values the key checks judge, and the wording every key finding shares.
import { mask } from '../../../core/secret.js';
import { visibleMask } from '../../../core/visible.js';
import { analyzeKeyValue, type KeyAnalysis } from '../../../providers/clarifai/key-format.js';
import { CLARIFAI_CREDENTIAL_NAMES, clarifaiVariable, looksLikeSecretName } from '../../../providers/clarifai/variables.js';
import { finding, type CheckContext, type CheckMeta } from '../../../types/check.js';
import type { Autofix, Finding, Severity } from '../../../types/diagnostic.js';
import type { Definition } from '../../../types/evidence.js';
import type { EnvLocation } from '../../../types/location.js';
import { tracedCredentialNames } from '../../env/lib/code-credentials.js';

export interface KeyTarget {
  name: string;
  definition: Definition;
  /** Whether this is the value the app sees (dotenv's default resolution). */
  sent: boolean;
  /** The winning definition, when this one is not it. */
  winner?: Definition;
  /** Session tokens have no known format: only copy-paste damage and foreign values are judged. */
  sessionToken: boolean;
  analysis: KeyAnalysis;
}

const cache = new WeakMap<CheckContext<'env'>['evidence'], KeyTarget[]>();

/**
 * Every credential definition worth judging: the winner of each Clarifai credential variable (and
 * of each expected secret-like name), plus every losing definition whose value differs from it.
 */
export function keyTargets(ctx: CheckContext<'env'>): KeyTarget[] {
  const cached = cache.get(ctx.evidence);
  if (cached) return cached;
  const names = new Set<string>(CLARIFAI_CREDENTIAL_NAMES);
  for (const name of ctx.options.expected) if (looksLikeSecretName(name)) names.add(name);
  // Whatever the code sends as the key, under whatever name (API_KEY, REACT_APP_CLARIFAI_KEY), is judged as a key.
  for (const name of tracedCredentialNames(ctx.evidence.code)) names.add(name);
  const out: KeyTarget[] = [];
  for (const name of names) {
    const variable = ctx.evidence.env.variables.get(name);
    const winner = variable?.winner;
    if (!variable || !winner) continue;
    const sessionToken = clarifaiVariable(name)?.role === 'session_token';
    const sent = winner.value.reveal();
    for (const definition of variable.definitions) {
      const isWinner = definition === winner;
      if (!isWinner && definition.value.reveal() === sent) continue;
      out.push({
        name,
        definition,
        sent: isWinner,
        ...(isWinner ? {} : { winner }),
        sessionToken,
        analysis: analyzeKeyValue(definition.value.reveal(), { sessionToken }),
      });
    }
  }
  cache.set(ctx.evidence, out);
  return out;
}

/** `.env line 3`, `the shell environment`. */
export function sourceLabel(l: EnvLocation): string {
  if (l.source === 'shell') return 'the shell environment';
  if (l.source === 'flag') return 'a command-line flag';
  return l.line !== undefined ? `${l.source} line ${l.line}` : l.source;
}

/** `CLARIFAI_PAT in .env line 3 (3f9a…00⏎, 33 chars)`: the culprit, with its hidden problems visible. */
export function subject(t: KeyTarget): string {
  if (t.analysis.raw === '') return `${t.name} in ${sourceLabel(t.definition.location)}`;
  const shown = visibleMask(t.analysis.raw).replace(/ \((\d+) chars\)$/u, ', $1 chars');
  return `${t.name} in ${sourceLabel(t.definition.location)} (${shown})`;
}

/** The clause a losing definition's message ends with. */
export function notSentClause(t: KeyTarget): string {
  return t.sent || !t.winner ? '' : `; this is not the value sent (${sourceLabel(t.winner.location)} wins), but it is wrong too`;
}

/** What the corrected key looks like, masked: `3f9a…00`. */
export function maskedCore(t: KeyTarget): string {
  return mask(t.analysis.core).replace(/ \(\d+ chars\)$/u, '');
}

/**
 * The concrete edit: rewrite the line in the file, or set the variable again in the shell.
 * `what` says what must be different, e.g. "with nothing after it".
 */
export function rewriteFix(t: KeyTarget, what: string, shellHint?: string): string {
  const l = t.definition.location;
  if (l.source === 'shell') {
    return `Set ${t.name} again ${what}: export ${t.name}=${maskedCore(t)} (the full key), wherever your shell profile, CI secret or container config sets it${shellHint ? `; ${shellHint}` : ''}.`;
  }
  return `In ${sourceLabel(l)}, write ${t.name}=${maskedCore(t)} (the full key) ${what}.`;
}

/** Error when the value sent would be rejected; a losing definition is only a warning. */
export function severityFor(t: KeyTarget, whenSent: Severity = 'error'): Severity {
  return t.sent ? whenSent : 'warning';
}

export function keyFinding(meta: CheckMeta, t: KeyTarget, draft: { message: string; fix: string; severity?: Severity; autofix?: Autofix | undefined }): Finding {
  return finding(meta, {
    severity: draft.severity ?? severityFor(t),
    message: draft.message,
    fix: draft.fix,
    location: t.definition.location,
    ...(t.winner ? { related: [t.winner.location] } : {}),
    ...(draft.autofix ? { autofix: draft.autofix } : {}),
  });
}

/** Where the real value comes from, for fixes that say "paste the real key". */
export function whereToGetKey(name: string): string {
  if (name === 'CLARIFAI_API_KEY') {
    return "copy the key from your app's Settings → API Keys (or create a PAT at https://clarifai.com/me/settings/secrets and use CLARIFAI_PAT, which the current SDKs read)";
  }
  return 'copy your Personal Access Token from https://clarifai.com/me/settings/secrets (Settings → Secrets)';
}

/** The line to write with the real key in place of the bad value. */
export function replaceFix(t: KeyTarget): string {
  const l = t.definition.location;
  const where = l.source === 'shell' ? `set it where your shell profile, CI secret or container config does: export ${t.name}=<your key>` : `in ${sourceLabel(l)} write ${t.name}=<your key>`;
  return `${whereToGetKey(t.name).replace(/^./u, (c) => c.toUpperCase())}, then ${where}.`;
}

/** Targets whose value is meant to be a key (not a placeholder or another credential). */
export function keyLikeTargets(ctx: CheckContext<'env'>): KeyTarget[] {
  return keyTargets(ctx).filter((t) => t.analysis.identity === undefined);
}
