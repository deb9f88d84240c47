// A project that calls Clarifai correctly and also OpenAI, Anthropic, Hugging Face, Azure, Google, Twilio and Giphy:
// every check runs on it and none reports anything (issue #11: no Clarifai finding on a request to another provider).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { diagnose } from '../../src/core/diagnose.js';
import { allChecks } from '../../src/checks/index.js';
import { gatherCodeEvidence } from '../../src/scan/index.js';

const project = fileURLToPath(new URL('./mixed-providers/good.project/', import.meta.url));
const env = JSON.parse(readFileSync(new URL('./mixed-providers/env.json', import.meta.url), 'utf8')) as Record<string, string>;

test('the mixed-providers project has zero findings from every check', async () => {
  const result = await diagnose({ projectDir: project, cwd: project, env, checks: allChecks, scanWorkers: 0 });
  assert.deepEqual(result.findings.map((f) => `${f.id}: ${f.message}`), []);
});

test('its requests to other services are recognised as theirs, not dropped unseen', async () => {
  const code = await gatherCodeEvidence(project, { workers: 0 });
  const services = [...new Set((code.otherServiceHeaders ?? []).map((h) => h.service))].sort();
  assert.deepEqual(services, ['Anthropic', 'Azure', 'Hugging Face', 'OpenAI', 'Twilio']);
  // The Clarifai requests are still judged: the REST call, the curl, and the OpenAI-compatible client's PAT.
  assert.deepEqual(code.authHeaders.map((h) => `${h.file}:${h.line}`).sort(), ['scripts/smoke.sh:7', 'src/notify.js:21']);
  assert.ok((code.credentials ?? []).some((c) => c.file === 'src/chat.ts' && c.envNames.includes('CLARIFAI_PAT')));
});
