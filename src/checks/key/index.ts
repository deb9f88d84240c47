// The `key` checks, in the order they run: what the value is (a placeholder, another credential) before how it was damaged.
import type { Check } from '../../types/check.js';
import { check as placeholder } from './placeholder.js';
import { check as otherCredential } from './other-credential.js';
import { check as patAndSessionToken } from './pat-and-session-token.js';
import { check as schemePrefix } from './scheme-prefix.js';
import { check as wrappingQuotes } from './wrapping-quotes.js';
import { check as whitespace } from './whitespace.js';
import { check as invisibleCharacter } from './invisible-character.js';
import { check as lookalikeCharacter } from './lookalike-character.js';
import { check as wrongFormat } from './wrong-format.js';
import { check as uppercaseHex } from './uppercase-hex.js';
import { check as codeCredentialPlaceholder } from './code-credential-placeholder.js';
import { check as liveCandidateWorks } from './live-candidate-works.js';
import { check as liveRejected } from './live-rejected.js';

export const keyChecks: Check[] = [
  placeholder,
  otherCredential,
  patAndSessionToken,
  schemePrefix,
  wrappingQuotes,
  whitespace,
  invisibleCharacter,
  lookalikeCharacter,
  wrongFormat,
  uppercaseHex,
  codeCredentialPlaceholder,
  // Live: what Clarifai itself said about the value.
  liveCandidateWorks,
  liveRejected,
];
