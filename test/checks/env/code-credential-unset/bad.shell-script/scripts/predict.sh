#!/usr/bin/env bash
set -euo pipefail
curl -s -X POST "https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs" \
  -H "Authorization: Key ${VISION_API_TOKEN}" \
  -H "Content-Type: application/json" \
  -d '{"inputs": [{"data": {"image": {"url": "https://samples.clarifai.com/metro-north.jpg"}}}]}'
curl -H 'Authorization: Key $LITERAL' https://api.clarifai.com/v2/models
