// Which findings follow from which: links each consequence to its own root (same variable, same place), so a report can fold it.
import type { Finding } from '../types/diagnostic.js';
import { formatLocation, isEnvLocation, isFileLocation, isGrpcLocation, isHttpLocation, type Location } from '../types/location.js';

/**
 * How far down a chain a problem usually sits: a misnamed or unloaded variable (0) leaves it unset (1), so the
 * header carries `Key undefined` (2), so Clarifai rejects the key (3). A finding is folded under a finding of a
 * lower depth that shares a variable or a place with it. Ids not listed (and every new one) are roots, depth 0.
 */
const DEPTH: Record<string, number> = {
  'env/no-credential': 1,
  'env/key-not-set': 1,
  'env/code-credential-unset': 1,
  'headers/undefined-value': 2,
  'env/live-never-set': 3,
  'key/live-rejected': 3,
  'key/unknown-key': 3,
  'key/invalid-key': 3,
};

/**
 * Links between two roots that the depths do not express: `consequence` follows from `root` when they share a
 * subject of the kind `by`. The live verdict settles what a local guess only suspects, so a shadowed or damaged
 * value is folded under the live finding that names the value really sent; on one line that ships a key to
 * browsers, "put the variable in .env" is no fix at all, so the exposure is the root there.
 */
const LINKS: { consequence: string; root: string; by: 'variable' | 'place' }[] = [
  { consequence: 'env/shadowed', root: 'env/live-other-source-works', by: 'variable' },
  { consequence: 'key/*', root: 'env/live-other-source-works', by: 'place' },
  { consequence: 'activation/live-propagation', root: 'env/live-other-source-works', by: 'variable' },
  { consequence: 'activation/live-propagation', root: 'key/live-candidate-works', by: 'variable' },
  { consequence: 'headers/undefined-value', root: 'exposure/*', by: 'place' },
  // How a file is read damages the value: a cut at `#`, a quote never closed, CRLF in a sourced file, bad bytes.
  { consequence: 'key/*', root: 'env/inline-comment', by: 'variable' },
  { consequence: 'key/*', root: 'env/unclosed-quote', by: 'variable' },
  { consequence: 'key/*', root: 'env/sourced-crlf', by: 'variable' },
  { consequence: 'key/*', root: 'env/invalid-utf8', by: 'variable' },
];

const matches = (pattern: string, id: string) => (pattern.endsWith('/*') ? id.startsWith(pattern.slice(0, -1)) : pattern === id);

/** Depth of a problem in its usual chain; unknown ids are roots. */
export function depthOf(id: string): number {
  return DEPTH[id] ?? 0;
}

// Environment-variable-shaped names: CLARIFAI_PAT, VISION_API_TOKEN, NEXT_PUBLIC_CLARIFAI_KEY.
const VARIABLE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/gu;

function places(l: Location): string[] {
  if (isFileLocation(l)) return l.line !== undefined ? [`${l.file}:${l.line}`] : [];
  if (isEnvLocation(l)) return l.line !== undefined ? [`${l.source}:${l.line}`] : [`${l.source}#${l.env}`];
  if (isHttpLocation(l) || isGrpcLocation(l)) return [formatLocation(l)];
  return [];
}

interface Subjects {
  variables: Set<string>;
  places: Set<string>;
}

/** What a finding is about: the variables it names (in its location or its sentence) and the places it points at. */
function subjectsOf(f: Finding): Subjects {
  const locations = [...(f.location ? [f.location] : []), ...(f.related ?? [])];
  const variables = new Set<string>(f.message.match(VARIABLE) ?? []);
  for (const l of locations) if (isEnvLocation(l)) variables.add(l.env);
  return { variables, places: new Set(locations.flatMap(places)) };
}

/**
 * An unset value comes from the environment or the value itself (a header's scheme on the same line does not unset
 * anything); a rejection can come from any of them, the header included. A leak is never why a call fails.
 */
function canCause(root: Finding, consequence: Finding): boolean {
  // A note (info) is context, never the reason something else is broken.
  if (root.category === 'exposure' || root.severity === 'info') return false;
  // A suspicion (warning) does not explain a certainty (error) it merely shares a name with.
  if (root.severity !== 'error' && consequence.severity === 'error') return false;
  return depthOf(consequence.id) >= 3 || root.category === 'env' || root.category === 'key';
}

const shares = (a: Set<string>, b: Set<string>) => [...a].some((x) => b.has(x));

/**
 * For each finding, the index of the finding it follows from (its root's root is followed to the top), or
 * undefined for a root. Exposure findings are never consequences: a leaked key is urgent whatever else is wrong.
 */
