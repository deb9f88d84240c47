// `keydoctor routes`: look up a Clarifai RPC or REST request in the generated API table (auth, scopes, params, other routes).
import { usageError } from '../../core/errors.js';
import { jsonReporter } from '../../reporters/json.js';
import { emptyReport } from '../../reporters/report.js';
import { VERSION } from '../../version.js';
import {
  AUTH_TYPE_WORDS,
  findRpc,
  isShortPath,
  matchRoute,
  nearestRoutes,
  nearestRpcNames,
  requestPath,
  routesAt,
  type Binding,
  type RpcInfo,
} from '../../providers/clarifai/api-table.js';
import { appScopedPath } from '../../providers/clarifai/app-scoped-path.js';
import { patRequiredFor, PUBLIC_APP_ID, PUBLIC_MODELS_NEED_PAT, PUBLIC_USER_ID } from '../../providers/clarifai/pat-required.js';
import { statusDescription } from '../../providers/clarifai/status-descriptions.js';
import { makeStyle, type Style } from '../../reporters/style.js';
import type { Command } from '../command.js';

const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
// Longer input is not a route; capping it also bounds the edit-distance work for suggestions.
const MAX_QUERY = 2048;

type Query = { kind: 'rpc'; name: string } | { kind: 'request'; method: string; path: string } | { kind: 'path'; path: string };

export function parseQuery(positionals: string[]): Query {
  if (positionals.length === 0) throw usageError('routes needs a query: an RPC name, a path, or "METHOD PATH". Run "keydoctor routes --help".');
  if (positionals.length > 2) throw usageError('routes takes one query (quote "METHOD PATH"). Run "keydoctor routes --help".');
  const text = positionals.join(' ').trim();
  if (text.length > MAX_QUERY) throw usageError(`the query is ${text.length} characters long; a route is at most ${MAX_QUERY}.`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/u.test(text)) throw usageError('the query contains control characters; pass an RPC name, a path, or "METHOD PATH".');
  if (text === '') throw usageError('the query is empty. Run "keydoctor routes --help".');
  const request = /^([A-Za-z]+)\s+(\S+)$/u.exec(text);
  if (request && HTTP_METHODS.has(request[1]!.toUpperCase())) return { kind: 'request', method: request[1]!.toUpperCase(), path: request[2]! };
  if (/\s/u.test(text)) throw usageError(`cannot read "${text}": expected an RPC name, a path, or "METHOD PATH" (e.g. "POST /v2/models/x/outputs").`);
  // gRPC method names as keys list them (/clarifai.api.V2/PostModelOutputs) are RPCs, not paths.
  if (/^\/?clarifai\.api\.V2[./]/iu.test(text)) return { kind: 'rpc', name: text };
  if (text.includes('/')) return { kind: 'path', path: text };
  return { kind: 'rpc', name: text };
}

// ---- the answer, as data (the --json output) ----

interface BindingView {
  method: string;
  path: string;
  body?: string;
  /** No /users/{user_id}/…: only a credential that implies user and app (an app API key) can use it. */
  shortPath: boolean;
}

interface RpcView {
  name: string;
  grpcMethod: string;
  authType: string;
  auth: string;
  scopes: string[];
  requestType: string;
  responseType: string;
  streaming: { request: boolean; response: boolean };
  bindings: BindingView[];
}

function bindingView(b: Binding): BindingView {
  return { method: b.method, path: b.path, ...(b.body ? { body: b.body } : {}), shortPath: isShortPath(b) };
}

function rpcView(rpc: RpcInfo): RpcView {
  return {
    name: rpc.name,
    grpcMethod: `/clarifai.api.V2/${rpc.name}`,
    authType: rpc.authType,
    auth: AUTH_TYPE_WORDS[rpc.authType],
    scopes: rpc.scopes,
    requestType: rpc.requestType,
    responseType: rpc.responseType,
    streaming: { request: rpc.requestStream, response: rpc.responseStream },
    bindings: rpc.bindings.map(bindingView),
  };
}

function notesFor(rpc: RpcInfo, binding?: Binding, params: Record<string, string> = {}): string[] {
  const notes: string[] = [];
  if (patRequiredFor({ authType: rpc.authType }) === 'pat-only-route') notes.push('PAT only: an app-specific API key will not work here, even for its own app (types.proto, PATAuth).');
  if (rpc.authType === 'SessionTokenAuth') notes.push('Needs a browser session token (X-Clarifai-Session-Token); API keys and PATs do not work.');
  if (rpc.authType === 'NoAuth') notes.push('No credential is needed.');
  if (rpc.scopes.length > 0 && rpc.authType !== 'KeyAuth') {
    notes.push('extension.proto says cl_depending_scopes are "only checked valid when used with KeyAuth"; whether Clarifai checks these scopes for this RPC is not documented.');
  }
  if (rpc.authType === 'KeyAuth') {
    if (binding && isShortPath(binding)) {
      const full = appScopedPath(rpc, binding, params);
      notes.push(
        `This short path has no /users/{user_id}/apps/{app_id}: it works with an app-specific API key, which implies its user and app. A PAT must name them${
          full ? `: use ${binding.method} ${full}` : ''
        }${binding.body ? `${full ? ', or send' : ': send'} user_app_id in the request body` : ''}.`,
      );
    } else if (!binding && rpc.bindings.some(isShortPath)) {
      notes.push('Paths without /users/{user_id}/apps/{app_id} work only with an app-specific API key; with a PAT use a /users/… path (or user_app_id in the body).');
    }
    if (params['user_app_id.user_id'] === PUBLIC_USER_ID && params['user_app_id.app_id'] === PUBLIC_APP_ID) {
      notes.push(`clarifai/main is Clarifai's public app. ${PUBLIC_MODELS_NEED_PAT}`);
    }
  }
  return notes;
}

