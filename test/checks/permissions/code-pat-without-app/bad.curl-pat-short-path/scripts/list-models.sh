#!/usr/bin/env bash
curl -s -X GET https://api.clarifai.com/v2/models -H "Authorization: Key $CLARIFAI_PAT"
