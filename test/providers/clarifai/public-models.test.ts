import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MODELS_OUTSIDE_MAIN,
  PUBLIC_MODELS,
  findModelOutsideMain,
  findPublicModelByDisplayName,
  findPublicModelById,
  findPublicModelByJsConstant,
  findPublicModelByLegacyId,
  findPublicModelByVersionId,
} from '../../../src/providers/clarifai/public-models.js';

const HEX32 = /^[0-9a-f]{32}$/u;

test('every entry lives in clarifai/main and names at least one source', () => {
  for (const m of PUBLIC_MODELS) {
    assert.equal(m.userId, 'clarifai', m.key);
    assert.equal(m.appId, 'main', m.key);
    assert.ok(m.sources.length > 0, `${m.key}: no source`);
    for (const s of m.sources) assert.ok(s.ref.length > 0 && s.says.length > 0, `${m.key}: empty source`);
    for (const l of m.legacyIds) assert.ok(l.source.ref, `${m.key}: legacy id without source`);
    for (const v of m.versionIds) assert.ok(v.source.ref, `${m.key}: version id without source`);
    if (m.retired) assert.ok(m.retired.source.ref, `${m.key}: retirement without source`);
  }
  for (const e of MODELS_OUTSIDE_MAIN) {
    assert.notEqual(e.userId, 'clarifai', e.id);
    assert.ok(e.source.ref, e.id);
  }
});

test('an unknown id is said to be unknown, and a known one is tagged', () => {
  for (const m of PUBLIC_MODELS) {
    if (m.id === null) assert.equal(m.idTag, 'unknown', m.key);
    else assert.notEqual(m.idTag, 'unknown', m.key);
    // An entry without a current id has nothing to be "the same as".
    if (m.id === null) for (const l of m.legacyIds) assert.equal(l.sameAsCurrent, 'unknown', `${m.key} ${l.id}`);
  }
});

test('ids, legacy ids, names, constants and version ids are well formed and point to one entry each', () => {
  const seen = new Map<string, string>();
  const claim = (kind: string, value: string, key: string): void => {
    const k = `${kind}:${kind === 'id' || kind === 'js' ? value : value.toLowerCase()}`;
    assert.equal(seen.get(k) ?? key, key, `${kind} ${value} is claimed by ${seen.get(k)} and ${key}`);
    seen.set(k, key);
  };
  for (const m of PUBLIC_MODELS) {
    claim('key', m.key, m.key);
    if (m.id) claim('id', m.id, m.key);
    for (const l of m.legacyIds) {
      assert.match(l.id, HEX32, `${m.key}: ${l.id}`);
      claim('legacy', l.id, m.key);
    }
    for (const v of m.versionIds) {
      assert.match(v.id, HEX32, `${m.key}: ${v.id}`);
      claim('version', v.id, m.key);
    }
    for (const n of [...m.displayNames, ...m.apiNames]) claim('name', n, m.key);
    for (const c of m.jsConstants) claim('js', c, m.key);
  }
});

test('findPublicModelById matches the current id exactly', () => {
  assert.equal(findPublicModelById('general-image-recognition')?.key, 'general');
  assert.equal(findPublicModelById('face-detection')?.legacyIds[0]?.id, 'a403429f2ddf4b49b307e318f00e528b');
  assert.equal(findPublicModelById('food-item-recognition')?.jsConstants[0], 'FOOD_MODEL');
  assert.equal(findPublicModelById('General'), undefined);
  assert.equal(findPublicModelById('aaa03c23b3724a16a56b629203edc62c'), undefined);
});

test('findPublicModelByLegacyId maps the v2-era hex ids, ignoring case and padding', () => {
  assert.equal(findPublicModelByLegacyId('aaa03c23b3724a16a56b629203edc62c')?.id, 'general-image-recognition');
  assert.equal(findPublicModelByLegacyId(' BD367BE194CF45149E75F01D59F77BA7 ')?.id, 'food-item-recognition');
  assert.equal(findPublicModelByLegacyId('c0c0ac362b03416da06ab3fa36fb58e3')?.retired?.date, '2020-10-16');
  assert.equal(findPublicModelByLegacyId('c386b7a870114f4a87477c0824499348')?.id, null);
  assert.equal(findPublicModelByLegacyId('3f9a6d0c8b7e4a2190f1c3d5e7b90000'), undefined);
});

test('findPublicModelByDisplayName finds names used where an id belongs, case-insensitively', () => {
  assert.equal(findPublicModelByDisplayName('General')?.id, 'general-image-recognition');
  assert.equal(findPublicModelByDisplayName('general')?.key, 'general');
  assert.equal(findPublicModelByDisplayName('IMAGE RECOGNITION')?.key, 'general');
  assert.equal(findPublicModelByDisplayName('general-v1.3')?.key, 'general');
  assert.equal(findPublicModelByDisplayName('Food')?.id, 'food-item-recognition');
  assert.equal(findPublicModelByDisplayName('nsfw-v1.0')?.id, 'nsfw-recognition');
  assert.equal(findPublicModelByDisplayName('Textures & Patterns')?.key, 'textures');
  assert.equal(findPublicModelByDisplayName('general-image-recognition'), undefined);
});

test('findPublicModelByJsConstant accepts the bare name or Clarifai.NAME', () => {
  assert.equal(findPublicModelByJsConstant('Clarifai.FACE_DETECT_MODEL')?.id, 'face-detection');
  assert.equal(findPublicModelByJsConstant('GENERAL_MODEL')?.id, 'general-image-recognition');
  assert.equal(findPublicModelByJsConstant('WEDDING_MODEL')?.key, 'wedding');
  assert.equal(findPublicModelByJsConstant('WEDDINGS_MODEL')?.key, 'wedding');
  assert.equal(findPublicModelByJsConstant('TEXTURES_AND_PATTERNS')?.key, 'textures');
  assert.equal(findPublicModelByJsConstant('general_model'), undefined);
});

test('a version id points back to its own model', () => {
  // The general model's version pasted next to face-detection is a mix-up seen in tutorial code.
  assert.equal(findPublicModelByVersionId('aa7f35c01e0642fda5cf400f543e7c40')?.id, 'general-image-recognition');
  assert.equal(findPublicModelByVersionId('6dc7e46bc9124c5c8824be4822abe105')?.id, 'face-detection');
  assert.equal(findPublicModelByVersionId('3f9a6d0c8b7e4a2190f1c3d5e7b90000'), undefined);
});

test('models that are not in clarifai/main say where they live', () => {
  assert.deepEqual(
    { userId: findModelOutsideMain('GPT-4')?.userId, appId: findModelOutsideMain('GPT-4')?.appId },
    { userId: 'openai', appId: 'chat-completion' },
  );
  assert.equal(findModelOutsideMain('gpt-4')?.id, 'GPT-4');
  assert.equal(findModelOutsideMain('Llama2-7b-chat')?.userId, 'meta');
  assert.equal(findModelOutsideMain('general-image-recognition'), undefined);
  for (const e of MODELS_OUTSIDE_MAIN) assert.equal(findPublicModelById(e.id), undefined, `${e.id} is in both tables`);
});
