// A validator for the OASIS SARIF 2.1.0 schema as Microsoft's SARIF SDK ships it (rtm.5, JSON Schema draft-04).
import { createRequire } from 'node:module';
import AjvModule from 'ajv-draft-04';

const schema = createRequire(import.meta.url)('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;

// The package is CommonJS with a default export; under NodeNext it arrives wrapped.
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as unknown as new (options: object) => import('ajv').default;

export function sarifValidator() {
  // unicodeRegExp off: one pattern in rtm.5 (language tags) has a stray `]` that only the u flag rejects.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:/iu.test(s) && URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}
