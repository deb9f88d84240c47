// One record per outgoing request in a parsed JS/TS or Python text: REST calls, Clarifai gRPC stubs and request messages, the Python SDK's clients.
import type { Node } from 'web-tree-sitter';
import { apiTable } from '../../providers/clarifai/api-table.js';
import type { RequestClient, RequestSite, RequestValue } from '../../types/code-evidence.js';
import type { Doc } from '../doc.js';
import type { FileFacts } from '../facts.js';
import { jsonObject, render, requestValue, Scope, type Carry, type Lang, type Val } from './values.js';

/** Texts that name none of these make no Clarifai request the checks could judge: they are never walked. */
const KEYWORDS = /clarifai|service_pb2|V2Stub|ClarifaiStub|fromPartial|\/v2\//u;

export function mayMakeRequests(text: string): boolean {
  return KEYWORDS.test(text);
}

/** The Python SDK's clients (clarifai.client): what each takes as its first positional argument. */
const SDK_CLASSES = new Set(['Model', 'Workflow', 'User', 'App', 'Inputs']);

/** Per file: notebook cells share a namespace; request messages built in one cell may be sent in another. */
interface FileState {
  carry: Carry;
  /** Records by the request message they were made for (its position in the file), so a later stub call completes it. */
  byMessage: Map<string, RequestSite>;
}
const states = new WeakMap<FileFacts, FileState>();

let rpcNames: Set<string> | undefined;
function isRpc(name: string): boolean {
  rpcNames ??= new Set(apiTable.rpcs.map((r) => r.name));
  return rpcNames.has(name);
}
function isRequestType(name: string): boolean {
  return /Request$/u.test(name) && apiTable.requestFields[name] !== undefined;
}

export function extractRequests(doc: Doc, root: Node, lang: Lang): void {
  let state = states.get(doc.facts);
  if (!state) states.set(doc.facts, (state = { carry: new Map(), byMessage: new Map() }));
  const scope = new Scope(lang, root, (index) => {
    const p = doc.position(index);
    const placed = doc.placer ? doc.placer(p.line, p.column) : p;
    return `${placed.line}:${placed.column}`;
  }, state.carry);
  const walker = new Walker(doc, scope, lang, state);
  for (const call of root.descendantsOfType(lang === 'python' ? 'call' : ['call_expression'])) if (call) walker.call(call);
  // The next cell of a notebook sees this cell's module-level names.
  if (doc.language === 'notebook') for (const [k, v] of scope.moduleValues()) state.carry.set(k, v);
}

class Walker {
  readonly #python: boolean;
  readonly #sdk: boolean;
  readonly #grpcNode: boolean;

  constructor(
    readonly doc: Doc,
    readonly scope: Scope,
    readonly lang: Lang,
    readonly state: FileState,
  ) {
    this.#python = lang === 'python';
    this.#sdk = this.#python && /\bclarifai\.client\b|from\s+clarifai\s+import|from\s+clarifai\.client/u.test(doc.text);
    this.#grpcNode = !this.#python && /clarifai-nodejs-grpc|ClarifaiStub|clarifai_grpc|V2Client/u.test(doc.text);
  }

  call(n: Node): void {
    const fn = n.childForFieldName('function');
    const args = n.childForFieldName('arguments');
    if (!fn || !args) return;
    const callee = fn.text.replace(/\s+/gu, '');
    const last = /(\w+)$/u.exec(callee)?.[1] ?? '';
    if (this.#python) {
      const a = pyArgs(args);
      if (SDK_CLASSES.has(callee) && this.#sdk) return this.#sdkCall(n, callee, a);
      const http = /^(requests|httpx)\.(get|post|put|patch|delete|request)$/u.exec(callee);
      if (http) return this.#pyHttp(n, http[1] as 'requests' | 'httpx', http[2]!, a);
      if (fn.type === 'attribute' && isRpc(last)) return this.#stub(n, 'grpc-python', last, a.positional[0] ?? a.keywords.get('request'), a.keywords.get('metadata'));
      if (isRequestType(last)) return this.#message(n, 'grpc-python');
    } else {
      const a = args.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
      if (callee === 'fetch' || callee === 'window.fetch' || callee === 'globalThis.fetch') return this.#fetch(n, a);
      const axios = /^axios(?:\.(get|post|put|patch|delete|request))?$/u.exec(callee);
      if (axios) return this.#axios(n, axios[1], a);
      if (fn.type === 'member_expression' && isRpc(last)) return this.#stub(n, 'grpc-node', last, a[0], a[1]);
      const partial = /^(\w+)\.fromPartial$/u.exec(callee);
      if (partial && isRequestType(partial[1]!)) return this.#message(n, 'ts-proto');
    }
  }

  #site(n: Node): Pick<RequestSite, 'file' | 'line' | 'column' | 'snippet'> {
    return this.doc.site(n.startIndex);
  }

