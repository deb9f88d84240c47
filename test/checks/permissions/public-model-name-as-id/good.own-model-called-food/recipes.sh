#!/bin/sh
# Our own "food" model, trained in our recipes app.
curl -s -X POST "https://api.clarifai.com/v2/users/me/apps/recipes/models/food/outputs" \
  -H "Authorization: Key ${CLARIFAI_PAT}" \
  -d '{"inputs":[{"data":{"image":{"url":"https://example.com/dish.jpg"}}}]}'
