// Extractors on megabytes of the pattern that once made them quadratic: each must still find the fact at the very
// end, at the right position. (Before the fixes, 1.7 MB of `} = process.env;` took 65 s, so 4 MB would run into the
// test timeout if that came back; a 4 MB Python line took 3 s. Nothing about time is asserted.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../scan/helpers.js';

const END_JS = 'const { CLARIFAI_PAT } = process.env;';

test('4 MB of `} = process.env;` (one line, and one per line) still finds the destructured read at the end', () => {
  for (const [label, filler] of [['one line', '} = process.env; '], ['one per line', '} = process.env;\n']] as const) {
    const text = filler.repeat(Math.ceil((4 * 1024 * 1024) / filler.length)) + END_JS;
    const facts = extract(text, 'js');
    const read = facts.envReads.find((r) => r.name === 'CLARIFAI_PAT');
    const lines = text.split('\n');
    assert.ok(read, label);
    assert.equal(read.line, lines.length, label);
    assert.equal(lines[read.line - 1]!.slice(read.column - 1, read.column - 1 + 'CLARIFAI_PAT'.length), 'CLARIFAI_PAT', label);
  }
});

test('a 4 MB single line of Python full of Clarifai URLs: every URL found, the last one at its column', () => {
  // No other strings on the line: the extractor looks back 2,000 characters for the opening quote, and must not start inside one.
  const chunk = `requests.get("https://api.clarifai.com/v2/models", headers=h); s = ${'q'.repeat(300)}; `;
  const count = Math.ceil((4 * 1024 * 1024) / chunk.length);
  const text = `${chunk.repeat(count)}requests.get("https://api.clarifai.com/v2/users/me")`;
  const facts = extract(text, 'python');
  assert.equal(facts.urls.length, count + 1);
  const last = facts.urls.at(-1)!;
  assert.equal(last.url, 'https://api.clarifai.com/v2/users/me');
  assert.equal(text.slice(last.column - 1, last.column), '"');
  assert.equal(last.line, 1);
});
