// endpoint/live-tls: the TLS handshake with the API base failed (self-signed or intercepted certificate, wrong host, plain port).
import { defineCheck, finding } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { baseHost, exchangeLocation } from '../../live/facts.js';

const meta = {
  id: 'endpoint/live-tls',
  problem: 'endpoint/tls',
  category: 'endpoint',
  severity: 'error',
  title: 'The TLS handshake failed',
  description: "The base's certificate was not trusted (self-signed, an intercepting proxy's, expired) or was for another host, or the port does not speak TLS. No key was judged.",
} as const;

function fixFor(text: string, host: string): string {
  if (/ALTNAME|does not match|Hostname\/IP/iu.test(text)) return `The certificate belongs to another host: check the host in the base for a typo (Clarifai's is api.clarifai.com).`;
  if (/EPROTO|wrong version number|packet length too long/iu.test(text)) return `${host} does not speak TLS on that port: use http:// for a local plain server (loopback only) or the right port.`;
  if (/EXPIRED/iu.test(text)) return `The certificate of ${host} has expired: check the machine's clock and the base host.`;
  return `A proxy, VPN or antivirus that intercepts TLS presents its own certificate: trust its CA (NODE_EXTRA_CA_CERTS for Node, REQUESTS_CA_BUNDLE for Python, CLARIFAI_ROOT_CERTIFICATES_PATH for Clarifai's gRPC), or check that the base is really Clarifai's. Never turn certificate checks off.`;
}

export const check = defineCheck({
  meta,
  requires: ['live'],
  run({ evidence }) {
    const live = evidence.live;
    const e = live.exchanges.find((x) => x.error?.kind === 'tls');
    if (!e) return [];
    const text = `${e.error!.code ?? ''} ${e.error!.message}`;
    const out: Finding[] = [
      finding(meta, {
        message: `The TLS handshake with ${baseHost(live)} failed (${e.error!.code ?? e.error!.message}), so keydoctor cannot tell whether the key is valid.`,
        fix: fixFor(text, baseHost(live)),
        location: exchangeLocation(e),
      }),
    ];
    return out;
  },
});