export function causeLinks(findings: readonly Finding[]): (number | undefined)[] {
  const subjects = findings.map(subjectsOf);
  const direct = findings.map((f, i): number | undefined => {
    if (f.category === 'exposure') return undefined;
    const s = subjects[i]!;
    let best: number | undefined;
    let bestScore = Infinity;
    findings.forEach((r, j) => {
      if (j === i) return;
      const rs = subjects[j]!;
      const explicit = LINKS.find((l) => matches(l.consequence, f.id) && matches(l.root, r.id));
      const linked = explicit
        ? explicit.by === 'variable'
          ? shares(s.variables, rs.variables)
          : shares(s.places, rs.places)
        : depthOf(r.id) < depthOf(f.id) && canCause(r, f) && (shares(s.variables, rs.variables) || shares(s.places, rs.places));
      if (!linked) return;
      // The deepest root wins; among equals an error, then the first emitted.
      const score = (explicit ? -1 : depthOf(r.id)) * 10 + (r.severity === 'error' ? 0 : 1);
      if (score < bestScore) {
        bestScore = score;
        best = j;
      }
    });
    return best;
  });
  // Follow to the top, refusing cycles (two explicit links pointing at each other).
  return direct.map((_, i) => {
    const seen = new Set([i]);
    let at = direct[i];
    let top: number | undefined;
    while (at !== undefined && !seen.has(at)) {
      seen.add(at);
      top = at;
      at = direct[at];
    }
    return top;
  });
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** A root and the findings that follow from it, as a report prints them. */
export interface CauseGroup {
  root: number;
  consequences: number[];
  /** The worst severity in the group: a warning that leaves a key unset is as urgent as the error it causes. */
  severity: Finding['severity'];
  /** Whether the group makes Clarifai reject the request (an error outside exposure, in the root or a consequence). */
  blocking: boolean;
}

/**
 * The findings in causal order: blocking groups first (specific roots before generic ones such as "no credential
 * is set", then the group that explains more), then exposures, then the rest; within a group the emitted order.
 */
export function causalGroups(findings: readonly Finding[], links: readonly (number | undefined)[] = causeLinks(findings)): CauseGroup[] {
  const groups = new Map<number, number[]>();
  findings.forEach((_, i) => {
    if (links[i] === undefined) groups.set(i, groups.get(i) ?? []);
  });
  findings.forEach((_, i) => {
    const root = links[i];
    if (root !== undefined) groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  const out: CauseGroup[] = [...groups].map(([root, consequences]) => {
    const members = [root, ...consequences].map((i) => findings[i]!);
    const severity = members.reduce<Finding['severity']>((w, f) => (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[w] ? f.severity : w), 'info');
    return { root, consequences, severity, blocking: members.some((f) => f.severity === 'error' && f.category !== 'exposure') };
  });
  const rank = (g: CauseGroup) => {
    const f = findings[g.root]!;
    const section = g.blocking ? 0 : f.category === 'exposure' ? 1 : 2;
    return [section, SEVERITY_ORDER[g.severity], SEVERITY_ORDER[f.severity], depthOf(f.id), -g.consequences.length, g.root];
  };
  return out.sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let k = 0; k < ra.length; k++) if (ra[k] !== rb[k]) return ra[k]! - rb[k]!;
    return 0;
  });
}

/** The index of the finding to fix first: the root of the first blocking group; -1 if nothing blocks. */
export function rootCauseIndex(findings: readonly Finding[]): number {
  const first = causalGroups(findings)[0];
  return first?.blocking ? first.root : -1;
}

/** A credential as the Result records it: where it came from and, for live runs, what Clarifai said. */
interface Verdicted {
  name: string;
  source: string;
  line?: number;
  verdict: string;
  origin?: string;
}

/**
 * The live verdict outranks a guess about the same value: a key check (format, case, quotes…) that calls a value
 * wrong which Clarifai has just accepted, as it was configured, becomes a note, so it neither counts as blocking
 * nor comes first. Live findings (`key/live-*`) are the verdict itself and stay as they are.
 */
export function settleByVerdict(findings: readonly Finding[], credentials: readonly Verdicted[]): Finding[] {
  const accepted = credentials.filter((c) => c.verdict === 'valid' && c.origin === undefined);
  if (accepted.length === 0) return [...findings];
  return findings.map((f) => {
    if (f.category !== 'key' || f.id.startsWith('key/live-') || f.severity === 'info' || !f.location || !isEnvLocation(f.location)) return f;
    const l = f.location;
    const settled = accepted.some((c) => c.name === l.env && c.source === l.source && (c.line ?? -1) === (l.line ?? -1));
    if (!settled) return f;
    return { ...f, severity: 'info', message: `${f.message} Clarifai accepted this value when asked, so it is not why a call fails.` };
  });
}
