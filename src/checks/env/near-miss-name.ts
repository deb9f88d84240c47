// Reports a defined variable whose name is a near miss of an expected one (CLARIFAI_APIKEY, clarifai_pat, CLARIFAY_PAT).
import { envRenameFix, withFix } from '../../fix/edits.js';
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { Finding } from '../../types/diagnostic.js';
import type { Location } from '../../types/location.js';
import { credentialNames, expectedNames, severityFor } from './lib/env.js';

const meta: CheckMeta = {
  id: 'env/near-miss-name',
  category: 'env',
  severity: 'error',
  title: 'Variable name is a near miss',
  description:
    'A variable the app expects is not set, but one with almost the same name is: a typo, a case or `-`/`_` difference, a missing or extra letter or underscore, or a synonym (KEY for PAT). The app reads the exact name, so it gets nothing.',
};

const RANK = ['differs only in case', 'differs only in sep', 'differs only in under', 'is one typo', 'is 2 typos', 'uses', 'has an extra', 'is missing'];

/** Synonyms people use for the last word of a credential variable. */
const SYNONYMS = new Set(['KEY', 'TOKEN', 'PAT', 'SECRET', 'APIKEY']);

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. Three rolling
 * rows rather than a table: the check compares every defined name with every expected one, on every run.
 */
export function editDistance(a: string, b: string): number {
  const n = b.length;
  let before = new Int32Array(n + 1);
  let prev = Int32Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Int32Array(n + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, before[j - 2]! + 1);
      cur[j] = v;
    }
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[n]!;
}

const normal = (s: string) => s.toUpperCase().replace(/[-. ]/gu, '_');

/** A name's normalised forms, computed once per name rather than once per pair (a .env can hold 100k names). */
export interface NameShape {
  raw: string;
  normal: string;
  /** Without underscores. */
  squashed: string;
  segments: string[];
}

export function nameShape(raw: string): NameShape {
  const n = normal(raw);
  return { raw, normal: n, squashed: n.replaceAll('_', ''), segments: n.split('_').filter(Boolean) };
}

/** Why `defined` looks like a slip for `expected`, or undefined when the names are unrelated. */
export function nearMiss(defined: string | NameShape, expected: string | NameShape): string | undefined {
  const da = typeof defined === 'string' ? nameShape(defined) : defined;
  const db = typeof expected === 'string' ? nameShape(expected) : expected;
  if (da.raw === db.raw) return undefined;
  const a = da.normal;
  const b = db.normal;
  if (a === b) {
    return da.raw.toUpperCase() === db.raw.toUpperCase()
      ? 'differs only in case (names are case-sensitive on Linux and macOS)'
      : 'differs only in separators (- or . instead of _)';
  }
  if (da.squashed === db.squashed) return 'differs only in underscores';
  // One typo is a lot in a short name: 1 edit up to 13 characters, 2 from 14 (CLARIFAI_API_KEY has 16).
  const allowed = b.length < 6 ? 0 : b.length < 14 ? 1 : 2;
  // The distance is at least the difference in length: skip the table for the 100k unrelated names of a big .env.
  const distance = Math.abs(a.length - b.length) > allowed ? Infinity : editDistance(a, b);
  if (distance > 0 && distance <= allowed) return distance === 1 ? 'is one typo away' : `is ${distance} typos away`;
  const sa = da.segments;
  const sb = db.segments;
  if (sb.length >= 2 && sa.length === sb.length) {
    const diff = sa.map((s, i) => [s, sb[i]!] as const).filter(([x, y]) => x !== y);
    if (diff.length === 1 && SYNONYMS.has(diff[0]![0]) && SYNONYMS.has(diff[0]![1])) return `uses ${diff[0]![0]} where the name has ${diff[0]![1]}`;
  }
  // A word added or dropped after the first (CLARIFAI_PAT_KEY, CLARIFAI_KEY); a new prefix (VITE_CLARIFAI_PAT) is deliberate.
  const contains = (big: string[], small: string[]) => big[0] === small[0] && small.join('_') === big.filter((s) => small.includes(s)).join('_');
  if (sb.length >= 2 && sa.length === sb.length + 1 && contains(sa, sb)) return 'has an extra word';
  if (sb.length >= 3 && sa.length === sb.length - 1 && contains(sb, sa)) return 'is missing a word';
  return undefined;
}

