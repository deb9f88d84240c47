// Clarifai's public models (user `clarifai`, app `main`) as data: current ids, v2-era 32-hex ids, names and old client constants, each with the sources it was read from.
//
// Why this exists: people call these models with the wrong handle — a legacy hex id, an old client constant
// (`Clarifai.FACE_DETECT_MODEL`), a display name ("General") or a name (`general-v1.3`) where an id is expected,
// the version id of another model, or a `clarifai/main` path for a model that lives elsewhere (GPT-4).
// Which credential reaches them (a PAT, since the 2023/2025 changes) is stated in pat-required.ts.
//
// Tags follow the auth facts: "verified" = read in the named source, "inferred" = reasoning from verified facts,
// "unknown" = no source found. A source's `kind` says whether Clarifai wrote it or it is someone else's code.
// Only the data lives here; checks read it.
import type { FactTag } from './status-descriptions.js';
import { PUBLIC_APP_ID, PUBLIC_USER_ID } from './pat-required.js';

export const PUBLIC_MODELS_USER_ID = PUBLIC_USER_ID;
export const PUBLIC_MODELS_APP_ID = PUBLIC_APP_ID;

export interface ModelSource {
  /** Repository + path (+ commit when known), or a URL. */
  ref: string;
  kind: 'clarifai' | 'third-party';
  /** What this source shows, in a few words. */
  says: string;
}

export interface LegacyId {
  /** A v2-era model id: 32 lowercase hex characters. */
  id: string;
  /** Whether this id names the same model as the entry's current `id` (old ids stayed usable, see DOCS_ID_CHANGE). */
  sameAsCurrent: FactTag;
  source: ModelSource;
}

export interface VersionId {
  id: string;
  source: ModelSource;
}

export interface Retirement {
  date: string;
  what: string;
  source: ModelSource;
}

export interface PublicModel {
  /** Stable handle for this table (not a Clarifai id). */
  key: string;
  /** The current model id under clarifai/main; null when no source names one. */
  id: string | null;
  idTag: FactTag;
  userId: typeof PUBLIC_MODELS_USER_ID;
  appId: typeof PUBLIC_MODELS_APP_ID;
  legacyIds: LegacyId[];
  /** Human names shown in docs, clients and the UI ("General", "Image Recognition"); never valid as model_id. */
  displayNames: string[];
  /** Old API `name` values (`general-v1.3`) that the v2 clients looked models up by; never valid as model_id. */
  apiNames: string[];
  /** Constants of the old `clarifai` npm client: `Clarifai.GENERAL_MODEL`. */
  jsConstants: string[];
  /** Attributes of the old Python client: `ClarifaiApp().public_models.general_model`. */
  pythonAttributes: string[];
  /** Methods of the old Java client: `client.getDefaultModels().generalModel()`. */
  javaMethods: string[];
  versionIds: VersionId[];
  retired?: Retirement;
  sources: ModelSource[];
  /** What could not be confirmed, said plainly. */
  unverified: string[];
}

export interface ModelElsewhere {
  id: string;
  userId: string;
  appId: string;
  source: ModelSource;
}

// ---- sources ---------------------------------------------------------------------------------

