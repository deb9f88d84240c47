#!/usr/bin/env bash
# The body is single-quoted on purpose ($ signs in it are text); the header is double-quoted.
AUTH="Authorization: Key ${CLARIFAI_PAT}"
curl -s -H "$AUTH" -H 'Content-Type: application/json' \
  -d '{"note": "costs $0 on the free plan"}' \
  'https://api.clarifai.com/v2/users/me/apps?page=1&per_page=$PER_PAGE'
