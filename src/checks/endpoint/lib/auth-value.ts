// Reads an Authorization value template into its parts (Clarifai's one splitter, providers/clarifai/authorization.ts).
import { splitAuthorization } from '../../../providers/clarifai/authorization.js';
import { MASKED_SECRET, MASKED_SECRETS, splitTemplate } from './site.js';

/** Stands for "the credential" (a code expression or a masked literal) inside a normalized value. */
export const TOKEN = '\u0000';

export interface AuthValue {
  /** The value with each hole and masked secret replaced by TOKEN. */
  normalized: string;
  lead: string;
  /** The leading run of letters (`Key`, `key`, `Bearer`, or empty when the value starts with the credential). */
  word: string;
  gap: string;
  rest: string;
  /** The code expressions the value is built from, in order. */
  exprs: string[];
}

export function readAuthValue(template: string): AuthValue {
  const exprs: string[] = [];
  const normalized = splitTemplate(template)
    .map((p) => {
      if ('expr' in p) {
        exprs.push(p.expr);
        return TOKEN;
      }
      return p.literal.replace(MASKED_SECRETS, TOKEN);
    })
    .join('');
  const p = splitAuthorization(normalized);
  return { normalized, lead: p.lead, word: p.scheme, gap: p.separator, rest: p.rest, exprs };
}

/** `Key ${…}` with the credential part of the original template kept: the value the fix asks for. */
export function correctedValue(template: string): string {
  let rendered = '';
  let start = -1;
  for (const p of splitTemplate(template)) {
    if ('expr' in p) {
      if (start === -1) start = rendered.length;
      rendered += `\${${p.expr}}`;
    } else {
      const m = MASKED_SECRET.exec(p.literal);
      if (m && start === -1) start = rendered.length + m.index;
      rendered += p.literal;
    }
  }
  return start === -1 ? 'Key <your PAT or API key>' : `Key ${rendered.slice(start).trimEnd()}`;
}

/**
 * `correctedValue` written in the language of `file`: a Python f-string (`f"Key {pat}"`) for Python and notebooks,
 * the `Key ${…}` template-literal form elsewhere (JavaScript, shell, YAML and docs read it the same way).
 */
export function correctedValueFor(template: string, file: string): string {
  const value = correctedValue(template);
  if (/\.(?:py|ipynb)$/u.test(file) && value.includes('${')) {
    const body = value.replace(/\$\{/gu, '{');
    // Before Python 3.12 an f-string cannot reuse its own quote inside the braces.
    return body.includes('"') ? `f'${body}'` : `f"${body}"`;
  }
  return value;
}

/** An expression that plainly holds a credential (`process.env.CLARIFAI_PAT`, `apiKey`, `PAT`), not a prebuilt header. */
export function looksLikeCredentialExpression(expr: string): boolean {
  const last = /([A-Za-z_$][\w$]*)\W*$/u.exec(expr)?.[1] ?? '';
  if (/auth|header|bearer/iu.test(last)) return false;
  return /(?:pat|api_?key|apikey|key|token|secret)$/iu.test(last) || /(?:^|_)PAT(?:_|$)/u.test(last);
}
