// Flags `@grpc/grpc-js` required directly next to clarifai-nodejs-grpc, whose README warns this breaks auth metadata.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import { familyOf, siteLocation, where, scrubFinding } from '../endpoint/lib/site.js';

const meta: CheckMeta = {
  id: 'headers/separate-grpc-js',
  category: 'headers',
  severity: 'warning',
  title: '@grpc/grpc-js required directly next to clarifai-nodejs-grpc',
  description:
    'clarifai-nodejs-grpc bundles its own @grpc/grpc-js. A `grpc.Metadata` built from a separately required copy of a ' +
    "different version is not recognised by the stub, so the authorization metadata is lost and Clarifai answers 11102 " +
    '"Empty or malformed authorization header" (the package README warns about it; clarifai-nodejs-grpc#9).',
};

const GRPC_JS = new Set(['@grpc/grpc-js', 'grpc']);

export const check = defineCheck({
  meta,
  requires: ['code'],
  run({ evidence }) {
    const code = evidence.code;
    const jsImports = code.imports.filter((i) => familyOf(i.file) === 'js');
    const clarifai = jsImports.filter((i) => i.module === 'clarifai-nodejs-grpc' || i.module.startsWith('clarifai-nodejs-grpc/'));
    if (clarifai.length === 0) return [];
    const metadataFiles = new Set(code.authHeaders.filter((h) => h.transport === 'grpc-metadata').map((h) => h.file));
    const out: Finding[] = [];
    for (const site of jsImports) {
      if (!GRPC_JS.has(site.module)) continue;
      // The README's warning is about grpc.Metadata: a file that builds no authorization metadata (a gRPC server,
      // a health check) is not affected by which grpc-js it requires.
      if (!metadataFiles.has(site.file)) continue;
      const stub = clarifai.find((c) => c.file === site.file) ?? clarifai[0]!;
      out.push(
        finding(meta, {
          message: `${where(site)} requires \`${site.module}\` directly while ${where(stub)} uses clarifai-nodejs-grpc, so the auth metadata may come from a different grpc-js than the stub's.`,
          fix: "Remove that require and take grpc from Clarifai's package: `const { ClarifaiStub, grpc } = require('clarifai-nodejs-grpc');` (or `import { grpc } from 'clarifai-nodejs-grpc'`).",
          location: siteLocation(site),
          related: [siteLocation(stub)],
        }),
      );
    }
    return out.map(scrubFinding);
  },
});
