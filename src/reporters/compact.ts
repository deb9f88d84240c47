// The compact reporter: one line per finding (`file:line:col: severity id: message`), for pre-commit hooks and editors.
import { formatLocation } from '../types/location.js';
import type { Reporter } from './report.js';

/** Control characters (and line breaks) in a message or path would break the one-line shape or drive the terminal. */
const oneLine = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/gu, ' ');

export const compactReporter: Reporter = (report) => {
  const lines = report.findings.map((f) => {
    const where = f.location ? `${formatLocation(f.location)}: ` : '';
    return oneLine(`${where}${f.severity} ${f.id}: ${f.message} Fix: ${f.fix}`);
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