const JS: ModelSource = {
  ref: 'Clarifai/clarifai-javascript src/index.js @0c033b575d62ee428aa12db8b9198d9c927e51c6',
  kind: 'clarifai',
  says: 'old npm `clarifai` client: Clarifai.<CONSTANT> = legacy model id',
};
const JS_OLDER: ModelSource = {
  ref: 'Clarifai/clarifai-javascript src/index.js (an older revision, seen through code search; commit not shown)',
  kind: 'clarifai',
  says: 'first constants set: GENERAL, FOOD, TRAVEL, NSFW, WEDDINGS, COLOR, CLUSTER, FACE_DETECT, BLUR',
};
const JS_MASTER_COPIES: ModelSource = {
  ref: 'third-party copies of Clarifai/clarifai-javascript src/index.js (master) in face-recognition-brain tutorial code (code index files #31213326975, #16170624647, #45454385810)',
  kind: 'third-party',
  says: "later FACE_DETECT_MODEL = '53e1df302c079b3db8a0a36033ed2d15'",
};
const PY: ModelSource = {
  ref: 'Clarifai/clarifai-python clarifai/rest/client.py (2.x client, class PublicModels)',
  kind: 'clarifai',
  says: 'ClarifaiApp().public_models.<attribute> = Model(model_id=<legacy id>), with a one-line description each',
};
const PY_GRPC_HELPER: ModelSource = {
  ref: 'Clarifai/clarifai-python-grpc tests/public_models/public_test_helper.py @11d484529dc8b9999d1b7c46e4540a89334223ae',
  kind: 'clarifai',
  says: 'legacy ids predicted with a PAT and user_app_id clarifai/main (test_public_models_predicts.py @00f322154e3ce443d457118b03fb346c02325c8c)',
};
const PY_GRPC_COMMON: ModelSource = {
  ref: 'Clarifai/clarifai-python-grpc tests/common.py @0260e7cb486a9eac314e9b9960d388783f02ac5d',
  kind: 'clarifai',
  says: 'GENERAL_MODEL_ID = aaa03c23b3724a16a56b629203edc62c, MAIN_APP_USER_ID = clarifai, MAIN_APP_ID = main',
};
const JAVA: ModelSource = {
  ref: 'Clarifai/clarifai-java core/src/main/java/clarifai2/dto/model/DefaultModels.java @031f64aa8ec1da00fbbfb21b1d3ebd0024f71654',
  kind: 'clarifai',
  says: 'getDefaultModels().<method>() = (legacy id, API name)',
};
const JAVA_LATER: ModelSource = {
  ref: 'a later DefaultModels.java revision (code index file #43580378167; the index does not name its repository)',
  kind: 'third-party',
  says: 'adds apparel, moderation, quality, textures, logo, celebrity, demographics, embeddings with API names',
};
const OLD_DOCS_IMAGES: ModelSource = {
  ref: 'Clarifai/old-docs api-guide/predict/images.md @08bc4c6074f1cbb8760112323a0e0661cbd2db5f',
  kind: 'clarifai',
  says: 'response: model id aaa03c23…, name general-v1.3, created_at 2016-03-09T17:11:39Z; Clarifai.GENERAL_MODEL; public_models.general_model',
};
const OLD_DOCS_MODELS: ModelSource = {
  ref: 'Clarifai/old-docs api-guide/model/clarifai-models.md @2333ab66f6818b561f16325d10a5bdb37af10a37',
  kind: 'clarifai',
  says: 'calls them the "General" model and the "Food" model',
};
const DOCS_IMAGES: ModelSource = {
  ref: 'Clarifai/docs docs/api-guide/predict/images.md @00a64028d25bb1cfccc0384da9cf12636ec23c30',
  kind: 'clarifai',
  says: 'links clarifai.com/clarifai/main/models/{general-image-recognition, general-image-detection, image-general-segmentation}',
};
const DOCS_CURL_CLASSIFY: ModelSource = {
  ref: 'Clarifai/docs code_snippets/api-guide/predict/curl/prediction_parameters_by_model_version_id.sh @67b75e6bfd3991c29939aaba2ce8f5467349612f',
  kind: 'clarifai',
  says: '/v2/users/clarifai/apps/main/models/general-image-recognition/versions/aa7f35c01e0642fda5cf400f543e7c40/outputs',
};
const DOCS_CURL_DETECT: ModelSource = {
  ref: 'Clarifai/docs code_snippets/api-guide/predict/curl/image_detection.sh @237c1501053b0380fbef2a14b5673270b68c6967',
  kind: 'clarifai',
  says: '/v2/users/clarifai/apps/main/models/general-image-detection/versions/1580bb1932594c93b7e2e04456af7c6f/outputs',
};
const DOCS_CURL_SEGMENT: ModelSource = {
  ref: 'Clarifai/docs code_snippets/api-guide/predict/curl/image_segmentation.sh @8d173800cbb8e9e1b6422c0e98fe24233742f72d',
  kind: 'clarifai',
  says: '/v2/users/clarifai/apps/main/models/image-general-segmentation/versions/1581820110264581908ce024b12b4bfb/outputs',
};
const DOCS_OUTPUT: ModelSource = {
  ref: 'Clarifai/docs code_snippets/api-guide/predict/code_output_examples/image_via_url.js @213c847cb5aaccc7b81584909995d7e5cad50969',
  kind: 'clarifai',
  says: 'model id general-image-recognition, name "Image Recognition", created_at 1457543499 s (= 2016-03-09T17:11:39Z), app main, user clarifai',
};
const DOCS_CLARIFAI_MODELS: ModelSource = {
  ref: 'https://docs.clarifai.com/api-guide/model/clarifai-models',
  kind: 'clarifai',
  says: 'names general-image-recognition and food-item-recognition as pre-built Clarifai models',
};
const DOCS_DECOMMISSION: ModelSource = {
  ref: 'Clarifai/docs docs/product-updates/upcoming-api-changes/decommission-legacy-models.md @4ca2aa5da6e75ce7c187018d16dfbd24349182a3',
  kind: 'clarifai',
  says: 'decommissioned December 31st, 2025: set to Private, no public inference (travel-recognition, celebrity-face-detection, apparel-classification-v2, …)',
};
const DOCS_PREVIOUS: ModelSource = {
  ref: 'Clarifai/docs docs/product-updates/upcoming-api-changes/other-previous-changes.md @aeda7e1891cccebc7136f0ee344b10121030a62f',
  kind: 'clarifai',
  says: 'Demographics model retired 2020-10-16; Focus model removed 2020-02-01; readable model ids from January 2022',
};
/** January 2022: models got readable ids; "the old user_unique_id will still be usable in all queries". */
export const DOCS_ID_CHANGE: ModelSource = {
  ref: DOCS_PREVIOUS.ref,
  kind: 'clarifai',
  says: 'January 20, 2022: readable model ids (v2_user_unique_id); the old user_unique_id stays usable in queries; name and display_name deprecated',
};
const FOUR_CAT: ModelSource = {
  ref: 'digitalmethodsinitiative/4cat processors/machine_learning/clarifai_api.py',
  kind: 'third-party',
  says: 'model ids offered for Clarifai (clarifai/main model browser): general-image-recognition, apparel-recognition, color-recognition, celebrity-face-detection, food-item-recognition, moderation-recognition, nsfw-recognition, texture-recognition',
};
const FACE_APP: ModelSource = {
  ref: 'emij7/face-detector src/utils/clarifaiConfig.js',
  kind: 'third-party',
  says: 'USER_ID clarifai, APP_ID main, MODEL_ID face-detection, MODEL_VERSION_ID 6dc7e46bc9124c5c8824be4822abe105 (the model page snippet)',
};
const FACE_APP_2: ModelSource = {
  ref: 'Noblelar/facerecognitionapp src/clarifai.js',
  kind: 'third-party',
  says: 'user_app_id clarifai/main, /v2/models/face-detection/versions/6dc7e46bc9124c5c8824be4822abe105/outputs',
};
const RUBY_GEM: ModelSource = {
  ref: 'nicholalexander/clarification lib/clarification/end_points.rb',
  kind: 'third-party',
  says: 'PUBLIC_MODELS hash with the same legacy ids as the official clients',
};

