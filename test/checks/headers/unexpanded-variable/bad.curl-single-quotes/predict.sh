#!/bin/sh
# Tags one image with Clarifai's general model.
curl -s -X POST \
  -H 'Authorization: Key $CLARIFAI_PAT' \
  -H 'Content-Type: application/json' \
  -d '{"inputs": [{"data": {"image": {"url": "https://samples.clarifai.com/metro-north.jpg"}}}]}' \
  https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs
