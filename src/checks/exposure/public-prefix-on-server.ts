// Notes a Clarifai key under a framework's public prefix (NEXT_PUBLIC_, VITE_ …) that only server code reads: not shipped today, but one client-side read away from it.
import { looksLikeSecretName } from '../../providers/clarifai/variables.js';
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { siteLocation, scrubFinding, where } from '../endpoint/lib/site.js';
import { bundleFor, clientBundleOf } from './lib/bundle.js';

const meta: CheckMeta = {
  id: 'exposure/public-prefix-on-server',
  category: 'exposure',
  severity: 'info',
  title: 'A public prefix on a key only the server reads',
  description:
    'The key is read under the prefix that tells the framework to put a variable in the browser bundle ' +
    '(NEXT_PUBLIC_CLARIFAI_PAT), but only server code reads it (an API route), so it is not shipped today. The prefix ' +
    'says the opposite of what is meant: the first client component that reads it ships the key to every visitor. ' +
    'Server code does not need the prefix.',
};

export const check = defineCheck({
  meta,
  requires: ['code', 'loaders'],
  run({ evidence }) {
    const code = evidence.code;
    const bundles = evidence.loaders.bundles;
    const reads = code.envReads.filter((r) => /clarifai/iu.test(r.name) && looksLikeSecretName(r.name));
    const out: Finding[] = [];
    const names = new Set(reads.map((r) => r.name));
    for (const name of names) {
      const mine = reads.filter((r) => r.name === name);
      const apps = mine.map((r) => bundleFor(r.file, bundles));
      const app = apps[0];
      // Every read is in the same app, under its prefix, and none of them is client code.
      if (!app || !name.startsWith(app.prefix) || apps.some((a) => a !== app) || mine.some((r) => clientBundleOf(r.file, bundles, code.runtimes))) continue;
      const plain = name.slice(app.prefix.length);
      out.push(
        finding(meta, {
          message: `${name} is read only by server code (${mine.map(where).join(', ')}), so ${app.label} does not ship it today; but ${app.prefix} tells ${app.label} to put it in the browser bundle the moment a client file reads it.`,
          fix: `Rename ${name} to ${plain} in the .env files and at ${mine.map(where).join(', ')}: server code reads unprefixed variables.`,
          location: siteLocation(mine[0]!),
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
