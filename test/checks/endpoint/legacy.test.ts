// endpoint/legacy-client and legacy-app-secret beyond "fires / does not fire": the version named, severities, one finding per file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { check as legacyClient, pythonClientEra } from '../../../src/checks/endpoint/legacy-client.js';
import { check as legacyAppSecret } from '../../../src/checks/endpoint/legacy-app-secret.js';
import { runCodeFixture } from './code-fixtures.js';

const fixture = (check: string, name: string) => fileURLToPath(new URL(`./${check}/${name}/`, import.meta.url));

test('which clarifai PyPI versions are the 2.x client', () => {
  const cases: [string, boolean, string][] = [
    ['==2.6.2', false, 'legacy'],
    ['~=2.6', false, 'legacy'],
    ['^2.6', false, 'legacy'],
    ['>=2.0,<3', false, 'legacy'],
    ['<3.0', false, 'legacy'],
    ['==2.*', false, 'legacy'],
    ['>=10.0', false, 'current'],
    ['^10.5', false, 'current'],
    ['', false, 'current'],
    ['*', false, 'current'],
    ['>=2.0', false, 'unknown'],
    ['!=2.6.1', false, 'unknown'],
    ['2.6.2', true, 'legacy'],
    ['10.5.0', true, 'current'],
  ];
  for (const [spec, locked, era] of cases) assert.equal(pythonClientEra(spec, locked), era, `${spec}${locked ? ' (locked)' : ''}`);
});

test('the React tutorial: one error at the constructor, naming the locked version and the public model, with the lockfile related', async () => {
  const found = (await runCodeFixture(fixture('legacy-client', 'bad.react-face-detect'), [legacyClient])).filter((f) => f.id === 'endpoint/legacy-client');
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f!.severity, 'error');
  assert.match(f!.message, /^src\/App\.js:5 uses the legacy `clarifai` npm client 2\.9\.1 \(package-lock\.json:15\) to call Clarifai's public model Clarifai\.FACE_DETECT_MODEL/u);
  assert.match(f!.fix, /clarifai-nodejs.*clarifai\.com\/clarifai\/main\/models\/face-detection/u);
  assert.deepEqual(f!.related?.map((l) => ('file' in l ? l.file : '')), ['package-lock.json']);
});

test('clarifai.rest with clarifai>=10 installed is an error: the import fails', async () => {
  const [f] = await runCodeFixture(fixture('legacy-client', 'bad.rest-import-new-sdk'), [legacyClient]);
  assert.equal(f?.severity, 'error');
  assert.match(f!.message, /pyproject\.toml:6 installs clarifai >=10\.0, a later SDK without that client/u);
});

test('a notebook: the cell that builds the client, the version from Pipfile.lock', async () => {
  const [f, ...rest] = await runCodeFixture(fixture('legacy-client', 'bad.notebook-pipfile'), [legacyClient]);
  assert.equal(rest.length, 0);
  assert.equal(f?.severity, 'error');
  assert.match(f!.message, /^tag-photos\.ipynb:\d+ uses the legacy Python `clarifai` client \(`clarifai\.rest`\) 2\.6\.2 \(Pipfile\.lock:9\) to call Clarifai's public model public_models\.food_model/u);
  assert.match(f!.fix, /food-item-recognition/u);
});

test('a legacy client only in the manifest is a warning at the manifest', async () => {
  const [f, ...rest] = await runCodeFixture(fixture('legacy-client', 'bad.yarn-lock-only'), [legacyClient]);
  assert.equal(rest.length, 0);
  assert.equal(f?.severity, 'warning');
  assert.match(f!.message, /^package\.json:1 installs the legacy `clarifai` npm client 2\.9\.0 \(yarn\.lock:5\)/u);
});

test('an app id/secret constructor is legacy-app-secret only, not a second legacy-client finding', async () => {
  const dir = fixture('legacy-app-secret', 'bad.python-app-secret');
  const found = await runCodeFixture(dir, [legacyClient, legacyAppSecret]);
  assert.deepEqual(found.map((f) => `${f.id} ${f.severity}`), ['endpoint/legacy-app-secret error']);
  assert.match(found[0]!.message, /bot\/vision\.py:6 creates the Clarifai client from an app ID and secret/u);
  assert.match(found[0]!.message, /11002 "Invalid credentials"/u);
});

test('an app secret in a dotenv file is located at its line', async () => {
  const [f] = await runCodeFixture(fixture('legacy-app-secret', 'bad.dotenv-app-secret'), [legacyAppSecret]);
  assert.deepEqual(f?.location, { file: '.env', line: 3, column: 1 });
  assert.doesNotMatch(JSON.stringify(f), /Secret-For-Tests/u, 'the secret value is never echoed');
});
