// Reads the few fields `keydoctor run` reports from Clarifai's wire formats: gRPC frames, protobuf, and JSON bodies.
import type { ClarifaiStatus } from '../types/live-evidence.js';

/** The request fields that decide how Clarifai authorizes a call. */
export interface BodyFields {
  userId?: string;
  appId?: string;
  modelId?: string;
  versionId?: string;
}

type Field = { no: number; wire: number; varint?: number; bytes?: Buffer };

/** The top-level fields of one protobuf message; stops quietly at the first malformed byte. */
function fields(buf: Buffer): Field[] {
  const out: Field[] = [];
  let i = 0;
  const varint = (): number | undefined => {
    let result = 0;
    let shift = 0;
    while (i < buf.length && shift < 49) {
      const b = buf[i++]!;
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
    }
    return undefined;
  };
  while (i < buf.length) {
    const tag = varint();
    if (tag === undefined) break;
    const no = Math.floor(tag / 8);
    const wire = tag & 7;
    if (wire === 0) {
      const v = varint();
      if (v === undefined) break;
      out.push({ no, wire, varint: v });
    } else if (wire === 2) {
      const len = varint();
      if (len === undefined || i + len > buf.length) break;
      out.push({ no, wire, bytes: buf.subarray(i, i + len) });
      i += len;
    } else if (wire === 1) i += 8;
    else if (wire === 5) i += 4;
    else break;
  }
  return out;
}

const text = (f: Field | undefined) => (f?.bytes ? f.bytes.toString('utf8') : undefined);

/** The first message of a gRPC body (5-byte prefix: compressed flag, big-endian length), or undefined when compressed or cut short. */
export function firstGrpcMessage(body: Buffer): Buffer | undefined {
  if (body.length < 5 || body[0] !== 0) return undefined;
  const len = body.readUInt32BE(1);
  return body.length >= 5 + len ? body.subarray(5, 5 + len) : undefined;
}

/** Clarifai's requests put `user_app_id` (UserAppIDSet: user_id 1, app_id 2) in field 1; model-scoped ones put model_id and version_id in 2 and 3. */
export function grpcRequestFields(message: Buffer, rpc: string): BodyFields {
  const top = fields(message);
  const out: BodyFields = {};
  const set = top.find((f) => f.no === 1 && f.bytes);
  if (set?.bytes) {
    const inner = fields(set.bytes);
    const user = text(inner.find((f) => f.no === 1));
    const app = text(inner.find((f) => f.no === 2));
    if (user) out.userId = user;
    if (app) out.appId = app;
  }
  if (/ModelOutputs$|ModelVersion/u.test(rpc)) {
    const model = text(top.find((f) => f.no === 2 && f.bytes));
    const version = text(top.find((f) => f.no === 3 && f.bytes));
    if (model) out.modelId = model;
    if (version) out.versionId = version;
  }
  return out;
}

/** Every Clarifai response carries `status` (code 1, description 2, details 3, req_id 7) as field 1. */
export function grpcResponseStatus(message: Buffer): ClarifaiStatus | undefined {
  const status = fields(message).find((f) => f.no === 1 && f.bytes);
  if (!status?.bytes) return undefined;
  const inner = fields(status.bytes);
  const code = inner.find((f) => f.no === 1 && f.wire === 0)?.varint;
  if (code === undefined) return undefined;
  const reqId = text(inner.find((f) => f.no === 7));
  return { code, description: text(inner.find((f) => f.no === 2)) ?? '', details: text(inner.find((f) => f.no === 3)) ?? '', ...(reqId ? { reqId } : {}) };
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** `user_app_id` and `model` from a REST JSON body (either spelling Clarifai accepts: snake_case or camelCase). */
export function restRequestFields(body: Buffer): BodyFields {
  const json = parseJson(body) as Record<string, any> | undefined;
  if (!json || typeof json !== 'object') return {};
  const set = json.user_app_id ?? json.userAppId;
  const out: BodyFields = {};
  const user = str(set?.user_id ?? set?.userId);
  const app = str(set?.app_id ?? set?.appId);
  const model = str(json.model?.id ?? json.model_id);
  const version = str(json.model?.model_version?.id ?? json.version_id);
  if (user) out.userId = user;
  if (app) out.appId = app;
  if (model) out.modelId = model;
  if (version) out.versionId = version;
  return out;
}

/** The `status` of a REST JSON answer, when the body is Clarifai's. */
export function restResponseStatus(body: Buffer): ClarifaiStatus | undefined {
  const json = parseJson(body) as Record<string, any> | undefined;
  const s = json?.status;
  if (!s || typeof s.code !== 'number') return undefined;
  return { code: s.code, description: String(s.description ?? ''), details: String(s.details ?? ''), ...(s.req_id ? { reqId: String(s.req_id) } : {}) };
}
