// Reports client code of a frontend app that reads the key from a variable its framework never puts in the browser bundle (no prefix, another framework's prefix, process.env under Vite): there it is undefined.
import { browserPrefix } from '../../scan/credential/sdk.js';
import { looksLikeSecretName } from '../../providers/clarifai/variables.js';
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { CodeSite } from '../../types/code-evidence.js';
import type { Finding } from '../../types/diagnostic.js';
import type { ClientBundle } from '../../types/evidence.js';
import { siteLocation, scrubFinding, where } from '../endpoint/lib/site.js';
import { accessOf, clientBundleOf, ships } from '../exposure/lib/bundle.js';

const meta: CheckMeta = {
  id: 'env/framework-never-exposes',
  category: 'env',
  severity: 'error',
  title: 'The framework never puts this variable in the browser',
  description:
    'A frontend build replaces only some variables in client code: Next.js `process.env.NEXT_PUBLIC_*`, Vite ' +
    '`import.meta.env.VITE_*` (Vite defines no `process.env` at all), Create React App `process.env.REACT_APP_*`, Expo ' +
    '`process.env.EXPO_PUBLIC_*`. Any other variable read in client code is undefined in the browser, however well the ' +
    '.env file sets it, so the request goes out as `Key undefined`. The fix is not the prefix, which would put the key ' +
    'in every visitor\'s browser: call Clarifai from server code that reads the variable from its own environment.',
};

function serverHint(b: ClientBundle): string {
  switch (b.tool) {
    case 'next':
      return 'an API route (pages/api/… or app/api/…/route.ts)';
    case 'expo':
      return 'an Expo Router API route (app/…+api.ts) or your backend';
    default:
      return 'a small backend or serverless function';
  }
}

export const check = defineCheck({
  meta,
  requires: ['code', 'loaders'],
  run({ evidence }) {
    const code = evidence.code;
    const bundles = evidence.loaders.bundles;
    if (!bundles?.length) return [];
    const out: Finding[] = [];
    const seen = new Set<string>();
    const judge = (read: CodeSite, file: string, names: readonly string[], at: CodeSite, related: CodeSite[]) => {
      const client = clientBundleOf(file, bundles, code.runtimes);
      if (!client || names.length === 0 || seen.has(`${read.file}:${read.line}`)) return;
      const b = client.bundle;
      if (names.some((n) => ships(b, n, accessOf(read.snippet, n)))) return;
      seen.add(`${read.file}:${read.line}`);
      const name = names[0]!;
      const access = accessOf(read.snippet, name);
      const other = browserPrefix(name);
      const plain = other ? name.slice(other.prefix.length) : name;
      const why =
        b.tool === 'vite' && access === 'process.env'
          ? 'Vite defines no process.env in the browser (only import.meta.env, and only its VITE_ variables)'
          : other && other.prefix !== b.prefix
            ? `${other.prefix} is ${other.tool}'s prefix, and ${b.label} puts only ${b.prefix} variables${b.tool === 'vite' ? ' read through import.meta.env' : ''} in the browser bundle`
            : name.startsWith(b.prefix)
              ? `${b.label} inlines ${b.prefix} variables only when they are read as ${b.access}.${name}`
              : `${b.label} puts only ${b.prefix} variables${b.tool === 'vite' ? ' read through import.meta.env' : ''} in the browser bundle`;
      out.push(
        finding(meta, {
          message: `${where(read)} reads ${name}${access ? ` through ${access}` : ''}, and ${file} is ${client.why} of ${b.tool === 'react-scripts' ? 'a Create React App project' : `a ${b.label} app`}, but ${why}: in the browser ${name} is undefined, so ${at === read ? 'the key' : `the request at ${where(at)}`} goes out as \`Key undefined\`.`,
          fix: `Call Clarifai from ${serverHint(b)} that reads ${plain} from its own environment, and have ${file} call that route instead. Renaming the variable to ${b.prefix}${plain} would make the call work by putting the key in every visitor's browser.`,
          location: siteLocation(at),
          related: related.map(siteLocation),
        }),
      );
    };
    const traced = new Set<string>();
    for (const use of code.credentials ?? []) {
      if (use.origin.kind !== 'env') continue;
      const read = use.trace.at(-1) ?? use;
      for (const t of use.trace) traced.add(`${t.file}:${t.line}`);
      judge(read, read.file, use.envNames, use, use.trace);
    }
    for (const r of code.envReads) {
      if (traced.has(`${r.file}:${r.line}`) || !/clarifai/iu.test(r.name) || !looksLikeSecretName(r.name)) continue;
      judge(r, r.file, [r.name], r, []);
    }
    return out.map(scrubFinding);
  },
});