/** A stored copy found through the code index, whose repository the index does not show. */
function indexed(file: string, says: string): ModelSource {
  return { ref: `public GitHub code, code index file #${file} (repository not shown by the index)`, kind: 'third-party', says };
}

// ---- the table ---------------------------------------------------------------------------------

const owner = { userId: PUBLIC_MODELS_USER_ID, appId: PUBLIC_MODELS_APP_ID } as const;

export const PUBLIC_MODELS: readonly PublicModel[] = [
  {
    key: 'general',
    id: 'general-image-recognition',
    idTag: 'verified',
    ...owner,
    legacyIds: [
      {
        id: 'aaa03c23b3724a16a56b629203edc62c',
        // Strongest link in the table: the same model created_at, to the second, under both ids.
        sameAsCurrent: 'inferred',
        source: { ...OLD_DOCS_IMAGES, says: `${OLD_DOCS_IMAGES.says}; Clarifai/docs image_via_url.js shows general-image-recognition with the same created_at` },
      },
    ],
    displayNames: ['General', 'Image Recognition'],
    apiNames: ['general-v1.3'],
    jsConstants: ['GENERAL_MODEL'],
    pythonAttributes: ['general_model'],
    javaMethods: ['generalModel'],
    versionIds: [
      { id: 'aa7f35c01e0642fda5cf400f543e7c40', source: DOCS_CURL_CLASSIFY },
      { id: 'aa9ca48295b37401f8af92ad1af0d91d', source: OLD_DOCS_IMAGES },
    ],
    sources: [DOCS_IMAGES, DOCS_CURL_CLASSIFY, DOCS_OUTPUT, OLD_DOCS_IMAGES, OLD_DOCS_MODELS, JS, PY, PY_GRPC_COMMON, PY_GRPC_HELPER, JAVA, DOCS_ID_CHANGE],
    unverified: [],
  },
  {
    key: 'food',
    id: 'food-item-recognition',
    idTag: 'verified',
    ...owner,
    legacyIds: [{ id: 'bd367be194cf45149e75f01d59f77ba7', sameAsCurrent: 'inferred', source: JS }],
    displayNames: ['Food'],
    apiNames: ['food-items-v1.0'],
    jsConstants: ['FOOD_MODEL'],
    pythonAttributes: ['food_model'],
    javaMethods: ['foodModel'],
    versionIds: [
      { id: '1d5fd481e0cf4826aa72ec3ff049e044', source: indexed('13528666487', '/v2/users/clarifai/apps/main/models/food-item-recognition/versions/1d5fd481…/outputs') },
      { id: 'dfebc169854e429086aceb8368662641', source: indexed('9016440853', '2016 response: model bd367be…, name food-items-v1.0, version dfebc169…') },
    ],
    sources: [DOCS_CLARIFAI_MODELS, OLD_DOCS_MODELS, JS, PY, PY_GRPC_HELPER, JAVA, FOUR_CAT],
    unverified: ['no source pairs bd367be194cf45149e75f01d59f77ba7 with food-item-recognition; the link is by name only'],
  },
  {
    key: 'face-detection',
    id: 'face-detection',
    idTag: 'verified',
    ...owner,
    legacyIds: [
      { id: 'a403429f2ddf4b49b307e318f00e528b', sameAsCurrent: 'unknown', source: JS },
      { id: '53e1df302c079b3db8a0a36033ed2d15', sameAsCurrent: 'unknown', source: JS_MASTER_COPIES },
      {
        id: 'f76196b43bbd45c99b4f3cd8e8b40a8a',
        sameAsCurrent: 'inferred',
        source: indexed('43437477030', "predict({id: 'f76196b4…', version: '45fb9a671625463fa646c3523a3087d5'}); the same version id is also used with model face-detection (file #31553941721)"),
      },
    ],
    displayNames: ['Face Detection'],
    apiNames: ['face-v1.3'],
    jsConstants: ['FACE_DETECT_MODEL'],
    pythonAttributes: ['face_detection_model'],
    javaMethods: ['faceDetectionModel'],
    versionIds: [
      { id: '6dc7e46bc9124c5c8824be4822abe105', source: FACE_APP },
      { id: '45fb9a671625463fa646c3523a3087d5', source: indexed('31553941721', '/v2/models/face-detection/versions/45fb9a671625463fa646c3523a3087d5/outputs') },
    ],
    sources: [FACE_APP, FACE_APP_2, JS, JS_MASTER_COPIES, PY, JAVA],
    unverified: [
      'face-detection under clarifai/main is seen only in third-party code (copies of the model page snippet), not in a Clarifai repository read here',
      'which legacy face id (a403429f…, 53e1df30…, f76196b4…) became face-detection is not stated anywhere',
      'a later DefaultModels.java copy names 53e1df30… "face-v3.1-cluster"; its repository is not confirmed',
    ],
  },
  {
    key: 'apparel',
    id: 'apparel-recognition',
    idTag: 'verified',
    ...owner,
    legacyIds: [{ id: 'e0be3b9d6a454f0493ac3a30784001ff', sameAsCurrent: 'unknown', source: JS }],
    displayNames: ['Apparel'],
    apiNames: [],
    jsConstants: ['APPAREL_MODEL'],
    pythonAttributes: ['apparel_model'],
    javaMethods: [],
    versionIds: [],
    sources: [FOUR_CAT, JS, PY, PY_GRPC_HELPER, RUBY_GEM],
    unverified: [
      'apparel-recognition is seen only in third-party code',
      'whether e0be3b9d… became apparel-recognition, apparel-detection or apparel-classification-v2 is unknown',
      'the later Java copy gives the API name "apparel" (repository not confirmed)',
    ],
  },
  {
    key: 'apparel-detection',
    id: 'apparel-detection',
    idTag: 'verified',
    ...owner,
    legacyIds: [],
    displayNames: [],
    apiNames: [],
    jsConstants: [],
    pythonAttributes: [],
    javaMethods: [],
    versionIds: [{ id: '1ed35c3d176f45d69d2aa7971e6ab9fe', source: indexed('14804934175', "USER_ID 'clarifai', APP_ID 'main', MODEL_ID 'apparel-detection'") }],
    sources: [indexed('14804934175', '/v2/users/clarifai/apps/main/models/apparel-detection/versions/1ed35c3d…/outputs')],
    unverified: ['seen only in third-party code'],
  },
  {
    key: 'apparel-classification-v2',
    id: 'apparel-classification-v2',
    idTag: 'verified',
    ...owner,
    legacyIds: [],
    displayNames: [],
    apiNames: [],
    jsConstants: [],
    pythonAttributes: [],
    javaMethods: [],
    versionIds: [{ id: '651c5412d53c408fa3b4fe3dcc060be7', source: indexed('6206056181', "USER_ID 'clarifai', APP_ID 'main', MODEL_ID 'apparel-classification-v2'") }],
    retired: { date: '2025-12-31', what: 'decommissioned: set to Private, no public inference', source: DOCS_DECOMMISSION },
    sources: [DOCS_DECOMMISSION],
    unverified: ['the decommission page does not name the owner; clarifai/main is from third-party code'],
  },
  {
    key: 'color',
    id: 'color-recognition',
    idTag: 'verified',
    ...owner,
    legacyIds: [{ id: 'eeed0b6733a644cea07cf4c60f87ebb7', sameAsCurrent: 'inferred', source: JS }],
    displayNames: ['Color'],
    apiNames: ['color'],
    jsConstants: ['COLOR_MODEL'],
    pythonAttributes: ['color_model'],
    javaMethods: ['colorModel'],
    versionIds: [{ id: 'dd9458324b4b45c2be1a7ba84d27cd04', source: indexed('34165307021', "USER_ID 'clarifai', APP_ID 'main', MODEL_ID 'color-recognition'") }],
    sources: [FOUR_CAT, JS, PY, PY_GRPC_HELPER, JAVA],
    unverified: ['color-recognition is seen only in third-party code; the link to eeed0b67… is by name only'],
  },
  {
    key: 'moderation',
    id: 'moderation-recognition',
    idTag: 'verified',
    ...owner,
    legacyIds: [{ id: 'd16f390eb32cad478c7ae150069bd2c6', sameAsCurrent: 'inferred', source: JS }],
    displayNames: ['Moderation', 'Image Moderation'],
    apiNames: [],
    jsConstants: ['MODERATION_MODEL'],
    pythonAttributes: ['moderation_model'],
    javaMethods: [],
    versionIds: [
      {
        id: 'aa8be956dbaa4b7a858826a84253cab9',
        source: indexed('16492915967', 'response: model moderation-recognition, name "Image Moderation", created 2017-05-16, app main, version aa8be956…'),
      },
    ],
    sources: [FOUR_CAT, indexed('16492915967', 'response naming moderation-recognition "Image Moderation" in app main'), JS, PY, PY_GRPC_HELPER],
    unverified: ['moderation-recognition is seen only in third-party code and responses; the link to d16f390e… is by name only'],
  },
  {
    key: 'nsfw',
    id: 'nsfw-recognition',
    idTag: 'verified',
    ...owner,
    legacyIds: [{ id: 'e9576d86d2004ed1a38ba0cf39ecb4b1', sameAsCurrent: 'inferred', source: JS }],
    displayNames: ['NSFW'],
    apiNames: ['nsfw-v1.0'],
    jsConstants: ['NSFW_MODEL'],
    pythonAttributes: ['nsfw_model'],
    javaMethods: ['nsfwModel'],
    versionIds: [{ id: 'aa47919c9a8d4d94bfa283121281bcc4', source: indexed('13207610588', "USER_ID 'clarifai', APP_ID 'main', MODEL_ID 'nsfw-recognition'") }],
    sources: [FOUR_CAT, JS, PY, PY_GRPC_HELPER, JAVA, indexed('27307290609', 'response: model e9576d86…, display_name "NSFW", app main')],
    unverified: ['nsfw-recognition is seen only in third-party code; the link to e9576d86… is by name only'],
  },
  {
    key: 'travel',
    id: 'travel-recognition',
    idTag: 'verified',
    ...owner,
    legacyIds: [{ id: 'eee28c313d69466f836ab83287a54ed9', sameAsCurrent: 'inferred', source: JS }],
    displayNames: ['Travel'],
    apiNames: ['travel-v1.0'],
    jsConstants: ['TRAVEL_MODEL'],
    pythonAttributes: ['travel_model'],
    javaMethods: ['travelModel'],
    versionIds: [],
    retired: { date: '2025-12-31', what: 'decommissioned: set to Private, no public inference', source: DOCS_DECOMMISSION },
    sources: [DOCS_DECOMMISSION, JS, PY, PY_GRPC_HELPER, JAVA],
    unverified: ['the link from eee28c31… to travel-recognition is by name only; the decommission page does not name the owner'],
  },
  {
    key: 'wedding',
    id: null,
    idTag: 'unknown',
    ...owner,
    legacyIds: [{ id: 'c386b7a870114f4a87477c0824499348', sameAsCurrent: 'unknown', source: JS }],
    displayNames: ['Wedding'],
    apiNames: ['weddings-v1.0'],
    jsConstants: ['WEDDINGS_MODEL', 'WEDDING_MODEL'],
    pythonAttributes: ['wedding_model'],
    javaMethods: ['weddingModel'],
    versionIds: [],
    sources: [JS, JS_OLDER, PY, PY_GRPC_HELPER, JAVA],
    unverified: ['no readable id for the wedding model was found'],
  },
  {
    key: 'logo',
    id: null,
    idTag: 'unknown',
    ...owner,
    legacyIds: [{ id: 'c443119bf2ed4da98487520d01a0b1e3', sameAsCurrent: 'unknown', source: JS }],
    displayNames: ['Logo'],
    apiNames: [],
    jsConstants: ['LOGO_MODEL'],
    pythonAttributes: ['logo_model'],
    javaMethods: [],
    versionIds: [],
    sources: [JS, PY, PY_GRPC_HELPER, RUBY_GEM],
    unverified: [
      'no readable id for the v2-era logo model was found (clarifai/main also has logo-detection-v2 and logos-yolov5, seen in third-party code and release notes)',
      'the later Java copy gives the API name "logo-v0.4" (repository not confirmed)',
    ],
  },
  {
    key: 'logo-v2',
    id: 'logo-detection-v2',
    idTag: 'verified',
    ...owner,
    legacyIds: [{ id: '006764f775d210080d295e6ea1445f93', sameAsCurrent: 'inferred', source: PY_GRPC_HELPER }],
    displayNames: [],
    apiNames: [],
    jsConstants: [],
    pythonAttributes: [],
    javaMethods: [],
    versionIds: [],
    sources: [PY_GRPC_HELPER, indexed('46589463023', 'model_url https://clarifai.com/clarifai/main/models/logo-detection-v2')],
    unverified: ['logo-detection-v2 is seen only in third-party code; py-grpc calls 006764f7… only "logo v2"'],
  },
  {
    key: 'demographics',
    id: null,
    idTag: 'unknown',
    ...owner,
    legacyIds: [{ id: 'c0c0ac362b03416da06ab3fa36fb58e3', sameAsCurrent: 'unknown', source: JS }],
    displayNames: ['Demographics'],
    apiNames: [],
    jsConstants: ['DEMOGRAPHICS_MODEL'],
    pythonAttributes: ['demographics_model'],
    javaMethods: [],
    versionIds: [],
    retired: { date: '2020-10-16', what: 'retired; replaced by the public Demographics workflow (age, gender, race as separate models)', source: DOCS_PREVIOUS },
    sources: [DOCS_PREVIOUS, JS, PY, PY_GRPC_HELPER, RUBY_GEM],
    unverified: ['py-grpc keeps the id with a TODO ("Why is this not being used?"); whether it still answers is unknown'],
  },
  {
    key: 'celebrity',
    id: 'celebrity-face-detection',
    idTag: 'verified',
    ...owner,
    legacyIds: [{ id: 'e466caa0619f444ab97497640cefc4dc', sameAsCurrent: 'inferred', source: JS }],
    displayNames: ['Celebrity'],
    apiNames: [],
    jsConstants: ['CELEBRITY_MODEL'],
    pythonAttributes: ['celebrity_model'],
    javaMethods: [],
    versionIds: [{ id: '2ba4d0b0e53043f38dbbed49e03917b6', source: indexed('67397255988', "USER_ID 'clarifai', APP_ID 'main', MODEL_ID 'celebrity-face-detection'") }],
    retired: { date: '2025-12-31', what: 'decommissioned: set to Private, no public inference', source: DOCS_DECOMMISSION },
    sources: [DOCS_DECOMMISSION, FOUR_CAT, JS, PY, RUBY_GEM],
    unverified: ['the link from e466caa0… to celebrity-face-detection is by name only', 'the later Java copy gives the API name "celeb-v1.3" (repository not confirmed)'],
  },
  {
    key: 'general-embedding',
    id: 'general-image-embedding',
    idTag: 'verified',
    ...owner,
    legacyIds: [{ id: 'bbb5f41425b8468d9b7a554ff10f8581', sameAsCurrent: 'inferred', source: JS }],
    displayNames: ['General Embedding'],
    apiNames: [],
    jsConstants: ['GENERAL_EMBED_MODEL'],
    pythonAttributes: ['general_embedding_model'],
    javaMethods: [],
    versionIds: [{ id: 'bb186755eda04f9cbb6fe32e816be104', source: indexed('10970178126', '/v2/users/clarifai/apps/main/models/general-image-embedding/versions/bb186755…/outputs') }],
    sources: [indexed('35653875239', 'base_embed_model id general-image-embedding, app main, user clarifai, visual-embedder'), JS, PY, PY_GRPC_HELPER],
    unverified: ['general-image-embedding is seen only in third-party code and responses; the link to bbb5f414… is by name only'],
  },
  {
    key: 'face-embedding',
    id: null,
    idTag: 'unknown',
    ...owner,
    legacyIds: [{ id: 'd02b4508df58432fbb84e800597b8959', sameAsCurrent: 'unknown', source: JS }],
    displayNames: ['Face Embedding'],
    apiNames: [],
    jsConstants: ['FACE_EMBED_MODEL'],
    pythonAttributes: ['face_embedding_model'],
    javaMethods: [],
    versionIds: [],
    sources: [JS, PY, RUBY_GEM],
    unverified: ['no readable id found; the later Java copy uses "e15d0f873e66047e579f90cf82c9882z", which is not hex and is left out'],
  },
  {
    key: 'textures',
    id: 'texture-recognition',
    idTag: 'verified',
    ...owner,
    legacyIds: [{ id: 'fbefb47f9fdb410e8ce14f24f54b47ff', sameAsCurrent: 'inferred', source: JS }],
    displayNames: ['Textures & Patterns'],
    apiNames: [],
    jsConstants: ['TEXTURES_AND_PATTERNS'],
    pythonAttributes: ['textures_and_patterns_model'],
    javaMethods: [],
    versionIds: [],
    sources: [FOUR_CAT, JS, PY, PY_GRPC_HELPER],
    unverified: ['texture-recognition is seen only in 4CAT; the link to fbefb47f… is by name only'],
  },
  {
    key: 'landscape-quality',
    id: null,
    idTag: 'unknown',
    ...owner,
    legacyIds: [{ id: 'bec14810deb94c40a05f1f0eb3c91403', sameAsCurrent: 'unknown', source: JS }],
    displayNames: ['Landscape Quality'],
    apiNames: [],
    jsConstants: ['LANDSCAPE_QUALITY'],
    pythonAttributes: ['landscape_quality_model'],
    javaMethods: [],
    versionIds: [],
    sources: [JS, PY, PY_GRPC_HELPER],
    unverified: ['no readable id found'],
  },
  {
    key: 'portrait-quality',
    id: null,
    idTag: 'unknown',
    ...owner,
    legacyIds: [{ id: 'de9bd05cfdbf4534af151beb2a5d0953', sameAsCurrent: 'unknown', source: JS }],
    displayNames: ['Portrait Quality'],
    apiNames: [],
    jsConstants: ['PORTRAIT_QUALITY'],
    pythonAttributes: ['portrait_quality_model'],
    javaMethods: [],
    versionIds: [],
    sources: [JS, PY, PY_GRPC_HELPER],
    unverified: ['no readable id found'],
  },
  {
    key: 'focus',
    id: null,
    idTag: 'unknown',
    ...owner,
    legacyIds: [{ id: 'c2cf7cecd8a6427da375b9f35fcd2381', sameAsCurrent: 'unknown', source: JS }],
    displayNames: ['Focus'],
    apiNames: [],
    jsConstants: ['FOCUS_MODEL'],
    pythonAttributes: ['focus_model'],
    javaMethods: [],
    versionIds: [],
    retired: { date: '2020-02-01', what: 'no longer supported and removed from the API', source: DOCS_PREVIOUS },
    sources: [DOCS_PREVIOUS, JS, PY, RUBY_GEM],
    unverified: [],
  },
  {
    key: 'blur',
    id: null,
    idTag: 'unknown',
    ...owner,
    legacyIds: [{ id: 'ddd9d34872ab32be9f0e3b2b98a87be2', sameAsCurrent: 'unknown', source: JS_OLDER }],
    displayNames: [],
    apiNames: [],
    jsConstants: ['BLUR'],
    pythonAttributes: [],
    javaMethods: [],
    versionIds: [],
    sources: [JS_OLDER],
    unverified: ['only in an older clarifai-javascript revision; probably the predecessor of FOCUS_MODEL (not stated)'],
  },
  {
    key: 'cluster',
    id: null,
    idTag: 'unknown',
    ...owner,
    legacyIds: [{ id: 'cccbe437d6e54e2bb911c6aa292fb072', sameAsCurrent: 'unknown', source: JS }],
    displayNames: [],
    apiNames: [],
    jsConstants: ['CLUSTER_MODEL'],
    pythonAttributes: [],
    javaMethods: [],
    versionIds: [],
    sources: [JS, JS_OLDER],
    unverified: ['only in the JS client; no readable id found'],
  },
  {
    key: 'general-detection',
    id: 'general-image-detection',
    idTag: 'verified',
    ...owner,
    legacyIds: [],
    displayNames: [],
    apiNames: [],
    jsConstants: [],
    pythonAttributes: [],
    javaMethods: [],
    versionIds: [{ id: '1580bb1932594c93b7e2e04456af7c6f', source: DOCS_CURL_DETECT }],
    sources: [DOCS_IMAGES, DOCS_CURL_DETECT],
    unverified: [],
  },
  {
    key: 'general-segmentation',
    id: 'image-general-segmentation',
    idTag: 'verified',
    ...owner,
    legacyIds: [],
    displayNames: [],
    apiNames: [],
    jsConstants: [],
    pythonAttributes: [],
    javaMethods: [],
    versionIds: [{ id: '1581820110264581908ce024b12b4bfb', source: DOCS_CURL_SEGMENT }],
    sources: [DOCS_IMAGES, DOCS_CURL_SEGMENT],
    unverified: [],
  },
  {
    key: 'multimodal-clip-embed',
    id: 'multilingual-multimodal-clip-embed',
    idTag: 'verified',
    ...owner,
    legacyIds: [{ id: '6bfff3d825ad4fc790713b0fb593fc68', sameAsCurrent: 'inferred', source: PY_GRPC_HELPER }],
    displayNames: [],
    apiNames: [],
    jsConstants: [],
    pythonAttributes: [],
    javaMethods: [],
    versionIds: [],
    sources: [PY_GRPC_HELPER, indexed('6798067047', 'CLIP_MODEL_URL https://clarifai.com/clarifai/main/models/multilingual-multimodal-clip-embed')],
    unverified: ['the readable id is seen only in third-party code; py-grpc calls 6bfff3d8… "multimodal clip embed"'],
  },
];

