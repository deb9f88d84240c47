import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../../src/checks/env/code-near-miss.js';
import { code, env, envRead, header, run } from '../../endpoint/helpers.js';

test('the code reads a typo while .env defines the real name: both places named, the code is the fix', () => {
  const found = run(
    check,
    code({
      envReads: [envRead('src/app.js', 4, 'CLARIFIAI_API_KEY'), envRead('src/other.js', 9, 'CLARIFIAI_API_KEY')],
      authHeaders: [header('src/app.js', 5, 'Authorization', 'Key ${process.env.CLARIFIAI_API_KEY}', { envNames: ['CLARIFIAI_API_KEY'] })],
    }),
    env({}, '# keys\nCLARIFAI_API_KEY=3f9a6d0c8b7e4a2190f1c3d5e7b90000\n'),
  );
  assert.equal(found.length, 1);
  const f = found[0]!;
  assert.equal(f.id, 'env/code-near-miss');
  assert.equal(f.severity, 'error');
  assert.match(f.message, /src\/app\.js:4 reads CLARIFIAI_API_KEY, which nothing defines, while \.env:2 defines CLARIFAI_API_KEY/u);
  assert.match(f.message, /Authorization header built at src\/app\.js:5/u);
  assert.match(f.fix, /`process\.env\.CLARIFAI_API_KEY` at src\/app\.js:4, src\/other\.js:9/u);
  assert.deepEqual(f.related?.[0], { env: 'CLARIFAI_API_KEY', source: '.env', line: 2 });
});

test('silent when the read name is defined, when nothing close is defined, and without code evidence', () => {
  const reads = code({ envReads: [envRead('app.py', 2, 'CLARIFAI_PAT')] });
  assert.deepEqual(run(check, reads, env({ CLARIFAI_PAT: 'x' })), []);
  assert.deepEqual(run(check, reads, env({ UNRELATED_NAME: 'x' })), []);
  assert.deepEqual(run(check, undefined, env({ CLARIFAI_PAT: 'x' })), []);
});

test('a defined near miss that nothing expects is env/near-miss-name\'s case, not this one', () => {
  // The code reads CLARIFAI_PAT (expected); .env has CLARIFAI_PATT (a slip for it): the definition is wrong.
  assert.deepEqual(run(check, code({ envReads: [envRead('app.py', 2, 'CLARIFAI_PAT')] }), env({}, 'CLARIFAI_PATT=x\n')), []);
});

test('Python reads get a Python fix', () => {
  const found = run(check, code({ envReads: [envRead('app.py', 2, 'CLARIFAI_PAY')] }), env({}, 'CLARIFAI_PAT=x\n'));
  assert.equal(found.length, 1);
  assert.match(found[0]!.fix, /os\.environ\["CLARIFAI_PAT"\]/u);
});
