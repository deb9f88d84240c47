// `explain()`: paste what Clarifai or an SDK said, get the causes as findings, most likely first, secrets masked.
import { diagnoseLocal, type Result } from '../core/diagnose.js';
import { Redactor } from '../core/secret.js';
import { STATUS_DESCRIPTIONS, statusDescription } from '../providers/clarifai/status-descriptions.js';
import type { Finding } from '../types/diagnostic.js';
import { cluesOf } from '../checks/pasted/pasted-error.js';
import { detailsFindings } from './causes.js';
import { clientMessageFindings } from './client-messages.js';
import { MAX_INPUT_CHARS, type InputForm, type Observation, type PastedStatus } from './parse.js';

export { MAX_INPUT_CHARS, type InputForm } from './parse.js';

export interface ExplainStatus {
  code: number;
  name: string;
  /** As pasted, else Clarifai's documented description; null when neither is known. */
  description: string | null;
  /** As pasted (any echoed key masked); absent when the paste has none. */
  details?: string;
}

export interface ExplainResult {
  /** False when the text holds nothing keydoctor can read as a Clarifai, SDK or HTTP error. */
  recognised: boolean;
  /** One line: what Clarifai said, or why the text was not recognised. */
  summary: string;
  /** How the status was found in the text. */
  form: InputForm;
  status?: ExplainStatus;
  httpStatus?: number;
  /** Causes, most likely first (not sorted by category: the order is the advice). */
  findings: Finding[];
  /** What is inferred or unknown about this answer, and input limits that applied. */
  notes: string[];
}

export interface ExplainOptions {
  /** Receives every credential seen in the text, so the caller's later output is scrubbed too. */
  redactor?: Redactor;
}

/** Codes whose details field pinpoints the cause; without it keydoctor can only list candidates. */
const DETAILS_MATTER = new Set([11008, 11009, 11102]);

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.length === 0) return false;
  // eslint-disable-next-line no-control-regex
  const odd = sample.match(/[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/gu)?.length ?? 0;
  return odd / sample.length > 0.1;
}

function label(s: PastedStatus): string {
  return `${s.code} ${s.name}`;
}

function httpNote(code: number, pasted: number | undefined): string | undefined {
  const facts = statusDescription(code)?.httpStatus;
  if (!facts || facts.tag === 'verified' || pasted !== undefined || code === 10000) return undefined;
  if (facts.tag === 'unknown' || facts.value.length === 0) return `The HTTP status Clarifai sends with ${code} is not documented.`;
  return `The HTTP status Clarifai sends with ${code} is inferred (${facts.value.join(' or ')}), not confirmed by a source.`;
}

/** Which codes Clarifai sends with an HTTP status, split by how sure the facts are. */
function codesForHttp(status: number): string {
  const verified = STATUS_DESCRIPTIONS.filter((d) => d.httpStatus.tag === 'verified' && d.httpStatus.value.includes(status)).map((d) => d.code);
  const inferred = STATUS_DESCRIPTIONS.filter((d) => d.httpStatus.tag === 'inferred' && d.httpStatus.value.includes(status)).map((d) => d.code);
  const parts: string[] = [];
  if (verified.length > 0) parts.push(`${verified.join(', ')} (verified)`);
  if (inferred.length > 0) parts.push(`${inferred.join(', ')} (inferred)`);
  return parts.join(' and ');
}

