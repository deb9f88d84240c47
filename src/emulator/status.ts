// The status block the emulator sends: Clarifai's exact description strings and the HTTP status it picks for each code.
import { randomUUID } from 'node:crypto';
import { statusDescription } from '../providers/clarifai/status-descriptions.js';

export interface WireStatus {
  code: number;
  description: string;
  details?: string;
  req_id: string;
}

/**
 * HTTP statuses for codes whose real status nobody has seen. Where the facts give candidates the emulator
 * takes the first; these are its own picks (docs/emulator.md lists them as such).
 */
const PICKED_HTTP: Record<number, number> = { 11000: 402, 11006: 402, 11103: 405, 11104: 403, 11105: 416, 11200: 401 };

/** Descriptions the curated facts leave unknown; "Ok" is what Clarifai's documented sample responses show. */
const PICKED_DESCRIPTION: Record<number, string> = { 10000: 'Ok' };

export function httpStatusFor(code: number): number {
  const picked = statusDescription(code)?.httpStatus.value[0];
  return picked ?? PICKED_HTTP[code] ?? 400;
}

export function descriptionFor(code: number): string {
  return statusDescription(code)?.description.value ?? PICKED_DESCRIPTION[code] ?? 'Failure';
}

/** 32 lowercase hex characters, like the req_id of real responses (randomUUID is the cheapest random source). */
export function newRequestId(): string {
  return randomUUID().replaceAll('-', '');
}

export function wireStatus(code: number, details: string | undefined, reqId: string): WireStatus {
  return { code, description: descriptionFor(code), ...(details !== undefined ? { details } : {}), req_id: reqId };
}