/**
 * Models people often call as if they were in clarifai/main, and where they live instead.
 * Not a catalogue: only ids read in a source.
 */
export const MODELS_OUTSIDE_MAIN: readonly ModelElsewhere[] = [
  {
    id: 'GPT-4',
    userId: 'openai',
    appId: 'chat-completion',
    source: { ref: 'Clarifai/docs code_snippets/python-sdk/inference/text_gen_llm.py', kind: 'clarifai', says: 'https://clarifai.com/openai/chat-completion/models/GPT-4' },
  },
  {
    id: 'gpt-4-turbo',
    userId: 'openai',
    appId: 'chat-completion',
    source: { ref: 'Libra2003/NEXTGEN-Hackathon GPT-4_turbo.py', kind: 'third-party', says: 'https://clarifai.com/openai/chat-completion/models/gpt-4-turbo' },
  },
  {
    id: 'dall-e-3',
    userId: 'openai',
    appId: 'dall-e',
    source: { ref: 'Clarifai/docs code_snippets/api-guide/predict/curl/third_party_api_key.sh @83c1d08d1dc8d0ccc74e6ba01f485367c590e792', kind: 'clarifai', says: '/v2/users/openai/apps/dall-e/models/dall-e-3/…' },
  },
  {
    id: 'Llama2-7b-chat',
    userId: 'meta',
    appId: 'Llama-2',
    source: { ref: 'Clarifai/docs code_snippets/api-guide/predict/curl/llms_1.sh @c56440ac6229bdf2a2013efe47cd6884af4bb18e', kind: 'clarifai', says: '/v2/users/meta/apps/Llama-2/models/Llama2-7b-chat/…' },
  },
  {
    id: 'llama2-13b-chat',
    userId: 'meta',
    appId: 'Llama-2',
    source: { ...PY_GRPC_HELPER, says: 'LLM_TITLE_ID_TUPLES: (llama2-13b-chat, Llama-2, meta)' },
  },
  {
    id: 'claude-v2',
    userId: 'anthropic',
    appId: 'completion',
    source: { ...PY_GRPC_HELPER, says: 'LLM_TITLE_ID_TUPLES: (claude-v2, completion, anthropic)' },
  },
  {
    id: 'cohere-embed-english-v3_0',
    userId: 'cohere',
    appId: 'embed',
    source: { ref: 'Clarifai/docs code_snippets/api-guide/predict/curl/embeddings.sh @5e39d018d5aa52ed17dfa23850b891ca4fba2798', kind: 'clarifai', says: '/v2/users/cohere/apps/embed/models/cohere-embed-english-v3_0/…' },
  },
  {
    id: 'general-english-image-caption-blip',
    userId: 'salesforce',
    appId: 'blip',
    source: { ...DOCS_IMAGES, says: 'https://clarifai.com/salesforce/blip/models/general-english-image-caption-blip' },
  },
  {
    id: 'general-english-image-caption-blip-2-6_7B',
    userId: 'salesforce',
    appId: 'blip',
    source: { ...PY_GRPC_HELPER, says: 'IMAGE_CAPTION_TITLE_ID_TUPLES: (…blip-2-6_7B, blip, salesforce)' },
  },
  {
    id: 'asr-wav2vec2-base-960h-english',
    userId: 'facebook',
    appId: 'asr',
    source: { ...PY_GRPC_HELPER, says: 'AUDIO_MODEL_TITLE_IDS_TUPLE: (asr-wav2vec2-base-960h-english, asr, facebook)' },
  },
];

