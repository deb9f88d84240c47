// Flags a credential sent to Clarifai under the wrong header name (`Authorisation`, `X-Api-Key`, `X-Clarifai-REST-API-Key`).
import { distance } from 'fastest-levenshtein';
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { correctedValueFor } from '../endpoint/lib/auth-value.js';
import { clarifaiFiles, isForClarifai } from '../endpoint/lib/clarifai-context.js';
import { siteLocation, where, scrubFinding } from '../endpoint/lib/site.js';

const meta: CheckMeta = {
  id: 'headers/wrong-header-name',
  category: 'headers',
  severity: 'error',
  title: 'Credential sent under a header Clarifai does not read',
  description:
    'Clarifai reads the PAT or API key only from the `Authorization` header (gRPC metadata `authorization`). Under any ' +
    'other name (`Authorisation`, `X-Api-Key`, `X-Clarifai-REST-API-Key` from the 2017 API) the request arrives without ' +
    'credentials, and the API answers 11102 "Empty or malformed authorization header".',
};

/** Names other APIs use for keys, and Clarifai's own retired ones. */
const KNOWN_WRONG = new Set([
  'x-api-key',
  'api-key',
  'apikey',
  'api_key',
  'x-apikey',
  'x-auth-token',
  'x-access-token',
  'x-authorization',
  'authentication',
  'x-clarifai-rest-api-key',
  'x-clarifai-api-key',
  'x-clarifai-key',
  'x-clarifai-pat',
  'clarifai-api-key',
]);

/** Real Clarifai headers that are not the credential header and must not be mistaken for one. */
const LEGITIMATE = new Set(['authorization', 'x-clarifai-session-token', 'x-clarifai-request-id-prefix']);

export function isWrongAuthHeaderName(name: string): boolean {
  const lower = name.trim().toLowerCase();
  if (LEGITIMATE.has(lower)) return false;
  // `Authorisation`, `Authorizaton`, `Authorization:` — one or two letters off the real name.
  return KNOWN_WRONG.has(lower) || distance(lower.replace(/[^a-z]/gu, ''), 'authorization') <= 2;
}

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const code = evidence.code;
    const files = clarifaiFiles(code);
    const out: Finding[] = [];
    for (const site of code.authHeaders) {
      if (!isWrongAuthHeaderName(site.name) || !isForClarifai(site, files)) continue;
      const key = site.transport === 'grpc-metadata' ? 'authorization' : 'Authorization';
      out.push(
        finding(meta, {
          message: `The credential at ${where(site)} is sent as \`${site.name}\`, a ${site.transport === 'grpc-metadata' ? 'metadata key' : 'header'} Clarifai does not read.`,
          fix: `Rename it to \`${key}\` and send \`${key}: ${correctedValueFor(site.value, site.file)}\`.`,
          location: siteLocation(site),
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
