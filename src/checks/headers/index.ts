// The `headers` checks, in the order they run: the header's name, then its value, then how the code builds it.
import type { Check } from '../../types/check.js';
import { check as wrongHeaderName } from './wrong-header-name.js';
import { check as grpcMetadataCase } from './grpc-metadata-case.js';
import { check as missingScheme } from './missing-scheme.js';
import { check as schemeFormat } from './scheme-format.js';
import { check as bearerOnCoreApi } from './bearer-on-core-api.js';
import { check as undefinedValue } from './undefined-value.js';
import { check as separateGrpcJs } from './separate-grpc-js.js';
import { check as liveSentAuth } from './live-sent-auth.js';

export const headersChecks: Check[] = [
  wrongHeaderName,
  grpcMetadataCase,
  missingScheme,
  schemeFormat,
  bearerOnCoreApi,
  undefinedValue,
  separateGrpcJs,
  liveSentAuth,
];
