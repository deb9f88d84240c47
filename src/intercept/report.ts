// The lines `keydoctor run` prints about the calls it saw: one per Clarifai call, where each value came from, and what it could not see.
import type { Exchange, LiveEvidence } from '../types/live-evidence.js';
import { shownAuthorization } from '../core/visible.js';
import { describeSource, type SentCredential } from './evidence.js';
import type { SuperviseResult } from './supervise.js';

function answer(e: Exchange): string {
  const http = e.httpStatus !== undefined ? `HTTP ${e.httpStatus}` : '';
  if (e.status) return `${http ? `${http} · ` : ''}${e.status.code} ${e.status.description}${e.status.details ? ` (${e.status.details})` : ''}`;
  return `${http ? `${http} · ` : ''}${e.error?.message ?? 'no answer'}`;
}

function route(e: Exchange): string {
  if (e.transport === 'grpc') return `gRPC ${e.rpc ?? e.url}`;
  try {
    const u = new URL(e.url);
    return `${e.method} ${u.host}${u.pathname}`;
  } catch {
    return `${e.method} ${e.url}`;
  }
}

/** Plain-text notes for the report: the calls, the sources of what was sent, tunnels, and the blind spots. */
export function runNotes(result: SuperviseResult, live: LiveEvidence, sent: readonly SentCredential[], commandLine: string): string[] {
  const how = result.signal ? `was ended by ${result.signal} (exit ${result.exitCode})` : `exited with code ${result.exitCode}`;
  const lines = [`Run: \`${commandLine}\` ${how} after ${(result.durationMs / 1000).toFixed(1)} s.`];
  const ex = live.exchanges;
  if (ex.length === 0) {
    lines.push(
      result.tunnels.length > 0
        ? `  No Clarifai call reached keydoctor (${result.tunnels.length} connection(s) to other hosts were tunnelled untouched). A client that refused the value before sending it (a newline in a header) leaves no trace here; see the findings above.`
        : '  No traffic reached keydoctor\'s proxy at all: the command made no HTTPS call, or its runtime ignores HTTPS_PROXY / grpc_proxy (see docs/run.md for what is covered).',
    );
  } else {
    lines.push(`  Clarifai calls seen (${ex.length}):`);
    for (const e of ex) {
      const key = e.sentAuthorization ? `${e.sentAuthorization.name}: ${shownAuthorization(e.sentAuthorization.value.reveal())}` : 'no credential header';
      lines.push(`    ${route(e)} → ${answer(e)} · ${key} · ${Math.round(e.endMs - e.startMs)} ms`);
    }
    for (const s of sent) {
      const v = live.credentials.find((c) => c.id === s.id);
      if (!v || !s.header) continue;
      lines.push(`  Sent value ${s.id}: ${v.verdict} — ${describeSource(s)}.`);
    }
  }
  if (result.tunnels.length > 0) {
    const hosts = [...new Set(result.tunnels.map((t) => `${t.host}:${t.port}`))];
    lines.push(`  Tunnelled untouched (not decrypted): ${hosts.join(', ')}.`);
  }
  if (result.refused > 0) lines.push(`  Refused ${result.refused} connection(s) to the proxy without this run's token.`);
  return lines;
}
