// Flags a Clarifai key that ships to the browser: read through a prefix the bundler inlines (REACT_APP_, VITE_, NEXT_PUBLIC_ …) or sent from browser code.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { CodeSite, CredentialUse } from '../../types/code-evidence.js';
import type { Finding } from '../../types/diagnostic.js';
import { browserPrefix } from '../../scan/credential/sdk.js';
import { looksLikeSecretName } from '../../providers/clarifai/variables.js';
import { siteLocation, scrubFinding, where } from '../endpoint/lib/site.js';
import { capPerFile, readAt } from '../env/lib/code-credentials.js';
import type { Evidence } from '../../types/evidence.js';
import { accessOf, bundleFor, clientBundleOf, ships } from './lib/bundle.js';

const meta: CheckMeta = {
  id: 'exposure/code-credential-browser',
  category: 'exposure',
  severity: 'error',
  title: 'Clarifai key shipped to the browser',
  description:
    'The key reaches code that runs in the browser: it is read through a variable prefix that the build inlines into the ' +
    'JavaScript it serves (REACT_APP_ for Create React App, VITE_ / import.meta.env for Vite, NEXT_PUBLIC_ for Next.js, ' +
    'EXPO_PUBLIC_, PUBLIC_, VUE_APP_, GATSBY_, NUXT_PUBLIC_), or the call to Clarifai is made from a component. Either ' +
    'way, for the call to work the key must be in the page, where any visitor can read it in the browser\'s developer ' +
    'tools and spend your quota. Call Clarifai from a backend instead.',
};

const FIX =
  'Move the Clarifai call to a backend or serverless function (an /api route) that reads CLARIFAI_PAT from its own ' +
  'environment (no public prefix), and have the browser call that route; then delete this key and create a new one ' +
  '(https://clarifai.com/me/settings/secrets), since every visitor could read it.';

function prefixReason(name: string): string | undefined {
  const p = browserPrefix(name);
  return p ? `${p.tool} inlines every ${p.prefix} variable into the JavaScript it serves` : undefined;
}

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const code = evidence.code;
    const server = new Set((code.runtimes ?? []).filter((r) => r.runtime === 'server').map((r) => r.file));
    const jsFile = (file: string) => /\.(?:[cm]?[jt]sx?|vue|svelte)$/iu.test(file);
    const out: Finding[] = [];
    const reported = new Set<string>();
    const report = (at: CodeSite, message: string, related: CodeSite[]) => {
      const key = `${at.file}:${at.line}`;
      if (reported.has(key)) return;
      reported.add(key);
      out.push(finding(meta, { message, fix: FIX, location: siteLocation(at), related: related.map(siteLocation) }));
    };
    const bundles = (evidence as Evidence).loaders?.bundles;
    for (const use of code.credentials ?? []) {
      const readFile = use.trace.at(-1)?.file ?? use.file;
      const readSite = use.trace.at(-1) ?? use;
      // In a known frontend app the framework's own rule decides (prefix, access, client part), not the prefix alone.
      const app = bundleFor(readFile, bundles);
      if (app && use.origin.kind === 'env') {
        const client = clientBundleOf(readFile, bundles, code.runtimes);
        const shipped = client ? use.envNames.filter((n) => ships(client.bundle, n, accessOf(readSite.snippet, n))) : [];
        if (client && shipped.length > 0) {
          report(use, `${where(use)} sends the Clarifai key from ${shipped[0]}${readAt(use)}: ${client.bundle.label} inlines every ${client.bundle.prefix} variable into the JavaScript it serves, and ${readFile} is ${client.why}, so every visitor can read the key.`, use.trace);
        }
        // Otherwise the browser gets no value (env/framework-never-exposes) or the read runs on the server.
        continue;
      }
      const exposed = use.origin.kind === 'env' ? use.envNames.filter((n) => prefixReason(n)) : [];
      if (exposed.length > 0 && jsFile(readFile) && !server.has(use.file) && !server.has(readFile)) {
        report(use, `${where(use)} sends the Clarifai key from ${exposed[0]}${readAt(use)}: ${prefixReason(exposed[0]!)}, so every visitor can read the key.`, use.trace);
      } else if (use.browser) {
        report(use, `${where(use)} sends the Clarifai key ${describe(use)} from browser code (${use.browser}): for the call to work the key must be in the page, so every visitor can read it.`, use.trace);
      }
    }
    // A Clarifai credential read under a public prefix is shipped even when the scan cannot follow it to the call.
    const traced = new Set((code.credentials ?? []).flatMap((u) => u.trace.map((t) => `${t.file}:${t.line}`)));
    for (const r of code.envReads) {
      if (traced.has(`${r.file}:${r.line}`)) continue;
      if (!/clarifai/iu.test(r.name) || !looksLikeSecretName(r.name)) continue;
      if (bundleFor(r.file, bundles)) {
        const client = clientBundleOf(r.file, bundles, code.runtimes);
        if (client && ships(client.bundle, r.name, accessOf(r.snippet, r.name))) {
          report(r, `${where(r)} reads the Clarifai key from ${r.name}: ${client.bundle.label} inlines every ${client.bundle.prefix} variable into the JavaScript it serves, and ${r.file} is ${client.why}, so every visitor can read the key.`, []);
        }
        continue;
      }
      if (!jsFile(r.file) || server.has(r.file) || !/clarifai/iu.test(r.name) || !looksLikeSecretName(r.name) || !prefixReason(r.name)) continue;
      report(r, `${where(r)} reads the Clarifai key from ${r.name}: ${prefixReason(r.name)}, so every visitor can read the key.`, []);
    }
    return capPerFile(meta, out).map(scrubFinding);
  },
});

function describe(use: CredentialUse): string {
  switch (use.origin.kind) {
    case 'env':
      return `(${use.envNames.join(' / ')}${readAt(use)})`;
    case 'literal':
      return '(written into the code)';
    default:
      return `(${use.expression || use.via})`;
  }
}
