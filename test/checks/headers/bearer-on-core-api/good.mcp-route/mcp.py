import os
import httpx

url = "https://api.clarifai.com/v2/ext/mcp/v1/users/me/apps/tools/models/search"
headers = {"Authorization": "Bearer " + os.environ["CLARIFAI_PAT"]}
r = httpx.post(url, headers=headers, json={})
