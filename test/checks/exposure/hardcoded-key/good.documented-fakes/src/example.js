// Examples from the docs: placeholders, not keys.
const PAT = 'YOUR_PAT_HERE';
const API_KEY = '0123456789abcdef0123456789abcdef';
const DOCS_KEY = 'a123457612345678';
const TEST_KEY = 'f00dcafe1234567890abcdef0000test';
