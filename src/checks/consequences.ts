// Which problems are usually consequences of another, so the report can name the root to fix first.

/**
 * Problems that are usually the consequence of another one (a misnamed or unloaded variable leaves the key unset,
 * which gets it rejected): when a finding of another problem is present, that one is the root to fix first.
 */
const CONSEQUENCES = new Set([
  'env/no-credential',
  'key/live-rejected',
  'key/unknown-key',
  'key/invalid-key',
  'env/key-not-set',
  'headers/undefined-value',
  'env/code-credential-unset',
  'env/live-never-set',
]);

/** The index of the finding to fix first: the first blocking error that is not a consequence of another; -1 if none. */
export function rootCauseIndex(findings: readonly { id: string; category: string; severity: string }[]): number {
  const blocking = findings.map((f, i) => ({ f, i })).filter(({ f }) => f.severity === 'error' && f.category !== 'exposure');
  return (blocking.find(({ f }) => !CONSEQUENCES.has(f.id)) ?? blocking[0])?.i ?? -1;
}

