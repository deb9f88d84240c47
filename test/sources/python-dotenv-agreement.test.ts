// Proves keydoctor's python-dotenv model agrees with the real python-dotenv (Debian's python3-dotenv): the same
// statements, the same dotenv_values with and without interpolation, on generated files full of its traps
// (BOM, CRLF, lone CR, quotes and escapes, inline comments, `export`, `${VAR:-default}`, Python-only whitespace).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { parsePythonDotenv, pythonDotenvValues, pythonText } from '../../src/sources/loaders/python-dotenv.js';

const PYTHON = '/usr/bin/python3';
const hasDotenv = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import dotenv'], { stdio: 'ignore' }).status === 0;
// In CI the oracle must be there (.ci/run installs it): a missing one fails instead of skipping.
const skip = hasDotenv || process.env.CI ? false : 'needs /usr/bin/python3 with python3-dotenv (.ci/run installs it)';

/** Writes each text to a file (bytes as UTF-8) and asks python-dotenv what it makes of it, through load paths as the app would. */
const SCRIPT = String.raw`
import json, os, sys, tempfile
from dotenv import dotenv_values
from dotenv.parser import parse_stream
texts = json.load(sys.stdin)
out = []
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, '.env')
    for t in texts:
        with open(path, 'wb') as f:
            f.write(t.encode('utf-8'))
        with open(path, encoding='utf-8') as f:
            bindings = [[b.key, b.value, b.error] for b in parse_stream(f)]
        out.append({
            'bindings': bindings,
            'plain': list(dotenv_values(path, interpolate=False).items()),
            'interpolated': list(dotenv_values(path).items()),
        })
print(json.dumps({'environ': dict(os.environ), 'results': out}))
`;

const FRAGMENTS = [
  'CLARIFAI_PAT', 'A', 'b_2', 'export ', 'export\t', '=', ' = ', '==', '#', ' #', ' # c', "'", '"', '\\', "\\'", '\\"', '\\n', '\\t', '\\a',
  ' ', '\t', '\n', '\r\n', '\r', '${A}', '${B:-d}', '${', '}', ':-', '$A', 'é', '\uFEFF', '\u00A0', '\u0085', '\u001C', '\u2028', '\u3000',
  'value', 'x y', "'q'", '"dq"', '"a\nb"', 'KEY=1', '\n\n',
];

const text = fc
  .array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ maxLength: 3 }) }), { maxLength: 40 })
  .map((parts) => parts.join(''))
  // Lone surrogates cannot be written as UTF-8; Python would never see them.
  .filter((t) => !/[\uD800-\uDFFF]/u.test(t.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/gu, "")));

test('generated .env files: parse_stream and dotenv_values agree with the real python-dotenv', { skip }, () => {
  const seed = Date.now() % 2 ** 31;
  const texts = [
    '\uFEFFCLARIFAI_PAT=abc\n',
    'CLARIFAI_PAT=abc\r\nB="x\r\ny"\r\n',
    "export A='a\\'b' # c\nB=${A}${C:-def}\n",
    ...fc.sample(text, { numRuns: 400, seed }),
  ];
  const run = spawnSync(PYTHON, ['-c', SCRIPT], { input: JSON.stringify(texts), encoding: 'utf8', env: { LC_ALL: 'C.UTF-8' }, maxBuffer: 64 * 1024 * 1024 });
  assert.equal(run.status, 0, run.stderr);
  const { environ, results } = JSON.parse(run.stdout) as {
    environ: Record<string, string>;
    results: { bindings: [string | null, string | null, boolean][]; plain: [string, string | null][]; interpolated: [string, string | null][] }[];
  };
  texts.forEach((t, i) => {
    const label = `seed ${seed}, case ${i}: ${JSON.stringify(t)}`;
    const read = pythonText(Buffer.from(t, 'utf8'));
    assert.ok(read.ok, label);
    const mine = parsePythonDotenv(read.text).map((b) => [b.key, b.value, b.error]);
    assert.deepEqual(mine, results[i]!.bindings, label);
    assert.deepEqual([...pythonDotenvValues(read.text, { interpolate: false })], results[i]!.plain, label);
    assert.deepEqual([...pythonDotenvValues(read.text, { override: true, environ })], results[i]!.interpolated, label);
  });
});

test('the BOM: python-dotenv names the first variable \\ufeffCLARIFAI_PAT, so CLARIFAI_PAT is not set', () => {
  const read = pythonText(Buffer.from('\uFEFFCLARIFAI_PAT=abc\nCLARIFAI_USER_ID=me\n', 'utf8'));
  assert.ok(read.ok);
  assert.deepEqual([...pythonDotenvValues(read.text).keys()], ['\uFEFFCLARIFAI_PAT', 'CLARIFAI_USER_ID']);
});

test('invalid UTF-8 is an error python-dotenv raises, not a value', () => {
  const read = pythonText(Buffer.from([0x41, 0x3d, 0xff, 0x0a]));
  assert.equal(read.ok, false);
});
