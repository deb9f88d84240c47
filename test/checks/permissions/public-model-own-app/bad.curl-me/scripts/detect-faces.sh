#!/usr/bin/env bash
# Detects faces in one image with Clarifai. Usage: detect-faces.sh URL
set -euo pipefail
curl -sS -X POST "https://api.clarifai.com/v2/users/me/apps/faces/models/face-detection/outputs" \
  -H "Authorization: Key $CLARIFAI_PAT" \
  -H "Content-Type: application/json" \
  -d "{\"inputs\": [{\"data\": {\"image\": {\"url\": \"$1\"}}}]}"
