// Small pure readers over LiveEvidence that the live checks share: labels, locations, and who answered what.
import type { ClarifaiStatus, CredentialVerdict, Exchange, LiveEvidence, TargetCall } from '../types/live-evidence.js';
import type { EnvLocation, Location } from '../types/location.js';
import { describeStatus } from './verdict.js';

export { describeStatus };

export function sourceLabel(l: EnvLocation): string {
  return l.line !== undefined ? `${l.source}:${l.line}` : l.source;
}

/** `CLARIFAI_PAT (.env:2)` */
export function credentialLabel(v: CredentialVerdict): string {
  return `${v.variable} (${sourceLabel(v.location)})`;
}

/** `.env line 2` / `your shell` — for sentences about where a value lives. */
export function sourcePhrase(l: EnvLocation): string {
  if (l.source === 'shell') return 'your shell';
  if (l.source === 'flag') return 'the command line';
  return l.line !== undefined ? `${l.source} line ${l.line}` : l.source;
}

export function configured(live: LiveEvidence): CredentialVerdict[] {
  return live.credentials.filter((c) => c.origin === 'configured');
}

export function candidatesOf(live: LiveEvidence, id: string): CredentialVerdict[] {
  return live.credentials.filter((c) => c.candidateFor === id);
}

export function exchangesOf(live: LiveEvidence, credential: string, purpose?: Exchange['purpose']): Exchange[] {
  return live.exchanges.filter((e) => e.credential === credential && (purpose === undefined || e.purpose === purpose));
}

/** Where an exchange happened, as a finding location (the URL never carries the key). */
export function exchangeLocation(e: Exchange): Location {
  if (e.transport === 'grpc') return { rpc: e.rpc ?? e.url, target: e.url.replace(/\/clarifai\.api\.V2\/.*$/u, '') };
  return { method: e.method, url: e.url, ...(e.httpStatus !== undefined ? { status: e.httpStatus } : {}) };
}

export function envLocation(v: CredentialVerdict): EnvLocation {
  return { ...v.location };
}

/** `POST /v2/users/clarifai/apps/main/models/x/outputs (PostModelOutputs)` */
export function targetLabel(t: TargetCall): string {
  return `${t.method} ${t.path}${t.route.rpc ? ` (${t.route.rpc})` : ''}`;
}

export function targetExchange(live: LiveEvidence, credential: string, target: number): Exchange | undefined {
  return live.exchanges.find((e) => e.credential === credential && e.purpose === 'target' && e.target === target);
}

export function statusText(s: ClarifaiStatus): string {
  return describeStatus(s);
}

/** The host part of the base, for sentences: `api.clarifai.com`, `127.0.0.1:8080`. */
export function baseHost(live: LiveEvidence): string {
  if (live.config.transport === 'grpc') return live.config.effectiveBase;
  try {
    return new URL(live.config.effectiveBase).host;
  } catch {
    return live.config.effectiveBase;
  }
}

/**
 * The credential that judges a target call for each configured one: itself when valid, else a valid stand-in
 * (the cleaned or shadowed value the user is about to switch to), so permission problems show up in the same run.
 */
export function usableCredentials(live: LiveEvidence): CredentialVerdict[] {
  return configured(live)
    .map((v) => (v.verdict === 'valid' ? v : live.credentials.find((c) => c.candidateFor === v.id && c.verdict === 'valid')))
    .filter((v): v is CredentialVerdict => v !== undefined);
}

/** The owner a target path names (`/v2/users/{user}/apps/{app}/…`), if it names one. */
export function targetOwner(t: TargetCall): { userId?: string; appId?: string } {
  const p = t.route.params ?? {};
  return {
    ...(p['user_app_id.user_id'] ? { userId: p['user_app_id.user_id'] } : {}),
    ...(p['user_app_id.app_id'] ? { appId: p['user_app_id.app_id'] } : {}),
  };
}
