#!/usr/bin/env bash
# Smoke test of every API the app calls.
set -euo pipefail

curl -sSLo clarifai.json -X POST \
  "https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs" \
  -H "Authorization: Key ${CLARIFAI_PAT}" \
  -H "Content-Type: application/json" \
  -d '{"inputs":[{"data":{"image":{"url":"https://samples.clarifai.com/metro-north.jpg"}}}]}'

curl -sS https://api.openai.com/v1/models -H "Authorization: Bearer ${OPENAI_API_KEY}" -o openai.json
curl -sS https://api.anthropic.com/v1/models -H "x-api-key: ${ANTHROPIC_API_KEY}" -H "anthropic-version: 2023-06-01" -o anthropic.json
jq '.outputs[0].data.concepts | length' clarifai.json
