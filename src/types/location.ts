// Where a finding points: a file position, an environment variable and its source, or a network exchange.

/** A position in a file; line and column are 1-based. `snippet` is the offending code, secrets masked. */
export interface FileLocation {
  file: string;
  line?: number;
  column?: number;
  snippet?: string;
}

/**
 * An environment variable and where its value came from. `source` is `shell`, `flag`, or the
 * path of a dotenv file (then `line` is set).
 */
export interface EnvLocation {
  env: string;
  source: string;
  line?: number;
}

/** An HTTP exchange with the API; `url` never carries a secret. */
export interface HttpLocation {
  method: string;
  url: string;
  status?: number;
}

/** A gRPC call; `target` is host:port. */
export interface GrpcLocation {
  rpc: string;
  target: string;
}

export type Location = FileLocation | EnvLocation | HttpLocation | GrpcLocation;

export function isFileLocation(l: Location): l is FileLocation {
  return 'file' in l;
}
export function isEnvLocation(l: Location): l is EnvLocation {
  return 'env' in l;
}
export function isHttpLocation(l: Location): l is HttpLocation {
  return 'method' in l && 'url' in l;
}
export function isGrpcLocation(l: Location): l is GrpcLocation {
  return 'rpc' in l;
}

/** A short human label: `src/a.ts:3:7`, `CLARIFAI_PAT (.env:2)`, `GET https://… → 401`. */
export function formatLocation(l: Location): string {
  if (isFileLocation(l)) {
    return [l.file, l.line, l.line !== undefined ? l.column : undefined].filter((p) => p !== undefined).join(':');
  }
  if (isEnvLocation(l)) {
    const where = l.line !== undefined ? `${l.source}:${l.line}` : l.source;
    return `${l.env} (${where})`;
  }
  if (isHttpLocation(l)) return `${l.method} ${l.url}${l.status !== undefined ? ` → ${l.status}` : ''}`;
  return `gRPC ${l.rpc} @ ${l.target}`;
}
