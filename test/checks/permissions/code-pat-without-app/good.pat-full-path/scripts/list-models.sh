#!/usr/bin/env bash
curl -s -X GET "https://api.clarifai.com/v2/users/$CLARIFAI_USER_ID/apps/$CLARIFAI_APP_ID/models" -H "Authorization: Key $CLARIFAI_PAT"