  #push(r: RequestSite): RequestSite {
    (this.doc.facts.requests ??= []).push(r);
    return r;
  }

  /** A request message built where no stub call sends it in this text (yet): its own record. */
  #message(n: Node, client: RequestClient): void {
    const v = this.scope.eval(n);
    if (v.t !== 'obj' || !v.type) return;
    const key = v.key!;
    if (this.state.byMessage.has(key)) return;
    const r = this.#push({ ...this.#site(n), client, requestType: v.type, rpc: v.type.replace(/Request$/u, ''), ...messageFields(v), credential: { from: 'unknown', names: [] } });
    this.state.byMessage.set(key, r);
  }

  /** `stub.PostModelOutputs(request, metadata=…)`, `stub.PostModelOutputs({ … }, metadata, cb)`, a ts-proto client's call. */
  #stub(n: Node, client: RequestClient, rpc: string, request: Node | undefined, metadata: Node | undefined): void {
    if (!request) return;
    const v = this.scope.eval(request);
    // A typed message must be a request message: `something.Predict(x)` on an unrelated object is not a stub call.
    if (v.t !== 'obj' || (v.type !== undefined && !isRequestType(v.type))) return;
    if (client === 'grpc-node' && !this.#grpcNode && v.type === undefined) return;
    if (client === 'grpc-python' && v.type === undefined) return;
    const credential = metadata ? this.#metadataCredential(metadata) : { from: 'none' as const, names: [] };
    const key = v.key;
    const existing = key !== undefined ? this.state.byMessage.get(key) : undefined;
    // ts-proto messages go through a generated client whose calls look like grpc-node stubs.
    const kind: RequestClient = client === 'grpc-node' && v.type !== undefined ? 'ts-proto' : client;
    if (existing) {
      Object.assign(existing, { rpc, credential, ...this.#site(n) });
      return;
    }
    const r = this.#push({ ...this.#site(n), client: kind, rpc, ...(v.type ? { requestType: v.type } : {}), ...messageFields(v), credential });
    if (key !== undefined) this.state.byMessage.set(key, r);
  }

  #metadataCredential(md: Node): RequestSite['credential'] {
    // Node: `const metadata = new grpc.Metadata(); metadata.set('authorization', 'Key ' + PAT)`.
    if (md.type === 'identifier' && !this.#python) {
      const set = this.#metadataSet(md.text);
      return set ? credentialOf(this.scope.eval(set)) : { from: 'unknown', names: [] };
    }
    const v = this.scope.eval(md);
    // Python: `(('authorization', 'Key ' + PAT),)`.
    const items = v.t === 'list' ? v.items : [];
    for (const item of items) {
      if (item.t === 'list' && item.items[0]?.t === 'str' && item.items[0].s.toLowerCase() === 'authorization' && item.items[1]) return credentialOf(item.items[1]);
    }
    return { from: 'unknown', names: v.names };
  }

  /** `NAME.set('authorization', value)` calls, read once per text (a stub call per line must not rescan the file). */
  #metadataSets: Map<string, Node> | undefined;

  #metadataSet(name: string): Node | undefined {
    if (!this.#metadataSets) {
      this.#metadataSets = new Map();
      for (const call of this.scope.root.descendantsOfType('call_expression')) {
        const fn = call?.childForFieldName('function');
        const m = fn ? /^([\w$.]+)\.(?:set|add)$/u.exec(fn.text) : null;
        if (!m) continue;
        const args = call!.childForFieldName('arguments')?.namedChildren.filter((c): c is Node => c !== null) ?? [];
        const k = args[0] ? this.scope.eval(args[0]) : undefined;
        if (k?.t === 'str' && k.s.toLowerCase() === 'authorization' && args[1]) this.#metadataSets.set(m[1]!, args[1]);
      }
    }
    return this.#metadataSets.get(name);
  }

  #sdkCall(n: Node, cls: string, a: PyArgs): void {
    const kw = (k: string) => (a.keywords.get(k) ? this.scope.eval(a.keywords.get(k)!) : undefined);
    // Model(url) / Workflow(url) / App(url) take the URL first; User(user_id) and Inputs(user_id, app_id) take ids.
    const first = a.positional[0] ? this.scope.eval(a.positional[0]) : undefined;
    const url = kw('url') ?? (cls === 'Model' || cls === 'Workflow' || cls === 'App' ? first : undefined);
    const fromUrl = url ? sdkUrlParts(url) : {};
    const user = kw('user_id') ?? (cls === 'User' || cls === 'Inputs' ? first : undefined);
    const app = kw('app_id') ?? (cls === 'Inputs' && a.positional[1] ? this.scope.eval(a.positional[1]) : undefined);
    const owner = { ...(fromUrl.user ? { user: fromUrl.user } : user ? { user: requestValue(user)! } : {}), ...(fromUrl.app ? { app: fromUrl.app } : app ? { app: requestValue(app)! } : {}) };
    const model = fromUrl.model ?? requestValue(kw(cls === 'Workflow' ? 'workflow_id' : 'model_id'));
    const pat = kw('pat');
    this.#push({
      ...this.#site(n),
      client: 'clarifai-python-sdk',
      sdkClass: cls,
      ...(url ? { sdkUrl: requestValue(url)! } : {}),
      ...(Object.keys(owner).length > 0 ? { userAppId: owner } : {}),
      ...(model && cls === 'Model' ? { modelId: model } : {}),
      credential: pat ? credentialOf(pat) : a.keywords.has('token') ? { from: 'unknown', names: ['token'] } : { from: 'sdk-default', names: ['CLARIFAI_PAT'] },
    });
  }

  #pyHttp(n: Node, client: 'requests' | 'httpx', verb: string, a: PyArgs): void {
    const positional = [...a.positional];
    const method = verb === 'request' ? (positional[0] ? this.scope.eval(positional.shift()!) : a.keywords.get('method') ? this.scope.eval(a.keywords.get('method')!) : undefined) : undefined;
    const url = a.keywords.get('url') ?? positional[0];
    const body = a.keywords.get('json') ?? a.keywords.get('data') ?? a.keywords.get('content') ?? (verb === 'post' || verb === 'put' || verb === 'patch' ? positional[1] : undefined);
    this.#rest(n, client, verb === 'request' ? (method?.t === 'str' ? method.s : undefined) : verb, url, body, a.keywords.get('headers'));
  }

  #fetch(n: Node, a: Node[]): void {
    const opts = a[1] ? this.scope.eval(a[1]) : undefined;
    const field = (k: string) => (opts?.t === 'obj' ? opts.fields.get(k) : undefined);
    const method = field('method');
    this.#restVals(n, 'fetch', method?.t === 'str' ? method.s : opts ? undefined : 'GET', a[0] ? this.scope.eval(a[0]) : undefined, field('body'), field('headers'));
  }

  #axios(n: Node, verb: string | undefined, a: Node[]): void {
    if (verb === undefined || verb === 'request') {
      const config = a[0] ? this.scope.eval(a[0]) : undefined;
      const f = (k: string) => (config?.t === 'obj' ? config.fields.get(k) : undefined);
      const method = f('method');
      return this.#restVals(n, 'axios', method?.t === 'str' ? method.s : 'GET', f('url'), f('data'), f('headers'));
    }
    const withBody = verb === 'post' || verb === 'put' || verb === 'patch';
    const config = (withBody ? a[2] : a[1]) ? this.scope.eval((withBody ? a[2] : a[1])!) : undefined;
    this.#restVals(n, 'axios', verb, a[0] ? this.scope.eval(a[0]) : undefined, withBody && a[1] ? this.scope.eval(a[1]) : undefined, config?.t === 'obj' ? config.fields.get('headers') : undefined);
  }

  #rest(n: Node, client: RequestClient, method: string | undefined, url: Node | undefined, body: Node | undefined, headers: Node | undefined): void {
    this.#restVals(n, client, method, url ? this.scope.eval(url) : undefined, body ? this.scope.eval(body) : undefined, headers ? this.scope.eval(headers) : undefined);
  }

  #restVals(n: Node, client: RequestClient, method: string | undefined, url: Val | undefined, body: Val | undefined, headers: Val | undefined): void {
    if (!url) return;
    const text = render(url);
    const at = text.indexOf('/v2/');
    // Only Clarifai-shaped requests: a /v2/ path on a Clarifai host, or on a base the file does not show.
    if (at === -1) return;
    const prefix = text.slice(0, at);
    const host = /^(?:https?:)?\/\/([^/?#]+)$/iu.exec(prefix)?.[1]?.toLowerCase();
    if (host && !/(?:^|\.)clarifai\.com$|^localhost(?::\d+)?$|^127\.0\.0\.1(?::\d+)?$/u.test(host)) return;
    if (!host && prefix !== '' && !prefix.includes('{…}')) return;
    // A path with no host (or a base the file does not show) is Clarifai's only in a file that names Clarifai.
    if (!host && !this.doc.clarifai) return;
    const path = text.slice(at).replace(/[?#].*$/su, '');
    const obj = body ? (body.t === 'obj' ? body : jsonObject(body)) : undefined;
    const auth = headers?.t === 'obj' ? [...headers.fields].find(([k]) => k.toLowerCase() === 'authorization')?.[1] : undefined;
    const fromPath = pathIds(path);
    this.#push({
      ...this.#site(n),
      client,
      ...(method ? { method: method.toUpperCase() } : {}),
      ...(host ? { host } : {}),
      path,
      ...(obj?.t === 'obj' ? messageFields(obj) : body ? {} : { bodyFields: [] }),
      ...(fromPath.model && !(obj?.t === 'obj' && (obj.fields.has('model_id') || obj.fields.has('modelId'))) ? { modelId: fromPath.model } : {}),
      ...(fromPath.version ? { versionId: fromPath.version } : {}),
      credential: auth ? credentialOf(auth) : headers ? { from: 'unknown', names: headers.names } : { from: 'none', names: [] },
    });
  }
}

