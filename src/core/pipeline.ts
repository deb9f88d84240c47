// After the checks: redact secrets from every text field, drop duplicates, and sort for reporting.
import { CATEGORIES, SEVERITY_RANK, type Finding } from '../types/diagnostic.js';
import { formatLocation, type Location } from '../types/location.js';
import type { Redactor } from './secret.js';

function redactLocation(l: Location, redactor: Redactor): Location {
  const copy: Record<string, unknown> = { ...l };
  for (const [k, v] of Object.entries(copy)) if (typeof v === 'string') copy[k] = redactor.redact(v);
  return copy as unknown as Location;
}

export function redactFinding(f: Finding, redactor: Redactor): Finding {
  return {
    ...f,
    message: redactor.redact(f.message),
    fix: redactor.redact(f.fix),
    ...(f.location ? { location: redactLocation(f.location, redactor) } : {}),
    ...(f.related ? { related: f.related.map((l) => redactLocation(l, redactor)) } : {}),
  };
}

/** Same problem, same place, same fix: one finding, whatever its wording (the first one emitted is kept). */
function key(f: Finding): string {
  return `${f.id}\u0000${f.location ? formatLocation(f.location) : ''}\u0000${f.fix}`;
}

export function processFindings(findings: readonly Finding[], redactor: Redactor, order: 'category' | 'emitted' = 'category'): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings.map((x) => redactFinding(x, redactor))) {
    const k = key(f);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(f);
    }
  }
  if (order === 'emitted') return out;
  const rank = (f: Finding) => CATEGORIES.indexOf(f.category);
  // Stable sort: within a category, errors first, then the order checks emitted them (most likely cause first).
  return out.sort((a, b) => rank(a) - rank(b) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}
