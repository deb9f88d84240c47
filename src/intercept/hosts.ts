// Which hosts `keydoctor run` opens: Clarifai's API hosts (decrypted and judged); every other host is tunnelled untouched.

/** The API hosts Clarifai's clients and docs name (REST, gRPC, and the dev/staging stacks of the same API). */
export const CLARIFAI_API_HOSTS: readonly string[] = ['api.clarifai.com', 'api-grpc.clarifai.com', 'api-dev.clarifai.com', 'api-staging.clarifai.com'];

export function isInterceptedHost(host: string): boolean {
  return CLARIFAI_API_HOSTS.includes(host.toLowerCase().replace(/\.$/u, ''));
}