interface PyArgs {
  positional: Node[];
  keywords: Map<string, Node>;
}

function pyArgs(args: Node): PyArgs {
  const positional: Node[] = [];
  const keywords = new Map<string, Node>();
  for (const a of args.namedChildren) {
    if (!a || a.type === 'comment') continue;
    if (a.type === 'keyword_argument') {
      const k = a.childForFieldName('name')?.text;
      const v = a.childForFieldName('value');
      if (k && v) keywords.set(k, v);
    } else if (a.type !== 'dictionary_splat' && a.type !== 'list_splat') positional.push(a);
  }
  return { positional, keywords };
}

const snake = (k: string) => k.replace(/[A-Z]/gu, (c) => `_${c.toLowerCase()}`);

/** The owner, model and version a body or message names, and its top-level fields (when all of them are known). */
function messageFields(v: Extract<Val, { t: 'obj' }>): Pick<RequestSite, 'userAppId' | 'modelId' | 'versionId' | 'bodyFields'> {
  const get = (k: string) => v.fields.get(k) ?? [...v.fields].find(([name]) => snake(name) === k)?.[1];
  const owner = get('user_app_id');
  const sub = (o: Val, k: string) => (o.t === 'obj' ? (o.fields.get(k) ?? [...o.fields].find(([name]) => snake(name) === k)?.[1]) : undefined);
  const user = owner && requestValue(sub(owner, 'user_id'));
  const app = owner && requestValue(sub(owner, 'app_id'));
  const model = requestValue(get('model_id'));
  const version = requestValue(get('version_id'));
  return {
    ...(owner ? { userAppId: { ...(user ? { user } : {}), ...(app ? { app } : {}) } } : v.open ? { userAppId: {} } : {}),
    ...(model ? { modelId: model } : {}),
    ...(version ? { versionId: version } : {}),
    ...(v.open ? {} : { bodyFields: [...v.fields.keys()] }),
  };
}

