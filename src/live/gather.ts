// Live diagnosis: plans the probes, sends them in at most two concurrent waves, and builds the LiveEvidence the checks read.
import type { Redactor } from '../core/secret.js';
import { visibleMask } from '../core/visible.js';
import type { Transport } from '../transport/types.js';
import { myScopesRequest, targetRequest, userRequest, userScopesRequest } from '../probes/requests.js';
import { runProbe } from '../probes/probe.js';
import type { EnvEvidence } from '../types/evidence.js';
import type { ActivationWait, CredentialVerdict, Exchange, LiveEvidence, ProbePurpose, TargetCall } from '../types/live-evidence.js';
import { candidatesFor, configuredCredentials, type CodeCredential, type PendingCredential } from './candidates.js';
import { rawProxyUrl, resolveConfig, type ConfigOptions } from './config.js';
import { parseCall, targetFromCall, targetFromRpc, type TargetInput } from './targets.js';
import { judge } from './verdict.js';
import { waitForActivation } from './wait.js';

export interface LiveOptions extends ConfigOptions {
  /** `METHOD /path` (--call). */
  call?: string;
  /** An RPC name (--rpc). */
  rpc?: string;
  /** Calls found in code (or given by a library user). */
  targets?: readonly TargetInput[];
  /** --wait: retry a not-yet-active (11009) key for up to this many seconds. */
  waitS?: number;
  /** Progress lines for --wait (the CLI writes them to stderr). */
  onProgress?: (line: string, done?: boolean) => void;
  /** Called with each exchange as it completes (--verbose). */
  onExchange?: (exchange: Exchange) => void;
  signal?: AbortSignal;
  /** Keys written into the code where the app sends them: probed too (they are what the app sends). */
  codeCredentials?: readonly CodeCredential[];
  /** Injected by tests that need a transport other than the real ones. */
  createTransport?: (config: LiveEvidence['config']) => Promise<Transport>;
}

function where(c: PendingCredential): string {
  return c.location.line !== undefined ? `${c.location.source}:${c.location.line}` : c.location.source;
}

/** How the key appears in the reproduce commands: the variable for the configured value, a mask for candidates. */
function authExpression(c: PendingCredential): string {
  if (c.origin === 'configured' && c.id.includes('@')) return `Key <${c.variable} written in ${where(c)}: ${visibleMask(c.value.reveal())}>`;
  if (c.origin === 'configured') return `Key $${c.variable}`;
  return `Key <${c.variable} from ${where(c)}${c.change ? ', cleaned' : ''}: ${visibleMask(c.value.reveal())}>`;
}

async function defaultTransport(config: LiveEvidence['config'], env: EnvEvidence): Promise<Transport> {
  if (config.transport === 'grpc') {
    const { createGrpcTransport } = await import('../transport/grpc.js');
    return createGrpcTransport({ target: config.effectiveBase, tls: config.tls ?? true, timeoutMs: config.timeoutMs });
  }
  const { createRestTransport } = await import('../transport/rest.js');
  const proxy = config.proxy && !config.proxy.bypassed ? rawProxyUrl(env, config.proxy) : undefined;
  return createRestTransport({ base: config.effectiveBase, timeoutMs: config.timeoutMs, ...(proxy ? { proxy } : {}) });
}

function resolveTargets(env: EnvEvidence, options: LiveOptions, baseHost: string | undefined): TargetCall[] {
  const targets: TargetCall[] = [];
  if (options.call) targets.push(targetFromCall(parseCall(options.call), 'flag'));
  if (options.rpc) targets.push(targetFromRpc(options.rpc, env));
  for (const input of options.targets ?? []) {
    const t = targetFromCall(input, 'code');
    const host = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/iu.exec(input.url)?.[1];
    // The key goes only to the configured base: a call the code makes to another host is judged, not sent.
    if (host && baseHost && host.toLowerCase() !== baseHost.toLowerCase()) {
      targets.push({ ...t, sent: false, notSentReason: `the code sends it to ${host}, not to the configured base, so keydoctor did not send the key there` });
    } else targets.push(t);
  }
  return targets;
}

