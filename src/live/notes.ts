// Plain-text lines about a live diagnosis: the verdict per credential for the report's notes, and --verbose request lines.
import type { Exchange, LiveEvidence } from '../types/live-evidence.js';
import { credentialLabel, describeStatus } from './facts.js';

function answer(e: Exchange): string {
  if (e.wave === 0 && e.error?.kind === 'cannot-send') return `not sent: ${e.error.message}`;
  if (e.status) return `${e.httpStatus !== undefined ? `HTTP ${e.httpStatus} · ` : ''}${describeStatus(e.status)}`;
  if (e.error) return `${e.error.kind}${e.httpStatus !== undefined ? ` (HTTP ${e.httpStatus})` : ''}: ${e.error.message}`;
  return 'no answer';
}

/** Two lines per request for --verbose: the command that reproduces it, then what came back and how long it took. */
export function verboseExchange(e: Exchange): string {
  return `> ${e.reproduce}\n< ${answer(e)} [${e.purpose}, ${Math.round(e.endMs - e.startMs)} ms, round trip ${e.wave || '-'}]\n`;
}

export function liveNotes(live: LiveEvidence): string[] {
  const where = `${live.config.transport === 'grpc' ? `gRPC ${live.config.effectiveBase}${live.config.tls ? ' (TLS)' : ' (plain, loopback)'}` : live.config.effectiveBase}`;
  if (live.skipped) return [`Live: ${where}: nothing sent — ${live.skipped}.`];
  const sent = live.exchanges.filter((e) => e.wave > 0).length;
  const lines = [`Live: ${where}, ${sent} ${sent === 1 ? 'request' : 'requests'} in ${live.waves} ${live.waves === 1 ? 'round trip' : 'round trips'}${live.config.proxy && !live.config.proxy.bypassed ? ` via ${live.config.proxy.url}` : ''}.`];
  for (const v of live.credentials) {
    const what =
      v.origin === 'configured' ? credentialLabel(v) : v.origin === 'cleaned' ? `  ↳ ${v.variable} once ${v.change}` : `  ↳ ${credentialLabel(v)} instead`;
    lines.push(`  ${what}: ${v.verdict} — ${v.reason}.`);
  }
  for (const t of live.targets) if (!t.sent && t.notSentReason) lines.push(`  ${t.method} ${t.path}: not sent — ${t.notSentReason}.`);
  return lines;
}
