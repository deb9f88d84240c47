// Judges the Authorization value the app really sent (seen by `keydoctor run`), under the same problem ids as the code checks.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import type { Exchange } from '../../types/live-evidence.js';
import { mask } from '../../core/secret.js';
import { shownAuthorization } from '../../core/visible.js';
import { exchangeLocation } from '../../live/facts.js';
import { readAuthValue, TOKEN } from '../endpoint/lib/auth-value.js';
import { isExtensionPath } from '../endpoint/lib/code-url.js';
import { schemeProblems } from './scheme-format.js';

const meta: CheckMeta = {
  id: 'headers/live-sent-auth',
  category: 'headers',
  severity: 'error',
  title: 'The Authorization value the app sent is not "Key <token>"',
  description:
    'Seen in the app\'s own traffic (keydoctor run): the header went out with a lowercase `key`, `Bearer` on the core /v2 API, ' +
    'no scheme word, or whitespace around the key. Findings carry the id of the same problem found in code.',
  problem: 'headers/scheme-format',
};

/** The sent value with the token masked and the scheme word as typed: `key 3f9a…c1 (32 chars)`. */
function template(value: string): string {
  const m = /^(\s*)([A-Za-z-]+)([ \t]+)(\S+)(\s*)$/u.exec(value);
  if (!m) return value.trim() === '' ? value : `${/^\s/u.test(value) ? ' ' : ''}${mask(value.trim())}${/\s$/u.test(value) ? ' ' : ''}`;
  return `${m[1]}${m[2]}${m[3]}${mask(m[4]!)}${m[5]}`;
}

function sentLabel(e: Exchange): string {
  return e.transport === 'grpc' ? `gRPC ${e.rpc ?? e.url}` : `${e.method} ${e.url}`;
}

export const check = defineCheck({
  meta,
  requires: ['live'],
  run({ evidence }) {
    const live = evidence.live;
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const e of live.exchanges) {
      const sent = e.sentAuthorization;
      if (!sent || sent.name.toLowerCase() !== 'authorization') continue;
      const raw = sent.value.reveal();
      const key = `${e.credential}\u0000${raw.length}`;
      if (seen.has(key)) continue;
      const shown = shownAuthorization(raw);
      const tpl = template(raw);
      const v = readAuthValue(tpl);
      const path = e.transport === 'rest' ? new URL(e.url).pathname : '/v2';
      const said = e.status ? ` Clarifai answered ${e.status.code} ${e.status.description}.` : '';
      if (v.word.toLowerCase() === 'bearer') {
        if (isExtensionPath(path)) continue;
        seen.add(key);
        out.push(
          finding(meta, {
            id: 'headers/bearer-on-core-api',
            message: `The app sent \`${sent.name}: ${shown}\` to ${sentLabel(e)}: \`Bearer\` on Clarifai's core API, which expects \`Key\`.${said}`,
            fix: 'Send `Authorization: Key <token>`; keep `Bearer` only for the OpenAI-compatible /v2/ext/openai/v1 and /v2/ext/mcp/ routes.',
            location: exchangeLocation(e),
          }),
        );
        continue;
      }
      if (v.word === '' && v.rest.trim() === TOKEN) {
        seen.add(key);
        out.push(
          finding(meta, {
            id: 'headers/missing-scheme',
            message: `The app sent \`${sent.name}: ${shown}\` to ${sentLabel(e)}: the key alone, without the \`Key \` scheme word.${said}`,
            fix: 'Send `Authorization: Key <token>` (the word Key, one space, then the key).',
            location: exchangeLocation(e),
          }),
        );
        continue;
      }
      const problems = schemeProblems(tpl);
      if (problems.length === 0) continue;
      seen.add(key);
      out.push(
        finding(meta, {
          id: 'headers/scheme-format',
          message: `The app sent \`${sent.name}: ${shown}\` to ${sentLabel(e)}: ${problems.join('; ')}.${said}`,
          fix: 'Send exactly `Authorization: Key <token>` — the word Key with a capital K, one space, then the key, nothing around it.',
          location: exchangeLocation(e),
        }),
      );
    }
    return out;
  },
});
