#!/usr/bin/env bash
# Saves Clarifai's answer for a sample image, then prints the top concepts.
set -euo pipefail

curl -sSLo clarifai.json -X POST \
  "https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs" \
  -H "Authorization: Key ${CLARIFAI_PAT}" \
  -H "Content-Type: application/json" \
  -d '{"inputs":[{"data":{"image":{"url":"https://samples.clarifai.com/metro-north.jpg"}}}]}'

wget -qO clarifai-models.json --header="Authorization: Key ${CLARIFAI_PAT}" \
  "https://api.clarifai.com/v2/users/clarifai/apps/main/models"

jq -r '.outputs[0].data.concepts[:5][] | "\(.name) \(.value)"' clarifai.json