type Answer =
  | { query: string; kind: 'rpc'; rpc: RpcView; notes: string[] }
  | { query: string; kind: 'no-rpc'; suggestions: string[] }
  | { query: string; kind: 'match'; method: string; path: string; rpc: RpcView; binding: BindingView; params: Record<string, string>; otherBindings: BindingView[]; notes: string[] }
  | { query: string; kind: 'wrong-method'; method: string; path: string; allowed: RouteView[]; status: StatusView }
  | { query: string; kind: 'path'; path: string; routes: RouteView[] }
  | { query: string; kind: 'no-match'; method?: string; path: string; nearest: (RouteView & { distance: number })[]; status: StatusView };

interface RouteView {
  method: string;
  path: string;
  rpc: string;
  auth: string;
  params?: Record<string, string>;
}

interface StatusView {
  code: number;
  name: string;
  description: string | null;
}

function status(code: number, name: string): StatusView {
  return { code, name, description: statusDescription(code)?.description.value ?? null };
}

function routeView(rpc: RpcInfo, binding: Binding): RouteView {
  return { method: binding.method, path: binding.path, rpc: rpc.name, auth: AUTH_TYPE_WORDS[rpc.authType] };
}

/** The query as echoed back: normalised, so a URL's query string or user-info never reaches the output. */
function queryLabel(q: Query): string {
  if (q.kind === 'rpc') return q.name;
  const path = requestPath(q.path);
  return q.kind === 'request' ? `${q.method} ${path}` : path;
}

export function answer(query: Query, queryText: string): Answer {
  if (query.kind === 'rpc') {
    const rpc = findRpc(query.name);
    if (!rpc) return { query: queryText, kind: 'no-rpc', suggestions: nearestRpcNames(query.name) };
    return { query: queryText, kind: 'rpc', rpc: rpcView(rpc), notes: notesFor(rpc) };
  }
  const path = requestPath(query.path);
  if (query.kind === 'path') {
    const routes = routesAt(path);
    if (routes.length > 0) return { query: queryText, kind: 'path', path, routes: routes.map((r) => ({ ...routeView(r.rpc, r.binding), params: r.params })) };
    return noMatch(queryText, path, undefined);
  }
  const m = matchRoute(query.method, path);
  if (m.kind === 'match') {
    return {
      query: queryText,
      kind: 'match',
      method: query.method,
      path,
      rpc: rpcView(m.rpc),
      binding: bindingView(m.binding),
      params: m.params,
      otherBindings: m.rpc.bindings.filter((b) => b !== m.binding).map(bindingView),
      notes: notesFor(m.rpc, m.binding, m.params),
    };
  }
  if (m.kind === 'wrong-method') {
    return { query: queryText, kind: 'wrong-method', method: query.method, path, allowed: m.allowed.map((a) => routeView(a.rpc, a.binding)), status: status(11103, 'CONN_METHOD_NOT_ALLOWED') };
  }
  return noMatch(queryText, path, query.method);
}

function noMatch(queryText: string, path: string, method: string | undefined): Answer {
  return {
    query: queryText,
    kind: 'no-match',
    ...(method ? { method } : {}),
    path,
    nearest: nearestRoutes(path, method).map((n) => ({ ...routeView(n.rpc, n.binding), distance: n.distance })),
    status: status(11101, 'CONN_DOES_NOT_EXIST'),
  };
}

// ---- text ----

function field(s: Style, label: string, value: string): string {
  return `  ${s.dim(label.padEnd(13))} ${value}`;
}

function bindingLine(b: BindingView): string {
  return `${b.method} ${b.path}${b.shortPath ? '  (short path)' : ''}`;
}

function rpcFields(s: Style, rpc: RpcView): string[] {
  return [
    field(s, 'auth', `${rpc.auth}  ${s.dim(`[${rpc.authType}]`)}`),
    field(s, 'scopes', rpc.scopes.length > 0 ? rpc.scopes.join(', ') : 'none listed'),
    field(s, 'messages', `${rpc.streaming.request ? 'stream ' : ''}${rpc.requestType} ${s.arrow} ${rpc.streaming.response ? 'stream ' : ''}${rpc.responseType}`),
    field(s, 'gRPC', rpc.grpcMethod),
  ];
}

