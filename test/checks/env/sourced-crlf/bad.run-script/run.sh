#!/usr/bin/env bash
# Starts the tagger with the settings in .env.
set -euo pipefail
cd "$(dirname "$0")"
set -a
. ./.env
set +a
exec python3 tag.py "$@"
