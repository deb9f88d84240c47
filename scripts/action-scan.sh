#!/usr/bin/env bash
# The script part of action.yml: runs `keydoctor scan --format sarif` on the checkout and reports what happened.
#
# Inputs arrive as environment variables (never spliced into the script text, so an input cannot inject a command):
#   KD_FOLDER   folder to scan, relative to the workspace (default .)
#   KD_HISTORY  true to also read git history (needs `fetch-depth: 0` on actions/checkout)
#   KD_FAIL_ON  error | warning | info | never: the severity that fails the job (default error)
#   KD_SARIF    where to write the SARIF log (default keydoctor.sarif)
#   KD_VERSION  the keydoctor version npx runs (default latest)
#   KEYDOCTOR_BIN  a keydoctor bin/keydoctor.js to run instead of npx (the project's own test uses this)
# Outputs (to $GITHUB_OUTPUT when set): sarif=<path>, exit-code=<keydoctor's exit code>.
# Exit status: 0 when the SARIF log was written (findings or not; the action fails the job after uploading it),
# 2 when keydoctor could not run or the inputs are wrong.
set -uo pipefail

folder="${KD_FOLDER:-.}"
history="${KD_HISTORY:-false}"
fail_on="${KD_FAIL_ON:-error}"
sarif="${KD_SARIF:-keydoctor.sarif}"
version="${KD_VERSION:-latest}"

fail() { echo "::error title=keydoctor::$1" >&2; exit 2; }

case "$fail_on" in error|warning|info|never) ;; *) fail "fail-on must be error, warning, info or never, not '$fail_on'" ;; esac
case "$history" in true|false) ;; *) fail "history must be true or false, not '$history'" ;; esac
[[ "$version" =~ ^[A-Za-z0-9._-]+$ ]] || fail "version must be a version or dist-tag, not '$version'"
[ -d "$folder" ] || fail "folder '$folder' does not exist"

args=(scan "$folder" --format sarif --output "$sarif" --fail-on "$fail_on")
if [ "$history" = true ]; then
  args+=(--history)
  # A shallow clone has one commit: say that history was barely read rather than pass it silently.
  if [ "$(git -C "$folder" rev-parse --is-shallow-repository 2>/dev/null)" = true ]; then
    echo "::warning title=keydoctor::history: the checkout is shallow, so only its last commits were read. Set fetch-depth: 0 on actions/checkout."
  fi
fi

if [ -n "${KEYDOCTOR_BIN:-}" ]; then
  node "$KEYDOCTOR_BIN" "${args[@]}"
else
  npx --yes "keydoctor@$version" "${args[@]}"
fi
code=$?
[ "$code" -le 1 ] && [ -s "$sarif" ] || fail "keydoctor exited with $code and wrote no SARIF log"

# keydoctor writes paths relative to the scanned folder; code scanning reads them relative to the repository root.
prefix="$(git -C "$folder" rev-parse --show-prefix 2>/dev/null || true)"
if [ -n "$prefix" ]; then
  KD_PREFIX="$prefix" node -e '
    const fs = require("node:fs");
    const [file] = process.argv.slice(1);
    const log = JSON.parse(fs.readFileSync(file, "utf8"));
    const prefix = process.env.KD_PREFIX.split("/").map(encodeURIComponent).join("/");
    for (const run of log.runs) {
      for (const result of run.results ?? []) {
        for (const loc of result.locations ?? []) {
          const a = loc.physicalLocation?.artifactLocation;
          if (a && a.uriBaseId === "SRCROOT" && !/^[a-z][a-z0-9+.-]*:/iu.test(a.uri)) a.uri = prefix + a.uri;
        }
      }
      if (run.originalUriBaseIds?.SRCROOT) run.originalUriBaseIds.SRCROOT.uri = new URL("../".repeat(process.env.KD_PREFIX.split("/").filter(Boolean).length), run.originalUriBaseIds.SRCROOT.uri).href;
    }
    fs.writeFileSync(file, JSON.stringify(log, null, 2) + "\n");
  ' "$sarif" || fail "could not rewrite the SARIF paths relative to the repository root"
fi

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  { echo "sarif=$sarif"; echo "exit-code=$code"; } >> "$GITHUB_OUTPUT"
fi
echo "keydoctor: wrote $sarif (exit code $code)"
exit 0
