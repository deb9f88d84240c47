// The facts one file yields, in a form that crosses worker threads (key values as plain strings until the main thread wraps them).
import type { AuthHeaderSite, ClientSite, CodeEvidence, DependencySite, EnvLoaderSite, EnvRead, IdSite, ImportSite, KeyLiteral, RequestSite, UrlSite } from '../types/code-evidence.js';
import type { FileCredentialFacts } from './credential/types.js';

export type RawKeyLiteral = Omit<KeyLiteral, 'value'> & { value: string };

export interface FileFacts {
  envReads: EnvRead[];
  authHeaders: AuthHeaderSite[];
  urls: UrlSite[];
  keyLiterals: RawKeyLiteral[];
  imports: ImportSite[];
  suppressions: CodeEvidence['suppressions'];
  /** Clarifai-specific facts (src/scan/extractors/clarifai-usage.ts, src/scan/manifests): absent when none. */
  dependencies?: DependencySite[];
  clientSites?: ClientSite[];
  idSites?: IdSite[];
  /** The file names a request's owner somewhere (`user_app_id`, `UserAppIDSet`, `userAppId`): `[file]`, or absent. */
  userAppIdFiles?: string[];
  /** Code that loads dotenv files (src/scan/extractors/env-loaders.ts): absent when none. */
  envLoaders?: EnvLoaderSite[];
  /** Outgoing requests (src/scan/requests): absent when none. */
  requests?: RequestSite[];
  /** Auth headers sent to other API services (moved out of `authHeaders` once the file is read). */
  otherServiceHeaders?: AuthHeaderSite[];
  /** Credential-flow facts (assignments, imports, sinks), linked across files after the walk (src/scan/credential). */
  credential?: FileCredentialFacts;
}

export function emptyFacts(): FileFacts {
  return { envReads: [], authHeaders: [], urls: [], keyLiterals: [], imports: [], suppressions: [] };
}

export function isEmpty(f: FileFacts): boolean {
  return (
    f.envReads.length + f.authHeaders.length + f.urls.length + f.keyLiterals.length + f.imports.length + f.suppressions.length +
      (f.dependencies?.length ?? 0) + (f.clientSites?.length ?? 0) + (f.idSites?.length ?? 0) + (f.envLoaders?.length ?? 0) + (f.requests?.length ?? 0) + (f.otherServiceHeaders?.length ?? 0) === 0 &&
    !hasCredentialFacts(f.credential)
  );
}

function hasCredentialFacts(c: FileCredentialFacts | undefined): boolean {
  return c !== undefined && c.bindings.length + c.imports.length + c.sinks.length + c.logs.length + c.documented.length > 0;
}

/** Drops repeats of the same fact at the same place (a pass over a file and over its code blocks may meet twice). */
export function dedupeFacts(f: FileFacts): FileFacts {
  const unique = <T extends { line: number; column: number }>(items: T[], key: (t: T) => string): T[] => {
    const seen = new Set<string>();
    return items.filter((t) => {
      const k = `${t.line}:${t.column}:${key(t)}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };
  return {
    ...f,
    envReads: unique(f.envReads, (t) => t.name),
    authHeaders: unique(f.authHeaders, (t) => t.name),
    urls: unique(f.urls, (t) => t.url),
    keyLiterals: unique(f.keyLiterals, (t) => t.value),
    imports: unique(f.imports, (t) => t.module),
    suppressions: uniqueLines(f.suppressions),
    ...(f.credential ? { credential: f.credential } : {}),
  };
}

/** The first suppression of each line (a Set, not a search per item: a file may carry thousands). */
function uniqueLines<T extends { line: number }>(items: T[]): T[] {
  const seen = new Set<number>();
  return items.filter((t) => !seen.has(t.line) && (seen.add(t.line), true));
}
