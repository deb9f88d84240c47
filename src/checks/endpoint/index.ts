// The `endpoint` checks, in the order they run: the host and scheme first, then the path, then the method.
import type { Check } from '../../types/check.js';
import { check as hostTypo } from './host-typo.js';
import { check as insecureHttp } from './insecure-http.js';
import { check as grpcBaseScheme } from './grpc-base-scheme.js';
import { check as v1Path } from './v1-path.js';
import { check as doubledV2 } from './doubled-v2.js';
import { check as unknownPath } from './unknown-path.js';
import { check as wrongMethod } from './wrong-method.js';
import { check as bodyNotForRoute } from './body-not-for-route.js';
import { check as legacyClient } from './legacy-client.js';
import { check as legacyAppSecret } from './legacy-app-secret.js';
import { check as liveBaseUrl } from './live-base-url.js';
import { check as liveProxy } from './live-proxy.js';
import { check as liveNetwork } from './live-network.js';
import { check as liveTls } from './live-tls.js';
import { check as liveNotClarifai } from './live-not-clarifai.js';
import { check as liveRoute } from './live-route.js';

export const endpointChecks: Check[] = [
  hostTypo,
  insecureHttp,
  grpcBaseScheme,
  v1Path,
  doubledV2,
  unknownPath,
  wrongMethod,
  bodyNotForRoute,
  // The client itself: a legacy SDK, or the retired app id/secret pair.
  legacyAppSecret,
  legacyClient,
  // Live: the configured base and what answered on it.
  liveBaseUrl,
  liveProxy,
  liveNetwork,
  liveTls,
  liveNotClarifai,
  liveRoute,
];
