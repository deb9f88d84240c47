// Where the live probes go: the base from --base / CLARIFAI_API_BASE / the default, the proxy in effect, and the send policy.
import { KeydoctorError } from '../core/errors.js';
import { isLoopbackHost } from '../transport/types.js';
import { redactUrlCredentials } from '../transport/rest.js';
import type { Definition, EnvEvidence } from '../types/evidence.js';
import type { LiveConfig, ProxySetting, TransportKind } from '../types/live-evidence.js';

export const DEFAULT_REST_BASE = 'https://api.clarifai.com';
export const DEFAULT_GRPC_BASE = 'api.clarifai.com:443';
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface ConfigOptions {
  transport?: TransportKind;
  base?: string;
  grpcBase?: string;
  allowInsecure?: boolean;
  timeoutMs?: number;
}

/** The config, or the reason no probe can be sent (a base that is not a URL): checks report it. */
export type ResolvedConfig = { config: LiveConfig; skipped?: string };

function winner(env: EnvEvidence, name: string) {
  return env.variables.get(name)?.winner;
}

/**
 * The shell's value of the first set variable among names (proxy variables come in both cases). Only the shell
 * counts: a proxy named in a project's `.env` would choose where every key goes, and the project is not trusted.
 */
function firstSet(env: EnvEvidence, names: string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const shell = env.variables.get(name)?.definitions.find((d) => d.location.source === 'shell');
    if (shell && shell.value.reveal().trim() !== '') return { name, value: shell.value.reveal().trim() };
  }
  return undefined;
}

/** Clarifai's own API hosts: the only bases a project file may choose on its own. */
function isClarifaiHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/u, '');
  return h === 'clarifai.com' || h.endsWith('.clarifai.com');
}

/**
 * A base written in a project file (not the shell, not a flag) that is not Clarifai's over TLS receives no key: the
 * folder being diagnosed may come from anyone, and would otherwise choose where the user's real PAT is sent.
 */
function refuseProjectBase(fromEnv: Definition | undefined, flagName: string, host: string, secure: boolean, shown: string): void {
  if (!fromEnv || fromEnv.location.source === 'shell' || (secure && isClarifaiHost(host))) return;
  const where = `${fromEnv.location.source}${fromEnv.location.line ? `:${fromEnv.location.line}` : ''}`;
  throw new KeydoctorError(
    'KD_ERR_NETWORK_POLICY',
    `refusing to send keys to ${shown}: ${fromEnv.name} (from ${where}) points there, and a project file does not decide where keys go unless it is Clarifai's API. If you trust that server, pass ${flagName} ${shown}.`,
  );
}

/**
 * The plain-http rule applied to the first hop: an http:// proxy that is not on this machine sees every byte of an
 * http:// request, key included, so it is refused like an http:// base (https through any proxy stays encrypted).
 */
function checkProxy(proxy: ProxySetting, raw: string, target: URL, allowInsecure: boolean): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new KeydoctorError('KD_ERR_NETWORK_POLICY', `${proxy.variable} is not a URL (${JSON.stringify(redactUrlCredentials(raw))}): fix it or unset it; keydoctor sends nothing through a proxy it cannot read.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new KeydoctorError('KD_ERR_NETWORK_POLICY', `${proxy.variable} uses ${url.protocol}, which keydoctor does not speak: use an http:// or https:// proxy URL, or unset it.`);
  }
  if (target.protocol === 'http:' && url.protocol === 'http:' && !isLoopbackHost(url.hostname) && !allowInsecure) {
    throw new KeydoctorError(
      'KD_ERR_NETWORK_POLICY',
      `refusing to send the key in clear text through the proxy ${proxy.url} (from ${proxy.variable}): the base ${target.origin} is plain http://, so the proxy would read the key. Use an https:// base, set NO_PROXY for it, or pass --allow-insecure if you really mean it.`,
    );
  }
}

/** NO_PROXY as curl and Python's requests read it: `*`, host names, `.suffix` and `suffix` domain matches, optional ports. */
export function noProxyMatches(noProxy: string, host: string, port: string): boolean {
  const h = host.replace(/^\[|\]$/gu, '').toLowerCase();
  return noProxy
    .split(/[\s,]+/u)
    .filter(Boolean)
    .some((raw) => {
      const entry = raw.toLowerCase();
      if (entry === '*') return true;
      const m = /^(.*?)(?::(\d+))?$/u.exec(entry.replace(/^\[|\]$/gu, ''))!;
      const name = m[1]!.replace(/^\*?\./u, '.');
      if (m[2] && m[2] !== port) return false;
      if (name.startsWith('.')) return h.endsWith(name) || h === name.slice(1);
      return h === name || h.endsWith(`.${name}`);
    });
}

/** The proxy the user's HTTP clients would use for this URL (HTTPS_PROXY for https, HTTP_PROXY for http), if any. */
export function proxyFor(env: EnvEvidence, url: URL): ProxySetting | undefined {
  const names = url.protocol === 'https:' ? ['HTTPS_PROXY', 'https_proxy', 'ALL_PROXY', 'all_proxy'] : ['http_proxy', 'HTTP_PROXY', 'ALL_PROXY', 'all_proxy'];
  const proxy = firstSet(env, names);
  if (!proxy) return undefined;
  const noProxy = firstSet(env, ['NO_PROXY', 'no_proxy']);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const bypassed = noProxy ? noProxyMatches(noProxy.value, url.hostname, port) : false;
  return { variable: proxy.name, url: redactUrlCredentials(proxy.value), bypassed, ...(noProxy ? { noProxyVariable: noProxy.name } : {}) };
}