function summarise(obs: Observation, status: ExplainStatus | undefined, findings: Finding[], client: Finding[]): string {
  if (status) {
    const said = obs.form === 'message' ? 'The text matches Clarifai\'s' : 'Clarifai said';
    const head = `${said} ${status.code} ${status.name}${status.description ? ` — ${status.description}` : ''}${status.details ? ` (${status.details})` : ''}`;
    if (status.code === 10000) return `${head}: not an error, the request succeeded.`;
    if (status.code === 10010) return `${head}: some items succeeded and some failed; each item carries its own status.`;
    if (findings.length === 0) return `${head}: not a key or authentication problem; the credential was accepted and the request failed for another reason.`;
    return head;
  }
  const page = findings.find((f) => f.id === 'endpoint/not-clarifai-answer');
  if (page) return `${page.message.split(', so ')[0]}.`;
  if (client[0]?.id === 'endpoint/legacy-client') return "Clarifai's retired v1 API answered: the code or its client still calls /v1/.";
  if (client.length > 0) return 'The SDK or the network failed before Clarifai answered.';
  if (obs.httpStatus === undefined) return 'No answer from Clarifai in the text, but the request it shows has a problem.';
  const http = obs.httpStatus!;
  if (http >= 200 && http < 300) return `HTTP ${http}: not an error.`;
  const codes = codesForHttp(http);
  return `HTTP ${http} alone is ambiguous${codes ? `: Clarifai sends it with ${codes}` : ''}; the status.code in the response body pinpoints the cause.`;
}

function notRecognised(text: string): string {
  if (text.trim() === '') return 'Nothing to explain: the input is empty. Paste the response body, the SDK error, or a status code.';
  if (looksBinary(text)) return 'Not recognised: the input looks like binary data, not an error message. Paste the response body or the SDK error as text.';
  return 'Not recognised: no Clarifai status code, status name, known error message or HTTP status found. Paste the full response body or the SDK\'s error output.';
}

/** Explains pasted text; the engine's Result for the same paste comes with it (the CLI prints its envelope). */
export function explainWithResult(text: string, options: ExplainOptions = {}): { explanation: ExplainResult; result: Result } {
  const input = typeof text === 'string' ? text : String(text ?? '');
  const redactor = options.redactor ?? new Redactor();
  // The engine judges the paste like any other evidence; the causes keep the order of the advice.
  const result = diagnoseLocal({ pasted: input, command: 'explain', order: 'emitted', redactor });
  // The paste is read once, by the engine; the summary below reads the same observation.
  const obs = result.evidence.pasted!.observation;
  const findings = result.findings;
  const clues = cluesOf(obs);
  const client = clientMessageFindings(obs.text);

  const recognised = findings.length > 0 || obs.status !== undefined || obs.httpStatus !== undefined;
  const status: ExplainStatus | undefined = obs.status
    ? {
        code: obs.status.code,
        name: obs.status.name,
        description: redactor.redact(obs.status.description ?? statusDescription(obs.status.code)?.description.value ?? '') || null,
        ...(obs.status.details ? { details: redactor.redact(obs.status.details) } : {}),
      }
    : undefined;

  const notes: string[] = [];
  if (obs.truncated) notes.push(`Only the first ${MAX_INPUT_CHARS.toLocaleString('en')} characters were read.`);
  if (obs.status) {
    const code = obs.status.code;
    if (status && status.description === null) notes.push(`Clarifai's description text for ${code} is not documented.`);
    const http = httpNote(code, obs.httpStatus);
    if (http) notes.push(http);
    if (DETAILS_MATTER.has(code) && obs.status.details === undefined && detailsFindings(obs.text, clues, true).length === 0) {
      notes.push(`The response's "details" field usually pinpoints the cause of ${code}; paste the whole body to narrow these candidates down.`);
    }
    if (obs.others.length > 0) notes.push(`The paste also holds ${obs.others.map(label).join(', ')}; their causes follow the first status's.`);
  }

  return {
    result,
    explanation: {
      recognised,
      summary: redactor.redact(recognised ? summarise(obs, status, findings, client) : notRecognised(obs.text)),
      form: obs.status || obs.httpStatus !== undefined ? obs.form : client.length > 0 ? 'client-message' : recognised ? 'request' : 'none',
      ...(status ? { status } : {}),
      ...(obs.httpStatus !== undefined ? { httpStatus: obs.httpStatus } : {}),
      findings,
      notes,
    },
  };
}

/** Paste what Clarifai or an SDK said; get the causes as findings, most likely first, secrets masked. */
export function explain(text: string, options: ExplainOptions = {}): ExplainResult {
  return explainWithResult(text, options).explanation;
}
