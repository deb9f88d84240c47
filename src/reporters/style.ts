// Terminal styling: ANSI colours and symbols, with ASCII and no-colour fallbacks.

export interface Style {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  cyan(s: string): string;
  ok: string;
  warn: string;
  fail: string;
  info: string;
  arrow: string;
}

const wrap = (open: number, close: number, on: boolean) => (s: string) => (on ? `\u001b[${open}m${s}\u001b[${close}m` : s);

export function makeStyle(color: boolean, unicode: boolean): Style {
  return {
    red: wrap(31, 39, color),
    yellow: wrap(33, 39, color),
    green: wrap(32, 39, color),
    cyan: wrap(36, 39, color),
    dim: wrap(2, 22, color),
    bold: wrap(1, 22, color),
    ok: unicode ? '✓' : 'OK',
    warn: unicode ? '!' : '!',
    fail: unicode ? '✗' : 'X',
    info: unicode ? 'i' : 'i',
    arrow: unicode ? '→' : '->',
  };
}