/** The raw proxy URL (with its credentials) for the transport; the evidence keeps only the redacted one. */
export function rawProxyUrl(env: EnvEvidence, setting: ProxySetting): string {
  return firstSet(env, [setting.variable])?.value ?? setting.url;
}

/** `api.clarifai.com` → `https://api.clarifai.com`; a trailing `/v2` and slashes are dropped (the probes add `/v2/…`). */
export function normaliseRestBase(raw: string): string {
  let s = raw.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//iu.test(s)) s = `https://${s}`;
  return s.replace(/\/+$/u, '').replace(/\/v2$/iu, '').replace(/\/+$/u, '');
}

/** `https://api.clarifai.com` or `dns:///host:443` as a gRPC base → `host:443`; a missing port means 443. */
export function normaliseGrpcTarget(raw: string): string {
  let s = raw.trim().replace(/^[a-z][a-z0-9+.-]*:\/\/\/?/iu, '');
  s = s.replace(/\/.*$/su, '');
  if (!/:\d+$/u.test(s) && !/^\[.*\]$/u.test(s)) s = `${s}:443`;
  return s;
}

export function grpcHost(target: string): string {
  return target.replace(/:\d+$/u, '');
}

export function resolveConfig(env: EnvEvidence, options: ConfigOptions): ResolvedConfig {
  const transport = options.transport ?? 'rest';
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const allowInsecure = options.allowInsecure ?? false;
  const baseVar = transport === 'rest' ? 'CLARIFAI_API_BASE' : 'CLARIFAI_GRPC_BASE';
  const flag = transport === 'rest' ? options.base : options.grpcBase;
  const fromEnv = winner(env, baseVar);
  const configuredBase = flag ?? fromEnv?.value.reveal() ?? (transport === 'rest' ? DEFAULT_REST_BASE : DEFAULT_GRPC_BASE);
  const baseSource = flag !== undefined ? 'flag' : fromEnv ? 'env' : 'default';
  const common = {
    transport,
    configuredBase,
    baseSource,
    ...(baseSource === 'env' && fromEnv ? { baseLocation: fromEnv.location } : {}),
    allowInsecure,
    timeoutMs,
  } as const;
  const where = baseSource === 'flag' ? `--${transport === 'rest' ? 'base' : 'grpc-base'}` : baseSource === 'env' ? `${baseVar} (${fromEnv!.location.source}${fromEnv!.location.line ? `:${fromEnv!.location.line}` : ''})` : 'the default base';

  if (transport === 'grpc') {
    // The REST base pointing elsewhere (the emulator) while gRPC would go to the real API is a silent fall-back: refused.
    const restElsewhere = options.base ?? winner(env, 'CLARIFAI_API_BASE')?.value.reveal();
    if (baseSource === 'default' && restElsewhere !== undefined && !/^https:\/\/api\.clarifai\.com\/?$/u.test(restElsewhere.trim())) {
      throw new KeydoctorError(
        'KD_ERR_USAGE',
        `the REST base is ${restElsewhere.trim()} but --transport grpc would probe ${DEFAULT_GRPC_BASE}: pass --grpc-base HOST:PORT (or set CLARIFAI_GRPC_BASE) for the server you mean.`,
      );
    }
    const effectiveBase = normaliseGrpcTarget(configuredBase);
    const host = grpcHost(effectiveBase);
    if (!host || /\s/u.test(host)) return { config: { ...common, effectiveBase, tls: true }, skipped: `${where} is not a host:port: ${JSON.stringify(configuredBase)}` };
    if (flag === undefined) refuseProjectBase(fromEnv, '--grpc-base', host, !isLoopbackHost(host), effectiveBase);
    // Plain gRPC only on loopback (the emulator); everything else is TLS, as Clarifai's stub does.
    return { config: { ...common, effectiveBase, tls: !isLoopbackHost(host) } };
  }

  const effectiveBase = normaliseRestBase(configuredBase);
  let url: URL;
  try {
    url = new URL(effectiveBase);
  } catch {
    return { config: { ...common, effectiveBase }, skipped: `${where} is not a URL: ${JSON.stringify(configuredBase)}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { config: { ...common, effectiveBase }, skipped: `${where} uses ${url.protocol}, not http(s):` };
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname) && !allowInsecure) {
    throw new KeydoctorError(
      'KD_ERR_NETWORK_POLICY',
      `refusing to send the key in clear text to ${url.origin} (from ${where}): plain http:// is only used for loopback addresses. Use https://, or pass --allow-insecure if you really mean it.`,
    );
  }
  if (flag === undefined) refuseProjectBase(fromEnv, '--base', url.hostname, url.protocol === 'https:', url.origin);
  const proxy = proxyFor(env, url);
  if (proxy && !proxy.bypassed) checkProxy(proxy, rawProxyUrl(env, proxy), url, allowInsecure);
  return { config: { ...common, effectiveBase: url.origin + url.pathname.replace(/\/+$/u, ''), ...(proxy ? { proxy } : {}) } };
}