export const check = defineCheck({
  meta,
  requires: ['env'],
  run(ctx) {
    const { env } = ctx.evidence;
    const expected = expectedNames(ctx);
    // Where each name is defined: the shell, loaded files and files nothing loads (still worth naming).
    const definedAt = new Map<string, { location: Location; loaded: boolean }[]>();
    const add = (name: string, location: Location, loaded: boolean) => definedAt.set(name, [...(definedAt.get(name) ?? []), { location, loaded }]);
    for (const name of Object.keys(env.shell)) add(name, { env: name, source: 'shell' }, true);
    for (const file of env.files) {
      const seen = new Set<string>();
      for (const e of [...file.entries].reverse()) {
        if (seen.has(e.name)) continue;
        seen.add(e.name);
        add(e.name, { env: e.name, source: file.display, line: e.line }, file.loaded);
      }
      for (const name of Object.keys(file.parsed)) if (!seen.has(name)) add(name, { env: name, source: file.display }, file.loaded);
    }
    const isSet = (name: string) => env.variables.get(name)?.winner !== undefined;
    const unset = expected.filter((e) => !isSet(e)).map(nameShape);
    const out: Finding[] = [];
    for (const [name, places] of definedAt) {
      // A name that is itself expected (CLARIFAI_APP_ID) is never a slip for another expected name.
      if (expected.includes(name)) continue;
      // A BOM glued to an expected name (python-dotenv) is env/bom-first-name's, which can say why.
      if (name.startsWith('\uFEFF') && expected.includes(name.slice(1))) continue;
      // Closest first: a case or separator slip beats a typo, which beats a synonym or a missing word.
      const shape = nameShape(name);
      const misses = unset
        .flatMap((e) => {
          const why = nearMiss(shape, e);
          return why ? [{ expected: e.raw, why, rank: RANK.findIndex((r) => why.startsWith(r)) }] : [];
        })
        .sort((x, y) => x.rank - y.rank);
      if (misses.length === 0) continue;
      const loaded = places.some((p) => p.loaded);
      const primary = places.find((p) => p.loaded) ?? places[0]!;
      const wanted = misses.map((m) => m.expected);
      const reads = (ctx.evidence.code?.envReads ?? []).filter((r) => wanted.includes(r.name));
      const where = places.map((p) => formatPlace(p.location, p.loaded)).join(', ');
      const first = misses[0]!;
      // With a Clarifai credential already set, a slip in another credential's name may well be unused.
      const credentialSet = credentialNames(ctx).some(isSet);
      const severities = misses.map((m) => (credentialSet && credentialNames(ctx).includes(m.expected) ? 'warning' : severityFor(ctx, m.expected)));
      out.push(
        finding(meta, {
          severity: !loaded ? 'warning' : severities.includes('error') ? 'error' : 'warning',
          message:
            misses.length === 1
              ? `${first.expected} is not set, but ${name} is (${where}); the name ${first.why}, and the app reads ${first.expected} exactly.`
              : `None of ${wanted.join(', ')} is set, but ${name} is (${where}); the name is a near miss of each.`,
          fix:
            primary.location && 'source' in primary.location && primary.location.source !== 'shell'
              ? `Rename ${name} to ${first.expected} in ${primary.location.source}${'line' in primary.location && primary.location.line ? ` line ${primary.location.line}` : ''}${misses.length > 1 ? ` (or to ${wanted.slice(1).join(' / ')}, whichever your code reads)` : ''}.`
              : `Set the exact name instead: export ${first.expected}="$${name}" (and fix it where ${name} is set: your shell profile, CI or container settings).`,
          location: primary.location,
          related: [
            ...places.filter((p) => p !== primary).map((p) => p.location),
            ...reads.map((r) => ({ file: r.file, line: r.line, column: r.column, snippet: r.snippet })),
          ],
          // One candidate, in one loaded file: safe unattended only when the code reads the name it becomes.
          ...withFix(misses.length === 1 && places.length === 1 && primary.loaded && 'env' in primary.location ? envRenameFix(env.files, primary.location, first.expected, reads.length > 0) : undefined),
        }),
      );
    }
    return out;
  },
});

function formatPlace(l: Location, loaded: boolean): string {
  if (!('source' in l)) return '';
  const where = l.source === 'shell' ? 'in the shell environment' : `in ${l.line !== undefined ? `${l.source}:${l.line}` : l.source}`;
  return loaded ? where : `${where}, a file that is not loaded`;
}
