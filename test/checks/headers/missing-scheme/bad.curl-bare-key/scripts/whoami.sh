#!/usr/bin/env bash
set -euo pipefail
curl -s https://api.clarifai.com/v2/users/me -H "Authorization: $CLARIFAI_PAT"
