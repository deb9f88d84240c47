// The report tells the story in causal order: over every broken fixture project, the first ✗ printed is the root the
// summary names, no root follows from another finding, and the summary's counts are the Result's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { diagnose, type Result } from '../../src/core/diagnose.js';
import { reportOf } from '../../src/reporters/report.js';
import { terminalReporter } from '../../src/reporters/terminal.js';
import { jsonReporter } from '../../src/reporters/json.js';
import { causeLinks } from '../../src/checks/consequences.js';
import { DEMO_STALE_PAT } from '../../src/cli/commands/demo.js';

const CHECKS = resolve('test/checks');

function badFixtures(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (!e.isDirectory()) return [];
    const p = join(dir, e.name);
    return e.name.startsWith('bad.') ? [p] : e.name.startsWith('good.') ? [] : badFixtures(p);
  });
}

async function run(dir: string): Promise<Result> {
  const envPath = join(dir, 'env.json');
  const env = existsSync(envPath) ? (JSON.parse(readFileSync(envPath, 'utf8')) as Record<string, string>) : {};
  return diagnose({ projectDir: dir, cwd: dir, env, scanWorkers: 0 });
}

/** The text a user reads at 80 columns, without colour. */
function render(result: Result, verbose = false): string {
  return terminalReporter(reportOf(result), { color: false, unicode: true, width: 80, verbose });
}

/** The first line of a finding as printed: its marker, then the start of its sentence. */
function head(f: { severity: string; message: string }): string {
  const sym = f.severity === 'error' ? '✗' : f.severity === 'warning' ? '!' : 'i';
  return `${sym} ${f.message.split(' ').slice(0, 4).join(' ')}`;
}

function assertStory(name: string, result: Result): void {
  const text = render(result);
  const { summary, findings } = result;
  const links = causeLinks(findings);
  // Counts: the summary is the Result's, and every error of the Result is printed once with its ✗.
  const blocking = findings.filter((f) => f.severity === 'error' && f.category !== 'exposure').length;
  assert.equal(summary.blocking, blocking, name);
  assert.equal(text.split('\n').filter((l) => /^ {2}✗ |^ {4}↳ ✗ /u.test(l)).length, summary.errors, `${name}: one ✗ per error\n${text}`);
  const said = /^(\d+) problems? will make Clarifai reject the request/mu.exec(text);
  assert.equal(said ? Number(said[1]) : 0, summary.blocking, `${name}: the summary line counts the blocking findings\n${text}`);
  const exposed = /^(\d+) credentials? (?:is|are) exposed/mu.exec(text);
  assert.equal(exposed ? Number(exposed[1]) : 0, summary.exposures, `${name}: exposures\n${text}`);
  // Read unwrapped too, so a sentence that starts with a long URL is still recognised by its first words.
  const unwrapped = terminalReporter(reportOf(result), { color: false, unicode: true });
  const firstFail = unwrapped.split('\n').find((l) => l.includes('✗'));
  if (summary.rootCause === undefined) {
    // Nothing blocks: the first ✗, if any, is an exposure, never a consequence.
    assert.equal(blocking, 0, name);
    return;
  }
  const root = findings[summary.rootCause]!;
  assert.equal(links[summary.rootCause], undefined, `${name}: the root ${root.id} follows from another finding`);
  assert.ok(firstFail?.trimStart().startsWith(head(root)), `${name}: the first ✗ is not the root ${root.id}:\n${text}`);
  assert.match(unwrapped, new RegExp(`^Fix first: the first ✗ above, \\[${root.id}\\]`, 'mu'), `${name}: "Fix first" names ${root.id}`);
}

test('every broken fixture project: the first ✗ is the root the summary names, and the counts match the Result', async () => {
  const dirs = badFixtures(CHECKS);
  assert.ok(dirs.length >= 150, `only ${dirs.length} fixture projects found`);
  let withChains = 0;
  for (const dir of dirs) {
    const result = await run(dir);
    assertStory(relative(CHECKS, dir), result);
    if (causeLinks(result.findings).some((l) => l !== undefined)) withChains++;
  }
  // The bundled demo project, offline, with the stale shell value the demo injects.
  const demo = resolve('examples/demo-project');
  assertStory('examples/demo-project', await diagnose({ projectDir: demo, cwd: demo, env: { CLARIFAI_PAT: DEMO_STALE_PAT }, scanWorkers: 0 }));
  // The test means something only if chains are common among them.
  assert.ok(withChains >= 40, `only ${withChains} fixtures have a folded consequence`);
});

/**
 * Projects where the cause is known: the root to fix first, and each consequence with the root it must be folded
 * under ('-' for a finding that must stay a root of its own).
 */
