// endpoint/live-proxy: an HTTP(S)_PROXY is in effect for the API (or NO_PROXY exempts it), and whether that proxy failed.
import { defineCheck, finding } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { baseHost, exchangeLocation } from '../../live/facts.js';

const meta = {
  id: 'endpoint/live-proxy',
  category: 'endpoint',
  severity: 'error',
  title: 'A proxy is in the way',
  description: "HTTPS_PROXY / HTTP_PROXY route the app's requests through a proxy (unless NO_PROXY exempts the host). keydoctor sends its probes the same way and reports when the proxy, not Clarifai, failed or answered.",
} as const;

export const check = defineCheck({
  meta,
  requires: ['live'],
  run({ evidence }) {
    const live = evidence.live;
    const proxy = live?.config.proxy;
    if (!proxy || live.config.transport !== 'rest') return [];
    const out: Finding[] = [];
    const failed = live.exchanges.find((e) => e.error?.kind === 'proxy');
    if (failed) {
      out.push(
        finding(meta, {
          message: `The proxy ${proxy.url} (from ${proxy.variable}) failed: ${failed.error!.message}; the request never reached ${baseHost(live)}.`,
          fix: `Check the proxy address in ${proxy.variable} and that it allows CONNECT to ${baseHost(live)}; if ${baseHost(live)} should be reached directly, add it to NO_PROXY.`,
          location: exchangeLocation(failed),
        }),
      );
    } else if (proxy.bypassed) {
      out.push(
        finding(meta, {
          severity: 'info',
          message: `${proxy.variable} is set (${proxy.url}), but ${proxy.noProxyVariable ?? 'NO_PROXY'} exempts ${baseHost(live)}, so requests go to it directly.`,
          fix: 'Nothing to do, unless your network only lets traffic out through the proxy.',
        }),
      );
    } else {
      out.push(
        finding(meta, {
          severity: 'info',
          message: `Requests to ${baseHost(live)} go through the proxy ${proxy.url} (from ${proxy.variable}); keydoctor sent its probes the same way.`,
          fix: `If the app should reach ${baseHost(live)} directly, add it to NO_PROXY.`,
        }),
      );
    }
    return out;
  },
});