// ---- lookups -----------------------------------------------------------------------------------

/** Exact match on the current model id (ids are matched as typed). */
export function findPublicModelById(id: string): PublicModel | undefined {
  return PUBLIC_MODELS.find((m) => m.id === id);
}

/** Match a v2-era 32-hex id, ignoring case and surrounding whitespace. */
export function findPublicModelByLegacyId(hex: string): PublicModel | undefined {
  const wanted = hex.trim().toLowerCase();
  return PUBLIC_MODELS.find((m) => m.legacyIds.some((l) => l.id === wanted));
}

/** A display name ("General") or old API name ("general-v1.3"), case-insensitive: a name someone used where an id belongs. */
export function findPublicModelByDisplayName(name: string): PublicModel | undefined {
  const wanted = name.trim().toLowerCase();
  return PUBLIC_MODELS.find((m) => [...m.displayNames, ...m.apiNames].some((n) => n.toLowerCase() === wanted));
}

/** An old npm client constant, with or without the `Clarifai.` prefix: `Clarifai.FACE_DETECT_MODEL`. */
export function findPublicModelByJsConstant(name: string): PublicModel | undefined {
  const wanted = name.trim().replace(/^Clarifai\./u, '');
  return PUBLIC_MODELS.find((m) => m.jsConstants.includes(wanted));
}

/** The model a known version id belongs to (catches a version id paired with another model). */
export function findPublicModelByVersionId(versionId: string): PublicModel | undefined {
  const wanted = versionId.trim().toLowerCase();
  return PUBLIC_MODELS.find((m) => m.versionIds.some((v) => v.id === wanted));
}

/** Where a model that is not in clarifai/main lives; exact id first, then ignoring case. */
export function findModelOutsideMain(id: string): ModelElsewhere | undefined {
  const exact = MODELS_OUTSIDE_MAIN.find((m) => m.id === id);
  return exact ?? MODELS_OUTSIDE_MAIN.find((m) => m.id.toLowerCase() === id.trim().toLowerCase());
}
