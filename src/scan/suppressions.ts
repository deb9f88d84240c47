// Applies `keydoctor-ignore` comments to findings: the pipeline step that drops suppressed findings, so no check has to.
import type { CodeEvidence } from '../types/code-evidence.js';
import type { Finding } from '../types/diagnostic.js';
import { isFileLocation } from '../types/location.js';

/**
 * Drops findings located on a suppressed line: the comment's own line (trailing comment) or the line after it
 * (comment above). A comment without ids suppresses every finding there; ids may name a check
 * (`exposure/hardcoded-key`) or a whole category (`exposure`).
 */
export function applySuppressions(findings: readonly Finding[], suppressions: CodeEvidence['suppressions']): Finding[] {
  if (suppressions.length === 0) return [...findings];
  const byPlace = new Map<string, string[][]>();
  for (const s of suppressions) {
    for (const line of [s.line, s.line + 1]) {
      const k = `${s.file}\u0000${line}`;
      byPlace.set(k, [...(byPlace.get(k) ?? []), s.ids]);
    }
  }
  return findings.filter((f) => {
    if (!f.location || !isFileLocation(f.location) || f.location.line === undefined) return true;
    const rules = byPlace.get(`${f.location.file}\u0000${f.location.line}`);
    if (!rules) return true;
    return !rules.some((ids) => ids.length === 0 || ids.includes(f.id) || ids.includes(f.category));
  });
}
