// The manifest and lockfile readers: each format, Clarifai packages only, with their lines; broken files give nothing, not errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { manifestFormat, readManifest } from '../../../src/scan/manifests/index.js';
import { gatherCodeEvidence } from '../../../src/scan/index.js';
import { tree } from '../helpers.js';

const pick = (file: string, text: string) => readManifest(file, text).map((d) => `${d.ecosystem} ${d.name} ${d.spec}${d.locked ? ' locked' : ''} @${d.line}`);

test('file names map to formats; other files are not manifests', () => {
  assert.equal(manifestFormat('web/package.json'), 'package.json');
  assert.equal(manifestFormat('npm-shrinkwrap.json'), 'package-lock');
  assert.equal(manifestFormat('requirements-dev.txt'), 'requirements');
  assert.equal(manifestFormat('requirements/base.in'), 'requirements');
  assert.equal(manifestFormat('Pipfile'), 'pipfile');
  assert.equal(manifestFormat('uv.lock'), 'toml-lock');
  assert.equal(manifestFormat('pnpm-lock.yaml'), 'pnpm-lock');
  assert.equal(manifestFormat('src/app.js'), undefined);
  assert.equal(manifestFormat('notes.txt'), undefined);
});

test('package.json: dependency maps only, with the line; the project name and scripts are not dependencies', () => {
  const text = '{\n  "name": "clarifai",\n  "scripts": { "clarifai": "node x" },\n  "dependencies": {\n    "clarifai": "^2.9.1"\n  },\n  "devDependencies": { "clarifai-nodejs": "0.4.0" }\n}\n';
  assert.deepEqual(pick('package.json', text), ['npm clarifai ^2.9.1 @5', 'npm clarifai-nodejs 0.4.0 @7']);
});

test('npm lockfiles: v2/v3 packages and v1 dependencies, top level only', () => {
  const v3 = JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/clarifai': { version: '2.9.1' }, 'node_modules/x/node_modules/clarifai-nodejs': { version: '0.1.0' } } }, null, 2);
  assert.deepEqual(pick('package-lock.json', v3), ['npm clarifai 2.9.1 locked @5']);
  const v1 = JSON.stringify({ lockfileVersion: 1, dependencies: { clarifai: { version: '2.8.0' } } }, null, 2);
  assert.deepEqual(pick('package-lock.json', v1), ['npm clarifai 2.8.0 locked @4']);
});

test('yarn.lock (classic and Berry) and pnpm-lock.yaml', () => {
  const classic = '# yarn lockfile v1\n\n\n"clarifai@^2.9.0", clarifai@^2.9.1:\n  version "2.9.1"\n  resolved "https://registry.yarnpkg.com/clarifai/-/clarifai-2.9.1.tgz"\n\nclarifai-nodejs@^0.4.0:\n  version "0.4.0"\n';
  assert.deepEqual(pick('yarn.lock', classic), ['npm clarifai 2.9.1 locked @4', 'npm clarifai-nodejs 0.4.0 locked @8']);
  const berry = '__metadata:\n  version: 6\n\n"clarifai@npm:^2.9.1":\n  version: 2.9.1\n  resolution: "clarifai@npm:2.9.1"\n';
  assert.deepEqual(pick('yarn.lock', berry), ['npm clarifai 2.9.1 locked @4']);
  const pnpm = "lockfileVersion: '9.0'\n\npackages:\n\n  clarifai@2.9.1:\n    resolution: {integrity: sha512-x}\n\n  /clarifai-nodejs@0.4.0:\n    dev: false\n";
  assert.deepEqual(pick('pnpm-lock.yaml', pnpm), ['npm clarifai 2.9.1 locked @5', 'npm clarifai-nodejs 0.4.0 locked @8']);
});

test('requirements: specifiers, extras, markers, hashes, comments and options', () => {
  const text = [
    '-r base.txt',
    '# clarifai==1.0 (a comment)',
    'Clarifai[all] >= 2.0, < 3 ; python_version < "3.12"',
    'clarifai_grpc==9.8.0 \\',
    '    --hash=sha256:abc',
    'clarifai-utils==0.1',
    'clarifai',
    'https://example.com/clarifai-2.6.2.tar.gz',
  ].join('\n');
  assert.deepEqual(pick('requirements.txt', text), ['pypi clarifai >=2.0,<3 @3', 'pypi clarifai-grpc ==9.8.0 @4', 'pypi clarifai  @7']);
});

