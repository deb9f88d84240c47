#!/usr/bin/env bash
set -euo pipefail

usage() {
  cat <<'USAGE'
predict.sh IMAGE_URL

Common mistake: this fails with 11102 because the core API wants Key, not Bearer:
  curl -H "Authorization: Bearer $CLARIFAI_PAT" https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs
USAGE
}

[ $# -eq 1 ] || { usage; exit 2; }

# curl -H "Authorization: Bearer $CLARIFAI_PAT" https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs
curl -sS -X POST \
  -H "Authorization: Key $CLARIFAI_PAT" \
  -H "Content-Type: application/json" \
  -d "{\"inputs\": [{\"data\": {\"image\": {\"url\": \"$1\"}}}]}" \
  https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs
