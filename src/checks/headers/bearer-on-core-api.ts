// Flags `Bearer <token>` sent to Clarifai's core /v2 API, which takes `Key <token>` (Bearer is only for /v2/ext/ routes).
import { schemeFix, withFix } from '../../fix/edits.js';
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { AuthHeaderSite, CodeEvidence } from '../../types/code-evidence.js';
import type { Finding } from '../../types/diagnostic.js';
import { correctedValueFor, readAuthValue } from '../endpoint/lib/auth-value.js';
import { clarifaiFiles, isForClarifai } from '../endpoint/lib/clarifai-context.js';
import { isClarifaiHost, isExtensionPath, isLoopbackHost, parseCodeUrl } from '../endpoint/lib/code-url.js';
import { siteLocation, where, scrubFinding } from '../endpoint/lib/site.js';

const meta: CheckMeta = {
  id: 'headers/bearer-on-core-api',
  category: 'headers',
  severity: 'error',
  title: 'Bearer scheme sent to the core /v2 API',
  description:
    "Clarifai's core API (`/v2/...`, REST and gRPC) reads `Authorization: Key <token>`. `Bearer` is right only for the " +
    'OpenAI-compatible endpoint `/v2/ext/openai/v1` and the MCP routes `/v2/ext/mcp/`; on the core API it was the scheme of ' +
    'the OAuth tokens retired in 2017. What the core API answers to `Bearer` is not documented; expect a rejection.',
};

type Target = 'core' | 'extension' | 'unknown';

function targetOf(url: string): Target {
  const u = parseCodeUrl(url);
  if (u.host !== undefined && !isClarifaiHost(u.host) && !isLoopbackHost(u.host)) return 'unknown';
  if (isExtensionPath(u.path)) return 'extension';
  return u.path.startsWith('/v2') || (u.host !== undefined && isClarifaiHost(u.host)) ? 'core' : 'unknown';
}

/** Where a header goes: its own URL, else what the file's Clarifai URLs say (all core → core; any extension → extension). */
function siteTarget(site: AuthHeaderSite, code: CodeEvidence): { target: Target; sure: boolean } {
  if (site.url !== undefined) {
    const t = targetOf(site.url);
    if (t !== 'unknown') return { target: t, sure: true };
  }
  if (site.transport === 'grpc-metadata') return { target: 'core', sure: true };
  const targets = code.urls.filter((u) => u.file === site.file && u.kind === 'rest').map((u) => targetOf(u.url));
  if (targets.includes('extension')) return { target: 'extension', sure: false };
  return { target: targets.includes('core') ? 'core' : 'unknown', sure: false };
}

function bearerFix(site: AuthHeaderSite) {
  const v = readAuthValue(site.value);
  if (v.gap !== ' ') return undefined;
  return schemeFix(site, v.lead + v.word + v.gap, `Send \`Key \` instead of \`Bearer \` in the ${site.name} value at ${where(site)}.`);
}

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const code = evidence.code;
    const files = clarifaiFiles(code);
    const out: Finding[] = [];
    for (const site of code.authHeaders) {
      if (site.name.toLowerCase() !== 'authorization' || readAuthValue(site.value).word.toLowerCase() !== 'bearer') continue;
      if (!isForClarifai(site, files)) continue;
      const { target, sure } = siteTarget(site, code);
      if (target !== 'core') continue;
      const to = site.transport === 'grpc-metadata' ? 'in gRPC metadata' : site.url !== undefined && sure ? `to ${site.url}` : `in a file that calls the core /v2 API`;
      out.push(
        finding(meta, {
          severity: sure ? 'error' : 'warning',
          message: `The ${site.name} value built at ${where(site)} uses \`Bearer\` ${to}, but Clarifai's core API expects \`Key\`.`,
          fix: `Send \`${correctedValueFor(site.value, site.file)}\`; keep \`Bearer\` only for https://api.clarifai.com/v2/ext/openai/v1 (OpenAI clients) and /v2/ext/mcp/ routes.`,
          location: siteLocation(site),
          // Only where the target is sure: a file that may also call /v2/ext/ keeps its Bearer until someone looks.
          ...withFix(sure ? bearerFix(site) : undefined),
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