function listLines(s: Style, label: string, items: string[]): string[] {
  return items.map((item, i) => field(s, i === 0 ? label : '', item));
}

function notesText(s: Style, notes: string[]): string[] {
  return notes.map((n) => `${s.yellow(s.warn)} ${n}`);
}

function render(a: Answer, s: Style): string {
  switch (a.kind) {
    case 'rpc':
      return [s.bold(a.rpc.name), ...rpcFields(s, a.rpc), ...listLines(s, 'routes', a.rpc.bindings.map(bindingLine)), ...notesText(s, a.notes)].join('\n');
    case 'no-rpc':
      return a.suggestions.length > 0
        ? `${s.red(s.fail)} No Clarifai RPC is named "${a.query}". Did you mean: ${a.suggestions.join(', ')}?`
        : `${s.red(s.fail)} No Clarifai RPC is named "${a.query}", and none is close. Try a path, e.g. keydoctor routes "POST /v2/models/x/outputs".`;
    case 'match':
      return [
        `${s.bold(`${a.method} ${a.path}`)} ${s.arrow} ${s.bold(a.rpc.name)}`,
        field(s, 'route', bindingLine(a.binding)),
        ...listLines(s, 'params', Object.entries(a.params).map(([k, v]) => `${k} = ${v}`)),
        ...rpcFields(s, a.rpc),
        ...listLines(s, 'other routes', a.otherBindings.map(bindingLine)),
        ...notesText(s, a.notes),
      ].join('\n');
    case 'wrong-method':
      return [
        `${s.red(s.fail)} ${a.path} has no ${a.method} route. Allowed: ${a.allowed.map((r) => r.method).join(', ')}.`,
        ...a.allowed.map((r) => field(s, r.method, `${r.rpc} (${r.auth})  ${r.path}`)),
        `Clarifai answers a wrong method with ${a.status.code} ${a.status.name}${a.status.description ? ` ("${a.status.description}")` : ''}.`,
      ].join('\n');
    case 'path':
      return [
        `${s.bold(a.path)}`,
        ...a.routes.map((r) => field(s, r.method, `${r.rpc} (${r.auth})  ${r.path}`)),
      ].join('\n');
    case 'no-match':
      return [
        `${s.red(s.fail)} No Clarifai route matches ${a.method ? `${a.method} ` : ''}${a.path}. Nearest:`,
        ...a.nearest.map((n) => field(s, n.method, `${n.path}  ${s.dim(n.rpc)}`)),
        `The proto's code for a bad path is ${a.status.code} ${a.status.name}${a.status.description ? ` ("${a.status.description}")` : ''}.`,
      ].join('\n');
  }
}

export const command: Command = {
  name: 'routes',
  summary: "Look up a Clarifai RPC or request in the API's route table",
  options: { json: { type: 'boolean' } },
  help: `Usage: keydoctor routes QUERY [--json]

Looks QUERY up in Clarifai's API table (generated from the clarifai-nodejs-grpc protos) and says which
RPC it is, what credential it takes, the scopes an API key needs, the path parameters, and its other
routes. QUERY is one of:

  RPC name         PostModelOutputs (any case; typos get suggestions; /clarifai.api.V2/X works too)
  METHOD PATH      "POST /v2/users/clarifai/apps/main/models/{model_id}/outputs"
                   (a full URL works too; the query string is ignored)
  PATH             /v2/models/general-image-recognition (lists every method bound there)

Auth in words: "API key or PAT" (KeyAuth), "PAT only" (PATAuth), "no auth",
"session token (browser only)". A short path (no /users/{user_id}/apps/{app_id}) works only with
an app-specific API key; a PAT must name the user and app.

Options:
  --json           Print the answer as JSON

Examples:
  keydoctor routes PostModelOutputs
  keydoctor routes "GET /v2/models/general-image-recognition"
  keydoctor routes https://api.clarifai.com/v2/users/me/apps --json

Exit codes:
  0  the query matched
  1  no such RPC or route, or the method is not allowed on that path
  2  usage error
`,
  async run(values, positionals, ctx) {
    const query = parseQuery(positionals);
    // A Clarifai key's id is the key itself (/v2/users/me/keys/{key_id}), and people paste keys anywhere:
    // anything shaped like a credential is masked wherever it is echoed.
    for (const token of positionals.join(' ').split(/[\s/?&=#:@,;]+/u)) if (/^[A-Za-z0-9_-]{24,}$/u.test(token) && /\d/u.test(token)) ctx.redactor.add(token);
    const a = answer(query, queryLabel(query));
    const matched = a.kind === 'rpc' || a.kind === 'match' || a.kind === 'path';
    // The same envelope as every command's JSON; the answer itself is under "routes".
    if (values.json) ctx.out(jsonReporter(emptyReport(VERSION, 'routes', a as unknown as Record<string, unknown>), { color: false, unicode: false }));
    else ctx.out(`${render(a, makeStyle(ctx.color, ctx.unicode))}\n`);
    return matched ? 0 : 1;
  },
};
