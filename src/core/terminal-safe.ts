// Makes untrusted text safe to show on a terminal: control characters are shown as `\uXXXX`, never executed.
//
// A server's `description`, a gRPC status message, a pasted error, a scanned file name or a base URL from `.env`
// may carry ESC sequences (OSC 52 writes the clipboard, CSI moves the cursor), BEL, CR (overwrites a line) or bidi
// overrides (reorders what is read). Each is written as its JSON escape, which keeps JSON output valid and equal in
// meaning. The only escapes that pass are keydoctor's own colours (`ESC[31m` …), and only where colour is on.

/** C0 controls but tab and newline, DEL, C1 controls, and the bidi embedding/override/isolate characters. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;
/** The SGR codes src/reporters/style.ts emits: bold, dim, their reset, red, green, yellow, cyan, default colour. */
const OWN_COLOUR = /\u001b\[(?:1|2|22|31|32|33|36|39)m/gu;

function escapeChar(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Escapes every unsafe character; with `keepColours`, keydoctor's own colour sequences stay as they are. */
export function terminalSafe(text: string, keepColours = false): string {
  if (!keepColours) return text.replace(UNSAFE, escapeChar);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(OWN_COLOUR)) {
    out += text.slice(last, m.index).replace(UNSAFE, escapeChar) + m[0];
    last = m.index + m[0].length;
  }
  return out + text.slice(last).replace(UNSAFE, escapeChar);
}
