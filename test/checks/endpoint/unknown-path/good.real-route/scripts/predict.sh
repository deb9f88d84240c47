#!/bin/sh
curl -X POST "https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs" \
  -H "Authorization: Key $CLARIFAI_PAT" \
  -d '{"inputs": [{"data": {"image": {"url": "https://samples.clarifai.com/dog2.jpeg"}}}]}'
