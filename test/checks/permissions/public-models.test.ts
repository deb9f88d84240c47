// The public-model checks on hand-built evidence: how owners and model ids are resolved, and what is left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check as ownApp } from '../../../src/checks/permissions/public-model-own-app.js';
import { check as nameAsId } from '../../../src/checks/permissions/public-model-name-as-id.js';
import { check as appKeyPublicModel } from '../../../src/checks/permissions/code-app-key-public-model.js';
import type { IdSite } from '../../../src/types/code-evidence.js';
import { code, header, run, url } from '../endpoint/helpers.js';

const id = (file: string, line: number, role: IdSite['role'], name: string, value: Partial<Pick<IdSite, 'literal' | 'env' | 'expr'>>, owner = false): IdSite => ({
  file, line, column: 1, snippet: `line ${line}`, role, name, owner, ...value,
});

test('own-app: the path owner is resolved through the file; a legacy hex id counts as the public model', () => {
  const found = run(ownApp, code({
    urls: [url('a.js', 9, 'https://api.clarifai.com/v2/users/${USER_ID}/apps/${APP_ID}/models/aaa03c23b3724a16a56b629203edc62c/outputs', { method: 'POST' })],
    idSites: [id('a.js', 2, 'user', 'USER_ID', { literal: 'jane' }), id('a.js', 3, 'app', 'APP_ID', { literal: 'tagger' })],
  }));
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /under user USER_ID \('jane'\) instead of clarifai\/main/u);
  assert.match(found[0]!.fix, /\/v2\/users\/clarifai\/apps\/main\/models\/general-image-recognition\/outputs/u);
});

test('own-app: an owner it cannot read, a placeholder, or clarifai anywhere in the file is left alone', () => {
  const path = (file: string, user: string) => url(file, 9, `https://api.clarifai.com/v2/users/${user}/apps/x/models/general-image-recognition/outputs`, { method: 'POST' });
  assert.deepEqual(run(ownApp, code({ urls: [path('a.js', '${getUser()}'), path('b.js', 'YOUR_USER_ID_HERE'), path('c.js', 'clarifai')] })), []);
  const body = code({
    idSites: [
      id('d.py', 5, 'user', 'user_id', { literal: 'me' }, true),
      id('d.py', 9, 'user', 'user_id', { literal: 'clarifai' }, true),
      id('d.py', 6, 'model', 'model_id', { literal: 'general-image-recognition' }),
      id('e.py', 5, 'user', 'user_id', { expr: 'unknown_name' }, true),
      id('e.py', 6, 'model', 'model_id', { literal: 'general-image-recognition' }),
    ],
  });
  assert.deepEqual(run(ownApp, body), []);
});

test('own-app: a request body with your own owner and a public model; a private model is fine', () => {
  const evidence = code({
    idSites: [
      id('p.py', 3, 'user', 'USER_ID', { env: 'CLARIFAI_USER_ID' }),
      id('p.py', 8, 'user', 'user_id', { expr: 'USER_ID' }, true),
      id('p.py', 9, 'model', 'model_id', { literal: 'face-detection' }),
      id('q.py', 8, 'user', 'user_id', { literal: 'me' }, true),
      id('q.py', 9, 'model', 'model_id', { literal: 'dog-breeds' }),
    ],
  });
  const found = run(ownApp, evidence);
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /^p\.py:8 names user USER_ID \(env CLARIFAI_USER_ID\) as the owner of a request for Clarifai's public model face-detection \(p\.py:9\)/u);
});

test('name-as-id: error under clarifai/main or for a versioned old name; warning on a short path; someone else\'s app is theirs', () => {
  const found = run(nameAsId, code({
    urls: [
      url('a.js', 1, 'https://api.clarifai.com/v2/users/clarifai/apps/main/models/General/outputs', { method: 'POST' }),
      url('a.js', 2, 'https://api.clarifai.com/v2/models/general-v1.3/outputs', { method: 'POST' }),
      url('a.js', 3, 'https://api.clarifai.com/v2/models/Travel/outputs', { method: 'POST' }),
      url('a.js', 4, 'https://api.clarifai.com/v2/users/me/apps/x/models/General/outputs', { method: 'POST' }),
      url('a.js', 5, 'https://api.clarifai.com/v2/models/general-image-recognition/outputs', { method: 'POST' }),
    ],
  }));
  assert.deepEqual(found.map((f) => `${f.location && 'line' in f.location ? f.location.line : '?'} ${f.severity}`), ['1 error', '2 error', '3 warning']);
  assert.match(found[0]!.message, /"General", the display name of Clarifai's General model, whose id is general-image-recognition/u);
  assert.match(found[1]!.message, /"general-v1\.3", the old API name of Clarifai's General model/u);
});

test('name-as-id: a model whose current id no source names gets no invented id (and no hex id masked as a key)', () => {
  const [f] = run(nameAsId, code({ idSites: [id('w.py', 4, 'user', 'user_id', { literal: 'clarifai' }, true), id('w.py', 5, 'model', 'model_id', { literal: 'weddings-v1.0' })] }));
  assert.match(f!.message, /whose current id no source names/u);
  assert.match(f!.fix, /https:\/\/clarifai\.com\/clarifai\/main\/models/u);
  assert.doesNotMatch(f!.fix + f!.message, /…/u);
});

test('app key on a public model: the short path and clarifai/main in user_app_id; a PAT or a mixed file is not flagged', () => {
  const key = header('k.js', 2, 'Authorization', 'Key ${process.env.CLARIFAI_API_KEY}', { envNames: ['CLARIFAI_API_KEY'] });
  const pat = header('p.js', 2, 'Authorization', 'Key ${process.env.CLARIFAI_PAT}', { envNames: ['CLARIFAI_PAT'] });
  const found = run(appKeyPublicModel, code({
    authHeaders: [key, pat],
    urls: [url('k.js', 5, 'https://api.clarifai.com/v2/models/face-detection/outputs', { method: 'POST' }), url('p.js', 5, 'https://api.clarifai.com/v2/models/face-detection/outputs', { method: 'POST' })],
  }));
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /^k\.js:5 calls \/v2\/models\/face-detection\/outputs, Clarifai's public model face-detection, with CLARIFAI_API_KEY/u);
  const grpc = header('g.py', 7, 'authorization', 'Key ${API_KEY}', { envNames: ['CLARIFAI_API_KEY'], transport: 'grpc-metadata' });
  const body = run(appKeyPublicModel, code({ authHeaders: [grpc], idSites: [id('g.py', 11, 'user', 'user_id', { literal: 'clarifai' }, true)] }));
  assert.equal(body.length, 1);
  assert.match(body[0]!.message, /^g\.py:11 names clarifai\/main as the owner of a request sent with CLARIFAI_API_KEY \(g\.py:7\)/u);
});
