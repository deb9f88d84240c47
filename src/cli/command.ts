// The shape of a CLI command, and option parsing with clear usage errors.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from '../core/errors.js';
import type { CommandContext } from './io.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface Command {
  name: string;
  summary: string;
  /** Full help text: usage, options, examples. */
  help: string;
  options: OptionSpec;
  run(values: Record<string, unknown>, positionals: string[], ctx: CommandContext): Promise<number>;
}

export function parseCommandArgs(command: Command, argv: string[]): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...command.options, help: { type: 'boolean', short: 'h' }, color: { type: 'boolean' }, 'no-color': { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Record<string, unknown>, positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/u.exec(message);
    if (unknown) throw usageError(`unknown option ${unknown[1]} for "keydoctor ${command.name}". Run "keydoctor ${command.name} --help".`);
    const missing = /Option '([^']+)' argument missing/u.exec(message) ?? /Option '(.+?)(?: <value>)?' argument missing/u.exec(message);
    if (missing) throw usageError(`option ${missing[1]} needs a value. Run "keydoctor ${command.name} --help".`);
    throw usageError(`${message.split('\n')[0]} Run "keydoctor ${command.name} --help".`);
  }
}

export function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
}

export function numberOption(name: string, v: unknown, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw usageError(`--${name} takes a number from ${min} to ${max}, not "${String(v)}".`);
  return n;
}
