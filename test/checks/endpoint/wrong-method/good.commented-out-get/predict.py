import os

import requests

URL = "https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs"
HEADERS = {"Authorization": f"Key {os.environ['CLARIFAI_PAT']}"}

# resp = requests.get(URL, headers=HEADERS)  # wrong: outputs is a POST
resp = requests.post(URL, headers=HEADERS, json={"inputs": [{"data": {"image": {"url": "https://samples.clarifai.com/metro-north.jpg"}}}]})
print(resp.status_code)