/** The ids a REST path names: `/v2/models/{model}/versions/{version}/…`, `/v2/users/u/apps/a/models/{model}/…`. */
function pathIds(path: string): { model?: RequestValue; version?: RequestValue } {
  const m = /^\/v2\/(?:users\/[^/]+\/apps\/[^/]+\/)?models\/([^/]+)(?:\/versions\/([^/]+))?/u.exec(path);
  if (!m || m[1] === '{…}' || /^(?:searches|types|status)$/u.test(m[1]!)) return {};
  return { model: { literal: decodeURIComponent(m[1]!) }, ...(m[2] && m[2] !== '{…}' ? { version: { literal: m[2] } } : {}) };
}

/** `https://clarifai.com/{user}/{app}/models/{model}` (the SDK's url=), or unknown parts. */
function sdkUrlParts(v: Val): { user?: RequestValue; app?: RequestValue; model?: RequestValue } {
  const text = render(v);
  const m = /^https?:\/\/(?:www\.)?clarifai\.com\/([^/]+)\/([^/]+)\/(?:models|workflows)\/([^/?#]+)/u.exec(text);
  if (!m) return {};
  const part = (s: string): RequestValue => (s.includes('{…}') ? { expr: s } : { literal: s });
  return { user: part(m[1]!), app: part(m[2]!), model: part(m[3]!) };
}

/** Where the credential in an Authorization value or `pat=` comes from (never its text). */
function credentialOf(v: Val): RequestSite['credential'] {
  const parts = v.t === 'cat' ? v.parts : [v];
  const names = [...new Set(v.names)];
  const env = parts.find((p): p is Extract<Val, { t: 'env' }> => p.t === 'env');
  if (env) return { from: 'env', names: [...new Set([...names, env.name])] };
  // `'Key ' + PAT` with PAT = '…': the key is a literal in code.
  const rest = parts.filter((p) => !(p.t === 'str' && /^\s*(?:Key|Bearer)\s*$/iu.test(p.s)));
  if (rest.length > 0 && rest.every((p) => p.t === 'str')) return { from: 'literal', names };
  if (names.length > 0) return { from: 'variable', names };
  return { from: 'unknown', names: [] };
}
