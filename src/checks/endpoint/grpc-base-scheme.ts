// Flags a gRPC base written with an http(s) scheme: gRPC targets are a bare host[:port].
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { parseCodeUrl } from './lib/code-url.js';
import { siteLocation, where, scrubFinding } from './lib/site.js';

const meta: CheckMeta = {
  id: 'endpoint/grpc-base-scheme',
  category: 'endpoint',
  severity: 'error',
  title: 'gRPC base written with http:// or https://',
  description:
    'A gRPC target is a host with an optional port (`api.clarifai.com`, `api.clarifai.com:443`). The Python client ' +
    'refuses a CLARIFAI_GRPC_BASE that starts with http:// or https:// ("should not start with http:// or https://"), ' +
    'and a gRPC channel to `https://api.clarifai.com` cannot resolve the name. TLS is chosen by the channel credentials, not by a scheme.',
};

const SCHEME = /^\s*["']?(https?):\/\//iu;

function bare(value: string): string {
  return value.trim().replace(/^["']|["']$/gu, '').replace(/^https?:\/\//iu, '').replace(/\/+$/u, '');
}

export const check = defineCheck({
  meta,
  requires: ['env'],
  run({ evidence }) {
    const out: Finding[] = [];
    for (const site of evidence.code?.urls ?? []) {
      if (site.kind !== 'grpc-base' || !SCHEME.test(site.url)) continue;
      const url = parseCodeUrl(site.url);
      out.push(
        finding(meta, {
          message: `The gRPC base at ${where(site)} is ${site.url}, with a scheme a gRPC target must not have.`,
          fix: `Write the host alone: \`${url.host ?? bare(site.url)}${url.port ? `:${url.port}` : ''}\`; secure channels come from the credentials (grpc.ChannelCredentials.createSsl()).`,
          location: siteLocation(site),
        }),
      );
    }
    // The variable the official gRPC clients read, as the environment sets it.
    const winner = evidence.env.variables.get('CLARIFAI_GRPC_BASE')?.winner;
    if (winner && SCHEME.test(winner.value.reveal())) {
      const value = winner.value.reveal().trim();
      out.push(
        finding(meta, {
          message: `CLARIFAI_GRPC_BASE (${winner.location.source}) is ${value}, with a scheme a gRPC target must not have.`,
          fix: `Set \`CLARIFAI_GRPC_BASE=${bare(value)}\` — the host alone (TLS is the default); keep https:// for CLARIFAI_API_BASE.`,
          location: winner.location,
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
