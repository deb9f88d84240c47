// The `env` checks, in the order they run.
import type { Check } from '../../types/check.js';
import { check as noCredential } from './no-credential.js';
import { check as fileNotLoaded } from './file-not-loaded.js';
import { check as nothingLoadsFile } from './nothing-loads-file.js';
import { check as loaderMissesFile } from './loader-misses-file.js';
import { check as bomFirstName } from './bom-first-name.js';
import { check as sourcedCrlf } from './sourced-crlf.js';
import { check as unreadableFile } from './unreadable-file.js';
import { check as ignoredLine } from './ignored-line.js';
import { check as nearMissName } from './near-miss-name.js';
import { check as shadowed } from './shadowed.js';
import { check as unclosedQuote } from './unclosed-quote.js';
import { check as inlineComment } from './inline-comment.js';
import { check as invalidUtf8 } from './invalid-utf8.js';
import { check as duplicateName } from './duplicate-name.js';
import { check as codeNearMiss } from './code-near-miss.js';
import { check as codeCredentialUnset } from './code-credential-unset.js';
import { check as codeCredentialDocs } from './code-credential-docs.js';
import { check as codeCredentialName } from './code-credential-name.js';
import { check as liveOtherSourceWorks } from './live-other-source-works.js';
import { check as liveNeverSet } from './live-never-set.js';
import { check as composeBlankValue } from './compose-blank-value.js';
import { check as buildArgOnly } from './build-arg-only.js';
import { check as imageEnvPlaceholder } from './image-env-placeholder.js';
import { check as workflowCredential } from './workflow-credential.js';
import { check as loadersDisagree } from './loaders-disagree.js';
import { check as frameworkNeverExposes } from './framework-never-exposes.js';

export const envChecks: Check[] = [
  // The most likely cause first: nothing set, set where nothing reads it, or under a name nothing reads.
  noCredential,
  nothingLoadsFile,
  loaderMissesFile,
  bomFirstName,
  sourcedCrlf,
  // Containers and CI: what compose, the image and the workflow give the app.
  composeBlankValue,
  buildArgOnly,
  imageEnvPlaceholder,
  workflowCredential,
  loadersDisagree,
  frameworkNeverExposes,
  fileNotLoaded,
  unreadableFile,
  ignoredLine,
  nearMissName,
  shadowed,
  unclosedQuote,
  inlineComment,
  invalidUtf8,
  duplicateName,
  codeNearMiss,
  // What the code actually sends: the variable it reads, what the docs say to set, what the name is.
  codeCredentialUnset,
  codeCredentialDocs,
  codeCredentialName,
  // Live: which source holds the value Clarifai accepts.
  liveNeverSet,
  liveOtherSourceWorks,
];