export async function gatherLiveEvidence(env: EnvEvidence, options: LiveOptions, redactor: Redactor): Promise<LiveEvidence> {
  const started = performance.now();
  const now = () => Math.round((performance.now() - started) * 10) / 10;
  const { config, skipped } = resolveConfig(env, options);
  const baseHost = config.transport === 'rest' ? safeHost(config.effectiveBase) : config.effectiveBase.replace(/:\d+$/u, '');
  const targets = resolveTargets(env, options, baseHost);
  const base: LiveEvidence = { base: config.effectiveBase, config, credentials: [], targets, exchanges: [], waves: 0 };
  if (skipped) return { ...base, skipped };
  const configured = configuredCredentials(env, options.codeCredentials);
  if (configured.length === 0) return { ...base, skipped: 'no Clarifai credential is defined (CLARIFAI_PAT or CLARIFAI_API_KEY), so there was nothing to send' };

  // One deadline for the whole live phase (two waves, plus --wait): however the network misbehaves, it ends.
  const deadline = AbortSignal.timeout(liveBudgetMs(config.timeoutMs, options.waitS));
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  const transport = await (options.createTransport ? options.createTransport(config) : defaultTransport(config, env));
  const exchanges: Exchange[] = [];
  const sentTargets = targets.map((t, i) => ({ t, i })).filter(({ t }) => t.sent);

  const probe = async (c: PendingCredential, purpose: ProbePurpose, wave: number, target?: { t: TargetCall; i: number }, record = true) => {
    const auth = `Key ${c.value.reveal()}`;
    const req =
      purpose === 'myscopes' ? myScopesRequest(auth)
      : purpose === 'user' ? userRequest(auth)
      : purpose === 'user-scopes' ? userScopesRequest(auth)
      : targetRequest(target!.t, auth);
    const ex = await runProbe(transport, req, { credential: c.id, purpose, ...(target ? { target: target.i } : {}), wave, authExpression: authExpression(c), now }, signal);
    if (record) exchanges.push(ex);
    options.onExchange?.(ex);
    return ex;
  };
  const identityProbes = (c: PendingCredential, wave: number, withScopes: boolean, record = true) => [
    probe(c, 'myscopes', wave, undefined, record),
    probe(c, 'user', wave, undefined, record),
    ...(withScopes ? [probe(c, 'user-scopes', wave, undefined, record)] : []),
  ];
  const verdicts = new Map<string, CredentialVerdict>();
  const settle = (c: PendingCredential) => {
    const v: CredentialVerdict = { ...c, ...judge(exchanges.filter((e) => e.credential === c.id)) };
    verdicts.set(c.id, v);
    return v;
  };

  try {
    for (const c of configured) redactor.add(c.value);
    // Wave 1: everything that depends on nothing — who the key is, what it may do, and the call itself.
    await Promise.all(
      configured.flatMap((c) => [...identityProbes(c, 1, sentTargets.length > 0), ...sentTargets.map((t) => probe(c, 'target', 1, t))]),
    );
    const first = configured.map(settle);
    // Wave 2: only for rejected keys — the values they could have been, all at once, to the same base.
    const candidates = first.filter((v) => v.verdict === 'invalid').flatMap((v) => candidatesFor(v, env));
    for (const c of candidates) redactor.add(c.value);
    const wave1Sent = exchanges.some((e) => e.wave === 1);
    const wave2 = wave1Sent ? 2 : 1;
    await Promise.all(candidates.flatMap((c) => identityProbes(c, wave2, false)));
    candidates.forEach(settle);
    const waves = new Set(exchanges.filter((e) => e.wave > 0).map((e) => e.wave)).size;

    let wait: ActivationWait[] | undefined;
    if (options.waitS !== undefined && options.waitS > 0) {
      wait = await waitForActivation({
        credentials: first.filter((v) => v.verdict === 'invalid' && v.status?.code === 11009),
        maxWaitMs: options.waitS * 1000,
        label: (v) => `${v.variable} (${where(v)})`,
        retry: async (v, attempt) => {
          // Retries are numbered after the two diagnosis waves and kept only when the key finally works.
          const wave = 2 + attempt;
          const fresh = await Promise.all(identityProbes(v, wave, sentTargets.length > 0, false));
          if (judge(fresh).verdict !== 'valid') return false;
          // Replace the old answers with the fresh ones, then ask the target calls again now that the key works.
          for (let i = exchanges.length - 1; i >= 0; i--) if (exchanges[i]!.credential === v.id) exchanges.splice(i, 1);
          exchanges.push(...fresh);
          await Promise.all(sentTargets.map((t) => probe(v, 'target', wave, t)));
          settle(v);
          return true;
        },
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        signal,
      });
    }
    const credentials = [...configured, ...candidates].map((c) => verdicts.get(c.id)!);
    return { ...base, credentials, exchanges, waves, ...(wait ? { wait } : {}) };
  } finally {
    await transport.close();
  }
}

/** The live phase's deadline: each wave may take one --timeout, a third for slack, and --wait adds its own seconds. */
export function liveBudgetMs(timeoutMs: number, waitS = 0): number {
  return 3 * timeoutMs + waitS * 1000;
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}
