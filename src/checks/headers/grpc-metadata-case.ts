// Flags Python gRPC metadata whose key is `Authorization` (any capital): grpcio accepts only lowercase metadata keys.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { correctedValue } from '../endpoint/lib/auth-value.js';
import { familyOf, siteLocation, where, scrubFinding } from '../endpoint/lib/site.js';

const meta: CheckMeta = {
  id: 'headers/grpc-metadata-case',
  category: 'headers',
  severity: 'error',
  title: 'gRPC metadata key is not lowercase "authorization"',
  description:
    'gRPC metadata keys must be lowercase: Python grpcio rejects `("Authorization", …)` before the call is made ' +
    '(grpc/grpc#9863), so the credential never reaches Clarifai. Node is unaffected: @grpc/grpc-js lowercases keys itself.',
};

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const code = evidence.code;
    const out: Finding[] = [];
    for (const site of code.authHeaders) {
      if (site.transport !== 'grpc-metadata' || site.name === 'authorization' || site.name.toLowerCase() !== 'authorization') continue;
      // grpc-js normalizes keys (metadata.js normalizeKey), so only Python code breaks.
      if (familyOf(site.file) !== 'python') continue;
      out.push(
        finding(meta, {
          message: `The gRPC metadata at ${where(site)} uses the key \`${site.name}\`; grpcio accepts only the lowercase \`authorization\`.`,
          fix: `Write the metadata as \`(("authorization", f"${correctedValue(site.value).replace(/\$\{/gu, '{')}"),)\`.`,
          location: siteLocation(site),
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
