// Flags Clarifai keys that a past commit added and the working tree no longer holds: removing a key does not unpublish it.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { HistoryKey } from '../../types/code-evidence.js';
import type { Finding } from '../../types/diagnostic.js';
import type { FileLocation } from '../../types/location.js';
import { siteLocation, scrubFinding } from '../endpoint/lib/site.js';
import { clarifaiLiterals, isClarifaiId, isDocumentedFake, isKeyShaped, KEY_LIKE_NAME, keyOwner, ownerLabel, rotateAt } from './hardcoded-key.js';

const meta: CheckMeta = {
  id: 'exposure/key-in-history',
  category: 'exposure',
  severity: 'error',
  title: 'Clarifai key in git history',
  description:
    'A key committed once stays in every clone, fork and mirror of the repository after the line is deleted: `git log -p` ' +
    'shows it, and secret scanners read history too. Deleting the line does not make the key safe; deleting the key does. ' +
    'Read by `keydoctor scan --history`; keys still in the working tree are exposure/hardcoded-key findings instead.',
};

/** The same rules as exposure/hardcoded-key: key-shaped, not a documented fake or a Clarifai id, Clarifai context or a key-like name. */
function reportable(k: HistoryKey, value: string): boolean {
  if (!isKeyShaped(value) || isDocumentedFake(value) || isClarifaiId(k, value)) return false;
  return k.clarifaiContext || (k.boundTo !== undefined && KEY_LIKE_NAME.test(k.boundTo));
}

function commitText(k: HistoryKey): string {
  return `commit ${k.commit} (${k.date})`;
}

export const check = defineCheck({
  meta,
  requires: ['env', 'code'],
  run({ evidence }) {
    const history = evidence.code.history;
    if (!history) return [];
    // In the working tree still: exposure/hardcoded-key (code) or exposure/env-file-committed (tracked .env) says so.
    const present = new Set<string>(evidence.code.keyLiterals.map((k) => k.value.reveal().trim()));
    for (const file of evidence.env.files) if (file.gitTracked) for (const e of file.entries) present.add(e.value.trim());
    const inUse = new Map<string, string>();
    for (const file of evidence.env.files) for (const e of file.entries) inUse.set(e.value.trim(), `${file.display} line ${e.line}`);
    for (const [name, value] of Object.entries(evidence.env.shell)) if (typeof value === 'string') inUse.set(value.trim(), `${name} in your shell`);

    const sent = clarifaiLiterals(evidence.code.credentials);
    const byValue = new Map<string, HistoryKey[]>();
    for (const k of history.keys) {
      const value = k.value.reveal().trim();
      if (present.has(value) || !reportable(k, value)) continue;
      const list = byValue.get(value);
      if (list) list.push(k);
      else byValue.set(value, [k]);
    }
    const out: Finding[] = [];
    for (const [value, sites] of byValue) {
      // The oldest commit first: that is when the key became public.
      sites.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      const first = sites[0]!;
      const others = sites.length - 1;
      const still = inUse.get(value);
      const related: FileLocation[] = sites.slice(1, 6).map(siteLocation);
      // The site with the most telling name decides whose key it is (a Clarifai name anywhere makes it Clarifai's).
      const owners = sites.map((k) => keyOwner(k, value, sent));
      const owner = owners.find((o) => o.kind === 'clarifai') ?? owners.find((o) => o.kind === 'service') ?? owners[0]!;
      out.push(
        finding(meta, {
          severity: sites.some((s) => s.clarifaiContext) && owner.kind !== 'service' ? 'error' : 'warning',
          message:
            `${ownerLabel(owner)} (${first.value}) was committed to ${first.file}:${first.line} in ${commitText(first)}` +
            `${others > 0 ? ` and ${others} other place${others > 1 ? 's' : ''}` : ''} and is no longer in the files, but git history still holds it for anyone with a clone` +
            `${still ? `; the same key is still set in ${still}` : ''}.`,
          fix:
            `Rotate it: ${rotateAt(owner)}, and set the new one where the app reads it; then` +
            ', if you want it out of history too, rewrite it (git filter-repo --replace-text) and force-push — ' +
            'rewriting alone does not help, clones and forks keep the old commits.',
          location: siteLocation(first),
          ...(related.length > 0 ? { related } : {}),
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
