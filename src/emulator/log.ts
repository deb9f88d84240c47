// One request-log entry per request: the auth decision and why, with every credential masked.
import { mask } from '../core/secret.js';
import { parseAuthorization } from './authorize.js';

export interface EmulatorLogEntry {
  /** When the request arrived (ISO 8601). */
  time: string;
  transport: 'rest' | 'grpc';
  req_id: string;
  /** REST only: the method and the path without its query string. */
  method?: string;
  path?: string;
  /** The RPC the request reached, when it reached one. */
  rpc?: string;
  /** The token sent after `Key `, masked; or each raw Authorization value, masked, when it was malformed. */
  key?: string;
  authorization?: string[];
  decision: 'allow' | 'deny';
  code: number;
  http_status?: number;
  reason: string;
  user_id?: string;
  app_id?: string;
  /** Epoch milliseconds when the request arrived and when the response left (after any --latency). */
  received_at: number;
  responded_at: number;
}

/** The credential fields of a log entry; the echoed token in status.details never reaches the log. */
export function maskedCredential(values: string[]): Pick<EmulatorLogEntry, 'key' | 'authorization'> {
  if (values.length === 0) return {};
  const parsed = parseAuthorization(values);
  return 'token' in parsed ? { key: mask(parsed.token) } : { authorization: values.map((v) => mask(v)) };
}