test('pyproject (PEP 621 and Poetry), Pipfile, setup.py and Python lockfiles', () => {
  const pep621 = '[project]\nname = "clarifai"\ndependencies = [\n  "clarifai>=10.0",\n  "requests",\n]\n';
  assert.deepEqual(pick('pyproject.toml', pep621), ['pypi clarifai >=10.0 @4']);
  const poetry = '[tool.poetry.dependencies]\npython = "^3.10"\nclarifai = { version = "^2.6", optional = true }\nclarifai-grpc = "*"\n';
  assert.deepEqual(pick('pyproject.toml', poetry), ['pypi clarifai ^2.6 @3', 'pypi clarifai-grpc  @4']);
  assert.deepEqual(pick('Pipfile', '[packages]\nclarifai = "==2.6.2"\n'), ['pypi clarifai ==2.6.2 @2']);
  assert.deepEqual(pick('setup.py', "setup(install_requires=['clarifai==2.6.2', 'six'])\n"), ['pypi clarifai ==2.6.2 @1']);
  const lock = JSON.stringify({ default: { clarifai: { hashes: [], version: '==2.6.2' } }, develop: {} }, null, 2);
  assert.deepEqual(pick('Pipfile.lock', lock), ['pypi clarifai 2.6.2 locked @3']);
  assert.deepEqual(pick('poetry.lock', '[[package]]\nname = "clarifai"\nversion = "10.5.0"\ndescription = "x"\n'), ['pypi clarifai 10.5.0 locked @2']);
});

test('broken, binary or unrelated manifests give nothing and never throw', () => {
  for (const [file, text] of [
    ['package.json', '{ "dependencies": { "clarifai": "^2.9.1", } '],
    ['package-lock.json', '<<<<<<< HEAD\n{"clarifai"'],
    ['Pipfile.lock', 'null'],
    ['requirements.txt', '\u0000\u0001clarifai\u0000==2'],
    ['pyproject.toml', 'clarifai = [[[[[['],
    ['yarn.lock', `clarifai@${'^'.repeat(100_000)}`],
    ['package.json', '{"dependencies": ["clarifai"]}'],
  ] as const) {
    assert.doesNotThrow(() => readManifest(file, text), file);
  }
  assert.deepEqual(readManifest('package.json', '{ "dependencies": { "clarifai": "^2.9.1", } '), []);
  assert.deepEqual(readManifest('package.json', '{"dependencies":{"react":"18"}}'), []);
});

test('the scan reads lockfiles for dependencies only (not for keys), past the usual size cap', async () => {
  const lock = JSON.stringify({ lockfileVersion: 3, packages: { 'node_modules/clarifai': { version: '2.9.1' }, pad: { data: 'x'.repeat(3 * 1024 * 1024) } } });
  const root = tree({ 'package-lock.json': lock, 'yarn.lock': 'clarifai@^2.9.1:\n  version "2.9.1"\n', Pipfile: '[packages]\nclarifai = "==2.6.2"\n', 'package.json': '{"dependencies":{"clarifai":"^2.9.1"}}' });
  const code = await gatherCodeEvidence(root, { workers: 0 });
  assert.deepEqual(
    code.dependencies!.map((d) => `${d.file} ${d.name} ${d.spec}`),
    ['Pipfile clarifai ==2.6.2', 'package-lock.json clarifai 2.9.1', 'package.json clarifai ^2.9.1', 'yarn.lock clarifai 2.9.1'],
  );
  assert.deepEqual(code.skipped, []);
  assert.deepEqual(code.keyLiterals, []);
});

test('pathological lockfile lines and runaway declarations end quickly with a bounded result', () => {
  assert.deepEqual(readManifest('pnpm-lock.yaml', `packages:\n ${'@1'.repeat(100_000)}\n  clarifai@2.9.1:\n`).map((d) => d.spec), ['2.9.1']);
  assert.equal(readManifest('Pipfile', 'clarifai = "==2.6.2"\n'.repeat(10_000)).length, 100);
});
