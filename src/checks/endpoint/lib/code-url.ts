// Reads a URL or path found in code (possibly with `${…}` holes) into scheme, host and path, and classifies the host.
import { splitTemplate } from './site.js';

export interface CodeUrl {
  /** Lowercased scheme without `://`, when written. */
  scheme?: string;
  /** Lowercased host without port, when written as literal text. */
  host?: string;
  port?: string;
  /** The host part is (or contains) a code expression, so it is not known. */
  hostUnknown: boolean;
  /** The URL starts with an expression (`${BASE}/v2/models`): the part before the path is not known. */
  leadingExpression: boolean;
  /** The path with every hole written `{…}`, without query or fragment. */
  path: string;
  query: string;
  /** The path has holes. */
  pathHasExpression: boolean;
  /** The path as the code writes it, holes shown as `${expr}` (for messages). */
  shownPath: string;
}

/** A hole inside a path, as the route matcher should see it: one parameter-like segment. */
export const HOLE = '{…}';

const HOLE_BASE = 0xe000;
const HOLE_SPAN = 0x1000;
const HOLE_CHAR = /[\ue000-\uefff]/u;
const HOLE_CHARS = /[\ue000-\uefff]/gu;

/** Puts the code's own expressions back into a text built from `url.path` (`/v2/models/{…}` → `/v2/models/${id}`). */
export function showHoles(text: string, url: CodeUrl): string {
  const exprs = [...url.shownPath.matchAll(/\$\{((?:[^{}]|\{[^{}]*\})*)\}/gu)].map((m) => m[0]);
  let i = 0;
  return text.replaceAll(HOLE, () => exprs[i++] ?? HOLE);
}

/** Longer strings are not URLs anyone typed; cutting them keeps every regex below linear in practice. */
const MAX_URL = 4096;

export function parseCodeUrl(template: string): CodeUrl {
  const parts = splitTemplate(template.slice(0, MAX_URL).trim().replace(/^["'`]+|["'`]+$/gu, ''));
  const leadingExpression = parts.length > 0 && 'expr' in parts[0]!;
  // Each hole becomes one private-use character (no `/?#:`), so the structure can be read with plain string
  // operations and each hole can still be told apart when the path is shown.
  const exprs: string[] = [];
  let text = parts
    .map((p) => {
      if (!('expr' in p)) return p.literal.replace(HOLE_CHARS, '');
      exprs.push(p.expr);
      return String.fromCharCode(HOLE_BASE + Math.min(exprs.length - 1, HOLE_SPAN - 1));
    })
    .join('');
  let scheme: string | undefined;
  let authority: string | undefined;
  const withScheme = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/iu.exec(text);
  if (withScheme) {
    scheme = withScheme[1]!.toLowerCase();
    authority = withScheme[2]!;
    text = text.slice(withScheme[0].length);
  } else if (!leadingExpression) {
    // Bare `api.clarifai.com/v2/…` (curl accepts it) or `host:port` (a gRPC target).
    const bare = /^((?:[a-z0-9-]+\.)+[a-z]{2,}|localhost|\d{1,3}(?:\.\d{1,3}){3})(:\d+)?(?=[/?#]|$)/iu.exec(text);
    if (bare) {
      authority = bare[0];
      text = text.slice(bare[0].length);
    }
  } else {
    text = text.slice(1);
  }
  let host: string | undefined;
  let port: string | undefined;
  let hostUnknown = leadingExpression;
  if (authority !== undefined) {
    const hostPort = authority.replace(/^.*@/u, '');
    if (HOLE_CHAR.test(hostPort)) hostUnknown = true;
    else {
      const m = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/u.exec(hostPort);
      host = (m?.[1] ?? hostPort).toLowerCase().replace(/\.$/u, '');
      if (m?.[2]) port = m[2];
    }
  }
  const cut = text.search(/[?#]/u);
  const rawPath = cut === -1 ? text : text.slice(0, cut);
  const query = cut === -1 ? '' : text.slice(cut);
  return {
    ...(scheme ? { scheme } : {}),
    ...(host !== undefined ? { host } : {}),
    ...(port ? { port } : {}),
    hostUnknown,
    leadingExpression,
    path: rawPath.replace(HOLE_CHARS, HOLE),
    query: query.replace(HOLE_CHARS, HOLE),
    pathHasExpression: HOLE_CHAR.test(rawPath),
    shownPath: rawPath.replace(HOLE_CHARS, (c) => `\${${exprs[c.charCodeAt(0) - HOLE_BASE]}}`),
  };
}

const LOOPBACK = /^(?:localhost|.*\.localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1|0\.0\.0\.0|host\.docker\.internal)$/u;

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host);
}

export function isClarifaiHost(host: string): boolean {
  return host === 'clarifai.com' || host.endsWith('.clarifai.com');
}

/** Clarifai's OpenAI-compatible and MCP routes take `Bearer`; everything else under /v2 is the core API. */
export function isExtensionPath(path: string): boolean {
  return /^\/v2\/ext\//u.test(path);
}

/** Whether a URL is one keydoctor may judge against Clarifai's route table (not some other service's /v2). */
export function isJudgeable(url: CodeUrl): boolean {
  if (url.host !== undefined) return isClarifaiHost(url.host) || isLoopbackHost(url.host);
  return true;
}
