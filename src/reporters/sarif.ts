// The SARIF 2.1.0 reporter (GitHub code scanning and other viewers): one rule per check, one result per finding, masked snippets only.
import { pathToFileURL } from 'node:url';
import { fingerprint } from '../core/baseline.js';
import { maskKeyShaped } from '../core/secret.js';
import type { Problem } from '../checks/registry.js';
import { docsUrl } from '../version.js';
import type { Finding, Severity } from '../types/diagnostic.js';
import { isEnvLocation, isFileLocation, isGrpcLocation, isHttpLocation, type Location } from '../types/location.js';
import type { Reporter } from './report.js';
// C1 controls and bidi overrides are not escaped by JSON.stringify; as \uXXXX escapes they mean the same and show safely.
import { terminalSafe } from '../core/terminal-safe.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  /** Every registered problem: the rules table lists them all, found or not. */
  problems: readonly Pick<Problem, 'id' | 'title' | 'description' | 'severity' | 'category'>[];
  /** The scanned folder; file locations are relative to it (`%SRCROOT%`). */
  root?: string;
  version: string;
}

/** `exposure/hardcoded-key` → `HardcodedKey`: SARIF rule names are identifiers. */
function ruleName(id: string): string {
  return (id.split('/').pop() ?? id)
    .split(/[^A-Za-z0-9]+/u)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function rule(meta: SarifOptions['problems'][number]) {
  const docs = docsUrl(meta.id);
  return {
    id: meta.id,
    helpUri: docs,
    name: ruleName(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    help: { text: `${meta.description}\nDocumentation: ${docs}`, markdown: `${meta.description}\n\n[Documentation](${docs})` },
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { category: meta.category, tags: ['keydoctor', meta.category] },
  };
}

function uri(file: string): { uri: string; uriBaseId?: string } {
  if (file.startsWith('/')) return { uri: pathToFileURL(file).href };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}

function location(l: Location) {
  if (isFileLocation(l)) {
    const region =
      l.line !== undefined && l.line >= 1
        ? {
            region: {
              startLine: l.line,
              ...(l.column !== undefined && l.column >= 1 ? { startColumn: l.column } : {}),
              ...(l.snippet ? { snippet: { text: l.snippet } } : {}),
            },
          }
        : {};
    return { physicalLocation: { artifactLocation: uri(l.file), ...region } };
  }
  if (isEnvLocation(l)) {
    const where = l.line !== undefined ? `${l.source}:${l.line}` : l.source;
    return { logicalLocations: [{ name: l.env, fullyQualifiedName: `${where}/${l.env}`, kind: 'variable' }] };
  }
  if (isHttpLocation(l)) {
    return { logicalLocations: [{ name: `${l.method} ${l.url}`, kind: 'request' }] };
  }
  if (isGrpcLocation(l)) return { logicalLocations: [{ name: l.rpc, fullyQualifiedName: `${l.target}/${l.rpc}`, kind: 'function' }] };
  return {};
}

/**
 * SARIF `fixes` for a finding whose autofix edits bytes: byte regions to delete and text to insert. A fix that
 * would insert anything key-shaped is left out (none does today; the guard keeps it so), and so are the parts
 * SARIF cannot say (a line added to a .gitignore it never read, git untracking a file).
 */
function sarifFixes(f: Finding): object[] | undefined {
  const fix = f.autofix;
  if (!fix || fix.edits.length === 0 || fix.edits.some((e) => maskKeyShaped(e.replacement) !== e.replacement)) return undefined;
  const files = [...new Set(fix.edits.map((e) => e.file))];
  return [
    {
      description: { text: fix.description },
      artifactChanges: files.map((file) => ({
        artifactLocation: uri(file),
        replacements: fix.edits
          .filter((e) => e.file === file)
          .map((e) => ({
            deletedRegion: { byteOffset: e.start, byteLength: e.end - e.start },
            ...(e.replacement !== '' ? { insertedContent: { text: e.replacement } } : {}),
          })),
      })),
    },
  ];
}

export function toSarif(findings: readonly Finding[], options: SarifOptions): object {
  const rules = options.problems.map(rule);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  // A finding whose id is not registered is a bug the registry test catches; it still needs a rule to point at.
  for (const f of findings) {
    if (!index.has(f.id)) {
      index.set(f.id, rules.length);
      rules.push(rule({ id: f.id, title: f.id, description: f.message, severity: f.severity, category: f.category }));
    }
  }
  const results = findings.map((f) => ({
    ruleId: f.id,
    ruleIndex: index.get(f.id)!,
    level: LEVEL[f.severity],
    message: { text: `${f.message}\nFix: ${f.fix}` },
    ...(f.location ? { locations: [location(f.location)] } : {}),
    ...(f.related?.length ? { relatedLocations: f.related.map((r, i) => ({ id: i, ...location(r) })) } : {}),
    ...(sarifFixes(f) ? { fixes: sarifFixes(f) } : {}),
    partialFingerprints: { 'keydoctor/v1': fingerprint(f).hash },
    properties: { category: f.category, fix: f.fix },
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'keydoctor', version: options.version, semanticVersion: options.version, rules } },
        ...(options.root ? { originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(options.root.endsWith('/') ? options.root : `${options.root}/`).href } } } : {}),
        invocations: [{ executionSuccessful: true }],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** A Reporter bound to the problem registry and scan root. */
export function sarifReporter(options: Omit<SarifOptions, 'version'>): Reporter {
  return (report) => terminalSafe(`${JSON.stringify(toSarif(report.findings, { ...options, version: report.version }), null, 2)}\n`);
}
