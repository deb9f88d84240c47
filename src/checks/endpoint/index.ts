// The `endpoint` checks, in the order they run: the host and scheme first, then the path, then the method.
import type { Check } from '../../types/check.js';
import { check as hostTypo } from './host-typo.js';
import { check as insecureHttp } from './insecure-http.js';
import { check as grpcBaseScheme } from './grpc-base-scheme.js';
import { check as v1Path } from './v1-path.js';
import { check as doubledV2 } from './doubled-v2.js';
import { check as unknownPath } from './unknown-path.js';
import { check as wrongMethod } from './wrong-method.js';

export const endpointChecks: Check[] = [hostTypo, insecureHttp, grpcBaseScheme, v1Path, doubledV2, unknownPath, wrongMethod];
