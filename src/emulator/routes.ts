// The emulator's own REST routing: a segment trie over the generated table's bindings, walked like a gateway would.
// Deliberately not the doctor's matcher (providers/clarifai/api-table.ts matchRoute): the doctor-against-emulator
// tests only prove something when a routing bug on either side shows up as a disagreement.
import { apiTable, type Binding, type RpcInfo } from '../providers/clarifai/api-table.js';

export type EmulatorRoute =
  | { kind: 'match'; rpc: RpcInfo; binding: Binding; params: Record<string, string> }
  /** The path exists, for these methods only (each method once, in table order of their best binding). */
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'no-match' };

/** How specific one template segment is: a literal beats a one-segment parameter, which beats `{x=**}`. */
const LITERAL = 0;
const PARAM = 1;
const REST = 2;

interface Endpoint {
  rpc: RpcInfo;
  binding: Binding;
  /** Parameter name for each PARAM/REST segment, in path order. */
  names: string[];
  /** One rank per template segment; the lexicographically smallest is the most specific. */
  ranks: number[];
  /** Position in the table: breaks ties between templates of the same shape. */
  order: number;
}

interface Node {
  literals: Map<string, Node>;
  param?: Node;
  /** Bindings ending exactly here. */
  ends: Endpoint[];
  /** Bindings whose last segment is `{x=**}` starting here (it takes the remaining one or more segments). */
  rests: Endpoint[];
}

const newNode = (): Node => ({ literals: new Map(), ends: [], rests: [] });

let root: Node | undefined;

/** Builds the trie once, on the first request. */
function trie(): Node {
  if (root) return root;
  const top = newNode();
  let order = 0;
  for (const rpc of apiTable.rpcs) {
    for (const binding of rpc.bindings) {
      const segments = binding.path.split('/').slice(1);
      const endpoint: Endpoint = { rpc, binding, names: [], ranks: [], order: order++ };
      let node = top;
      segments.forEach((segment, i) => {
        const variable = /^\{([^{}=]+)(?:=([^{}]*))?\}$/u.exec(segment);
        if (!variable) {
          if (segment.includes('{') || segment.includes('}')) throw new Error(`emulator: unsupported path template segment ${segment} in ${binding.path}`);
          endpoint.ranks.push(LITERAL);
          let next = node.literals.get(segment);
          if (!next) node.literals.set(segment, (next = newNode()));
          node = next;
          return;
        }
        const [, name, pattern] = variable;
        endpoint.names.push(name!);
        if (pattern === '**') {
          if (i !== segments.length - 1) throw new Error(`emulator: {${name}=**} must be the last segment of ${binding.path}`);
          endpoint.ranks.push(REST);
          node.rests.push(endpoint);
          return;
        }
        if (pattern !== undefined && pattern !== '*') throw new Error(`emulator: unsupported variable pattern ${segment} in ${binding.path}`);
        endpoint.ranks.push(PARAM);
        node = node.param ??= newNode();
      });
      if (endpoint.ranks[endpoint.ranks.length - 1] !== REST) node.ends.push(endpoint);
    }
  }
  root = top;
  return root;
}

function unescape(part: string): string {
  if (!part.includes('%')) return part;
  try {
    return decodeURIComponent(part);
  } catch {
    return part; // a stray `%` is kept as written
  }
}

function moreSpecific(a: Endpoint, b: Endpoint): number {
  for (let i = 0; i < Math.min(a.ranks.length, b.ranks.length); i++) if (a.ranks[i] !== b.ranks[i]) return a.ranks[i]! - b.ranks[i]!;
  return b.ranks.length - a.ranks.length || a.order - b.order;
}

/**
 * Every binding whose template fits the path's segments, most specific first. The walk keeps the set of trie nodes
 * the path can be at (no backtracking), so the work is linear in the number of segments.
 */
function candidates(parts: string[]): Endpoint[] {
  let here: Node[] = [trie()];
  const found: Endpoint[] = [];
  for (let i = 0; i < parts.length && here.length > 0; i++) {
    // `{x=**}` takes this segment and all after it, whatever they hold.
    for (const node of here) found.push(...node.rests);
    const part = parts[i]!;
    // An empty segment (`/v2/models//outputs`) fills no parameter and equals no literal.
    if (part === '') return found.sort(moreSpecific);
    const literal = unescape(part);
    const next: Node[] = [];
    for (const node of here) {
      const l = node.literals.get(literal);
      if (l) next.push(l);
      if (node.param) next.push(node.param);
    }
    here = next;
  }
  for (const node of here) found.push(...node.ends);
  return found.sort(moreSpecific);
}

/** The parameters of an endpoint, read back from the path's segments. */
function paramsOf(endpoint: Endpoint, parts: string[]): Record<string, string> {
  const params: Record<string, string> = {};
  let n = 0;
  endpoint.ranks.forEach((rank, i) => {
    if (rank === PARAM) params[endpoint.names[n++]!] = unescape(parts[i]!);
    else if (rank === REST) params[endpoint.names[n++]!] = parts.slice(i).map(unescape).join('/');
  });
  return params;
}

/** The request target as a path: absolute-form (`http://host/v2/…`, through a proxy) or origin-form; no query, no trailing slash. */
export function pathOfRequest(url: string): string {
  let path = url;
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/iu.exec(path);
  if (absolute) path = path.slice(absolute[0].length);
  const end = path.search(/[?#]/u);
  if (end >= 0) path = path.slice(0, end);
  if (!path.startsWith('/')) path = `/${path}`;
  while (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path;
}

/** Which RPC the emulator serves for a method and path: per method, the most specific template wins. */
export function routeRequest(method: string, path: string): EmulatorRoute {
  const parts = path.split('/').slice(1);
  const fits = candidates(parts);
  const verb = method.toUpperCase();
  const chosen = fits.find((e) => e.binding.method === verb);
  if (chosen) return { kind: 'match', rpc: chosen.rpc, binding: chosen.binding, params: paramsOf(chosen, parts) };
  if (fits.length === 0) return { kind: 'no-match' };
  return { kind: 'wrong-method', allowed: [...new Set(fits.map((e) => e.binding.method))] };
}
