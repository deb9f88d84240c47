// Clarifai's public models (user `clarifai`, app `main`) as data: current ids, v2-era 32-hex ids, names and old client constants, each with the sources it was read from.
//
// Why this exists: people call these models with the wrong handle — a legacy hex id, an old client constant
// (`Clarifai.FACE_DETECT_MODEL`), a display name ("General") or a name (`general-v1.3`) where an id is expected,
// the version id of another model, or a `clarifai/main` path for a model that lives elsewhere (GPT-4).
// Which credential reaches them (a PAT, since the 2023/2025 changes) is stated in pat-required.ts.
//
// The research itself is data: data/public-models.json, checked against data/public-models.schema.json by
// test/providers/clarifai/public-models-data.test.ts. This module gives it types and lookups; checks read it.
// Tags follow docs/clarifai-facts.md: "verified" = read in the named source, "inferred" = reasoning from verified
// facts, "unknown" = no source found. A source's `kind` says whether Clarifai wrote it or it is someone else's code.
import { createRequire } from 'node:module';
import { PUBLIC_APP_ID, PUBLIC_USER_ID } from './pat-required.js';
import type { FactTag } from './status-descriptions.js';

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
  /** Why the link is believed, when the table says more than its source. */
  note?: string;
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

// ---- the data ---------------------------------------------------------------------------------

/** In the JSON a source is named (`"JS"`), named with its own `says`, or written out. */
type SourceRef = string | { from: string; says: string } | ModelSource;

interface PublicModelsFile {
  owner: { userId: typeof PUBLIC_MODELS_USER_ID; appId: typeof PUBLIC_MODELS_APP_ID };
  sources: Record<string, ModelSource>;
  models: (Omit<PublicModel, 'userId' | 'appId' | 'legacyIds' | 'versionIds' | 'retired' | 'sources'> & {
    legacyIds: (Omit<LegacyId, 'source'> & { source: SourceRef })[];
    versionIds: { id: string; source: SourceRef }[];
    retired?: Omit<Retirement, 'source'> & { source: SourceRef };
    sources: SourceRef[];
  })[];
  modelsOutsideMain: (Omit<ModelElsewhere, 'source'> & { source: SourceRef })[];
}

// Never used as a value: naming the JSON in a type query makes tsc copy it into dist/ next to this file, where the
// require below finds it at run time (under tsx it is found in src/).
export type PublicModelsJson = typeof import('./data/public-models.json', { with: { type: 'json' } });

const file = createRequire(import.meta.url)('./data/public-models.json') as PublicModelsFile;

function source(ref: SourceRef): ModelSource {
  if (typeof ref !== 'string' && !('from' in ref)) return ref;
  const name = typeof ref === 'string' ? ref : ref.from;
  const named = file.sources[name];
  if (!named) throw new Error(`public-models.json: unknown source ${name}`);
  return typeof ref === 'string' ? named : { ...named, says: ref.says };
}

/** January 2022: models got readable ids; "the old user_unique_id will still be usable in all queries". */
export const DOCS_ID_CHANGE: ModelSource = source('DOCS_ID_CHANGE');

export const PUBLIC_MODELS: readonly PublicModel[] = file.models.map(({ retired, ...m }) => ({
  ...m,
  userId: PUBLIC_MODELS_USER_ID,
  appId: PUBLIC_MODELS_APP_ID,
  legacyIds: m.legacyIds.map((l) => ({ ...l, source: source(l.source) })),
  versionIds: m.versionIds.map((v) => ({ ...v, source: source(v.source) })),
  ...(retired ? { retired: { ...retired, source: source(retired.source) } } : {}),
  sources: m.sources.map(source),
}));

/**
 * Models people often call as if they were in clarifai/main, and where they live instead.
 * Not a catalogue: only ids read in a source.
 */
export const MODELS_OUTSIDE_MAIN: readonly ModelElsewhere[] = file.modelsOutsideMain.map((m) => ({ ...m, source: source(m.source) }));

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
