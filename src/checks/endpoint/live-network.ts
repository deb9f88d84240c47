// endpoint/live-network: the probes never reached Clarifai (DNS, refused, timeout, dropped): the key's verdict stays unknown.
import { defineCheck, finding } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { baseHost, exchangeLocation } from '../../live/facts.js';
import type { LiveEvidence, NetworkErrorKind } from '../../types/live-evidence.js';

const meta = {
  id: 'endpoint/live-network',
  problem: 'endpoint/unreachable',
  category: 'endpoint',
  severity: 'error',
  title: 'The API could not be reached',
  description: 'A probe failed before any answer: the host name did not resolve, the connection was refused or dropped, or it timed out. keydoctor then cannot judge the key and says so.',
} as const;

const WORDS: Partial<Record<NetworkErrorKind, string>> = {
  dns: 'its host name does not resolve',
  refused: 'the connection was refused',
  timeout: 'it did not answer in time',
  reset: 'the connection was dropped before an answer',
  other: 'the request failed',
};

function fix(kind: NetworkErrorKind, live: LiveEvidence): string {
  const h = baseHost(live);
  const baseName = live.config.transport === 'grpc' ? 'CLARIFAI_GRPC_BASE' : 'CLARIFAI_API_BASE';
  switch (kind) {
    case 'dns':
      return `Check the host in ${baseName} for a typo (the default is ${live.config.transport === 'grpc' ? 'api.clarifai.com:443' : 'https://api.clarifai.com'}) and that this machine has DNS and internet access.`;
    case 'refused':
      return `Nothing accepts connections at ${h}: check the port in ${baseName}, or start the server you meant (a local emulator: keydoctor emulator).`;
    case 'timeout':
      return `Check the network and firewall between this machine and ${h}, or allow more time with --timeout SECONDS.`;
    case 'reset':
      return `A firewall or proxy may be cutting the connection to ${h}; retry, and check HTTPS_PROXY / NO_PROXY.`;
    default:
      return `Run the request with curl (keydoctor check --verbose prints it) to see what happens on ${h}.`;
  }
}

export const check = defineCheck({
  meta,
  requires: ['live'],
  run({ evidence }) {
    const live = evidence.live;
    const out: Finding[] = [];
    const seen = new Set<NetworkErrorKind>();
    for (const e of live.exchanges) {
      const kind = e.error?.kind;
      if (!kind || !WORDS[kind] || seen.has(kind)) continue;
      seen.add(kind);
      out.push(
        finding(meta, {
          message: `keydoctor could not reach ${baseHost(live)}: ${WORDS[kind]} (${e.error!.code ?? e.error!.message}), so it cannot tell whether the key is valid.`,
          fix: fix(kind, live),
          location: exchangeLocation(e),
        }),
      );
    }
    return out;
  },
});
