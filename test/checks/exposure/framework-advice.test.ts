// One line, one piece of advice (issue #18): where a public-prefix variable ships the key, no finding on that line
// tells the user to set that variable; every fix points to a server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { runCodeFixture } from '../fixture-runner.js';
import { allChecks } from '../../../src/checks/index.js';
import { isFileLocation } from '../../../src/types/location.js';

const here = dirname(fileURLToPath(import.meta.url));

test('Expo app sending EXPO_PUBLIC_CLARIFAI_PAT: the exposure and the undefined-value warning agree (move the call to a server)', async () => {
  const findings = await runCodeFixture(join(here, 'code-credential-browser/bad.expo-public-prefix'), allChecks);
  const onLine = findings.filter((f) => f.location && isFileLocation(f.location) && f.location.file === 'App.js' && f.location.line === 9);
  assert.ok(onLine.some((f) => f.id === 'exposure/code-credential-browser'), JSON.stringify(onLine.map((f) => f.id)));
  const undef = onLine.find((f) => f.id === 'headers/undefined-value');
  assert.ok(undef, 'the header would still send Key undefined here');
  for (const f of onLine) {
    assert.ok(!/add `?EXPO_PUBLIC_CLARIFAI_PAT=/u.test(f.fix ?? ''), `${f.id} tells the user to set the shipped variable: ${f.fix}`);
    assert.match(f.fix ?? '', /server|backend/u, `${f.id}: ${f.fix}`);
  }
});
