// endpoint/live-base-url: the API base the app uses is malformed: a trailing /v2, no scheme, plain http://, or a gRPC base with a scheme.
import { defineCheck, finding } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import type { EnvLocation } from '../../types/location.js';
import { isLoopbackHost } from '../../transport/types.js';

const meta = {
  id: 'endpoint/live-base-url',
  category: 'endpoint',
  severity: 'error',
  title: 'The API base is malformed',
  description: 'CLARIFAI_API_BASE (or --base) must be a scheme and host such as https://api.clarifai.com, without /v2; --grpc-base must be host[:port] without a scheme.',
} as const;

function host(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

export const check = defineCheck({
  meta,
  requires: ['env', 'live'],
  run({ evidence }) {
    const out: Finding[] = [];
    const live = evidence.live;
    const rest = live?.config.transport === 'rest' && live.config.baseSource === 'flag'
      ? { value: live.config.configuredBase, name: '--base', location: undefined as EnvLocation | undefined }
      : (() => {
          const w = evidence.env.variables.get('CLARIFAI_API_BASE')?.winner;
          return w ? { value: w.value.reveal(), name: 'CLARIFAI_API_BASE', location: w.location } : undefined;
        })();
    // CLARIFAI_GRPC_BASE with a scheme is endpoint/grpc-base-scheme's; this check adds only the --grpc-base flag.
    const grpc = live?.config.transport === 'grpc' && live.config.baseSource === 'flag'
      ? { value: live.config.configuredBase, name: '--grpc-base', location: undefined as EnvLocation | undefined }
      : undefined;
    const at = (b: { location: EnvLocation | undefined }) => (b.location ? { location: b.location } : {});

    if (live?.skipped && live.config.baseSource !== 'default' && /not a URL|not a host|uses /u.test(live.skipped)) {
      out.push(finding(meta, { message: `No probe was sent: ${live.skipped}.`, fix: 'Set it to https://api.clarifai.com (REST) or api.clarifai.com:443 (gRPC), or remove it to use the default.', ...(rest && live.config.transport === 'rest' ? at(rest) : grpc ? at(grpc) : {}) }));
    }
    if (rest) {
      const v = rest.value.trim();
      if (/\/v2\/?$/iu.test(v)) {
        out.push(
          finding(meta, {
            message: `${rest.name} is ${JSON.stringify(v)}, which already ends in /v2: clients append /v2/… to the base, so requests go to …/v2/v2/… and Clarifai answers 11101 (no such path).`,
            fix: `Set ${rest.name} to ${JSON.stringify(v.replace(/\/v2\/?$/iu, ''))} (keydoctor probed that base instead).`,
            ...at(rest),
          }),
        );
      }
      if (!/^[a-z][a-z0-9+.-]*:\/\//iu.test(v)) {
        out.push(
          finding(meta, {
            severity: 'warning',
            message: `${rest.name} is ${JSON.stringify(v)}, with no scheme: Clarifai's Python SDK then guesses (https first, then plain http), and other clients fail.`,
            fix: `Write the scheme: ${rest.name}=https://${v.replace(/^\/+/u, '')}.`,
            ...at(rest),
          }),
        );
      } else if (/^http:\/\//iu.test(v) && !isLoopbackHost(host(v) ?? '')) {
        out.push(
          finding(meta, {
            message: `${rest.name} is ${JSON.stringify(v)}: plain http:// sends the key in clear text to a host that is not this machine.`,
            fix: `Use https:// (${rest.name}=${v.replace(/^http:/iu, 'https:')}).`,
            ...at(rest),
          }),
        );
      }
    }
    if (grpc && /^[a-z][a-z0-9+.-]*:\/\//iu.test(grpc.value.trim())) {
      const bare = grpc.value.trim().replace(/^[a-z][a-z0-9+.-]*:\/\/\/?/iu, '').replace(/\/.*$/su, '');
      out.push(
        finding(meta, {
          message: `${grpc.name} is ${JSON.stringify(grpc.value.trim())}, but a gRPC base takes no scheme: Clarifai's Python gRPC client refuses it ("should not start with http:// or https://") and grpc-js reads it as a different target.`,
          fix: `Set ${grpc.name}=${bare}${live?.config.transport === 'grpc' ? ' (keydoctor probed that target instead)' : ''}.`,
          ...at(grpc),
        }),
      );
    }
    return out;
  },
});
