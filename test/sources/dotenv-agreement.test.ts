// Proves the locator agrees with dotenv: for every fixture .env in the repository, and for generated files,
// every name dotenv.parse returns is located, and the last located value of each name is dotenv's value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import dotenv from 'dotenv';
import fc from 'fast-check';
import { parseEnvText } from '../../src/sources/dotenv-file.js';

const ROOT = new URL('../', import.meta.url).pathname;

/** Dotenv-family files anywhere under test/ (fixtures of every check), regular files only. */
function fixtureEnvFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : fixtureEnvFiles(path);
    return /^\.?env(?:[.\-_ ].*)?$/iu.test(e.name) && !/\.(?:[cm]?[jt]sx?|json|py)$/iu.test(e.name) && statSync(path).isFile() ? [path] : [];
  });
}

function assertAgrees(bytes: Buffer, label: string): void {
  const expected = dotenv.parse(bytes);
  const { entries, parsed, lines } = parseEnvText(bytes);
  assert.deepEqual(parsed, expected, label);
  const last = new Map<string, string>();
  for (const e of entries) {
    last.set(e.name, e.value);
    assert.ok(lines[e.line - 1]!.slice(e.column - 1).startsWith(e.name), `${label}: ${e.name} is not at ${e.line}:${e.column}`);
  }
  assert.deepEqual(Object.fromEntries([...last].sort()), Object.fromEntries(Object.entries(expected).sort()), label);
}

test('every fixture .env in the repository: located values equal dotenv.parse', () => {
  const files = fixtureEnvFiles(ROOT);
  assert.ok(files.length >= 50, `expected many fixture .env files, found ${files.length}`);
  for (const file of files) assertAgrees(readFileSync(file), file.slice(ROOT.length));
});

test('generated files full of quoting, comment and line-ending traps: located values equal dotenv.parse', () => {
  const name = fc.constantFrom('A', 'B', 'CLARIFAI_PAT', 'x.y', 'a-b', 'export', 'exportA');
  const value = fc.array(fc.constantFrom('v', ' ', '#', '"', "'", '`', '\\', '=', ':', 'é', '\n', 'B=1', '\\n'), { maxLength: 6 }).map((a) => a.join(''));
  const line = fc.oneof(
    fc.tuple(fc.constantFrom('', ' ', 'export ', '\t'), name, fc.constantFrom('=', ' = ', ': ', ':', ' '), value).map((p) => p.join('')),
    fc.constantFrom('', '# c', '   ', 'garbage', '"', '"quoted"', 'A="multi', 'line"', '\uFEFF'),
  );
  const file = fc.tuple(fc.array(line, { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r')).map(([ls, eol]) => ls.join(eol));
  fc.assert(
    fc.property(file, (text) => assertAgrees(Buffer.from(text), JSON.stringify(text))),
    { numRuns: 2000 },
  );
});

test('property: any text or bytes at all, including invalid UTF-8 and lone CRs: located values equal dotenv.parse', () => {
  const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 })).map((t) => Buffer.from(t));
  const bytes = fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b));
  // Assignments glued to arbitrary noise: the located names must still agree where dotenv finds them.
  const noisy = fc
    .array(fc.oneof(fc.constantFrom('CLARIFAI_PAT=3f9a6d0c8b7e4a2190f1c3d5e7b90000', 'A="x', 'B=\'y\'', 'export C=1', '\n', '\r', '#', '=', '"'), fc.string({ unit: 'binary', maxLength: 5 })), { maxLength: 30 })
    .map((p) => Buffer.from(p.join('')));
  fc.assert(
    fc.property(fc.oneof(text, bytes, noisy), (b) => assertAgrees(b, JSON.stringify(b.toString('latin1')))),
    { numRuns: 4000 },
  );
});