const LABELLED: { fixture: string; root: string; folded: Record<string, string> }[] = [
  { fixture: 'env/near-miss-name/bad.clarifiai-typo', root: 'env/near-miss-name', folded: { 'env/no-credential': 'env/near-miss-name' } },
  { fixture: 'env/near-miss-name/bad.lowercase', root: 'env/near-miss-name', folded: { 'env/no-credential': 'env/near-miss-name' } },
  { fixture: 'env/near-miss-name/bad.typo-in-shell', root: 'env/near-miss-name', folded: { 'env/no-credential': 'env/near-miss-name' } },
  { fixture: 'env/ignored-line/bad.fish', root: 'env/ignored-line', folded: { 'env/no-credential': 'env/ignored-line' } },
  { fixture: 'env/ignored-line/bad.windows-set', root: 'env/ignored-line', folded: { 'env/no-credential': 'env/ignored-line' } },
  { fixture: 'env/ignored-line/bad.export-without-space', root: 'env/ignored-line', folded: { 'env/no-credential': 'env/ignored-line', 'exposure/env-file-committed': '-' } },
  // The unclosed quote damages CLARIFAI_USER_ID, not the key: "no credential" is a root of its own.
  { fixture: 'env/unclosed-quote/bad.unclosed-single', root: 'env/unclosed-quote', folded: { 'env/no-credential': '-' } },
  { fixture: 'env/unclosed-quote/bad.swallows-next-lines', root: 'env/unclosed-quote', folded: { 'key/whitespace': 'env/unclosed-quote', 'key/wrong-format': 'env/unclosed-quote' } },
  { fixture: 'key/wrapping-quotes/bad.mismatched', root: 'env/unclosed-quote', folded: { 'key/wrapping-quotes': 'env/unclosed-quote' } },
  { fixture: 'env/inline-comment/bad.hash-inside-key', root: 'env/inline-comment', folded: { 'key/wrong-format': 'env/inline-comment' } },
  { fixture: 'env/invalid-utf8/bad.latin1-value', root: 'env/invalid-utf8', folded: { 'key/wrong-format': 'env/invalid-utf8' } },
  { fixture: 'env/sourced-crlf/bad.run-script', root: 'env/sourced-crlf', folded: { 'key/whitespace': 'env/sourced-crlf' } },
  { fixture: 'headers/undefined-value/bad.js-nothing-defines', root: 'env/no-credential', folded: { 'headers/undefined-value': 'env/no-credential' } },
  { fixture: 'env/loader-misses-file/bad.node-config-subfolder', root: 'env/loader-misses-file', folded: { 'headers/undefined-value': 'env/loader-misses-file' } },
  { fixture: 'env/nothing-loads-file/bad.node-never-loads', root: 'env/nothing-loads-file', folded: { 'headers/undefined-value': 'env/nothing-loads-file' } },
  { fixture: 'env/code-credential-unset/bad.js-reads-api-key', root: 'env/code-credential-unset', folded: { 'headers/undefined-value': 'env/code-credential-unset' } },
  // A typo in the host is its own problem; the missing key explains only `Key undefined`.
  { fixture: 'endpoint/host-typo/bad.python-clarifia', root: 'endpoint/host-typo', folded: { 'env/no-credential': '-', 'headers/undefined-value': 'env/no-credential' } },
  { fixture: 'headers/grpc-metadata-case/bad.python-capitalised', root: 'env/nothing-loads-file', folded: { 'headers/undefined-value': 'env/nothing-loads-file', 'headers/grpc-metadata-case': '-' } },
  // On the line that ships the key to browsers, "define the variable" is no fix: the exposure is that line's root.
  { fixture: 'exposure/code-credential-browser/bad.vite-import-meta', root: 'env/no-credential', folded: { 'headers/undefined-value': 'exposure/code-credential-browser' } },
];

for (const { fixture, root, folded } of LABELLED) {
  test(`${fixture}: ${root} comes first, its consequences folded under it`, async () => {
    const result = await run(join(CHECKS, fixture));
    const { findings, summary } = result;
    assert.equal(summary.rootCause !== undefined ? findings[summary.rootCause]!.id : undefined, root, JSON.stringify(findings.map((f) => f.id)));
    assertStory(fixture, result);
    const links = causeLinks(findings);
    for (const [consequence, expected] of Object.entries(folded)) {
      const i = findings.findIndex((f) => f.id === consequence);
      assert.ok(i >= 0, `${fixture}: no ${consequence} in ${JSON.stringify(findings.map((f) => f.id))}`);
      const link = links[i];
      assert.equal(link === undefined ? '-' : findings[link]!.id, expected, `${fixture}: ${consequence}`);
    }
    // The JSON carries the same links, additively.
    const json = JSON.parse(jsonReporter(reportOf(result), { color: false, unicode: false })) as { findings: { id: string; causedBy?: number }[] };
    json.findings.forEach((f, i) => assert.equal(f.causedBy, links[i], `${fixture}: causedBy of ${f.id}`));
    // Folded consequences print after their root, marked ↳, and with no fix of their own by default.
    const text = render(result);
    for (const [consequence, expected] of Object.entries(folded)) {
      if (expected === '-') continue;
      const f = findings.find((x) => x.id === consequence)!;
      const at = text.indexOf(`[${consequence}]`);
      assert.ok(at > text.indexOf(`[${expected}]`), `${fixture}: ${consequence} printed before its root\n${text}`);
      assert.match(text, new RegExp(`↳ ${f.severity === 'error' ? '✗' : '!'} because of the above: `, 'u'));
    }
  });
}
