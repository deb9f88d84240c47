import os
import requests

PAT = os.environ["CLARIFAI_PAT"]
URL = "https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs"

resp = requests.post(
    URL,
    headers={"Authorization": f"Key {PAT}"},
    json={"inputs": [{"data": {"image": {"url": "https://samples.clarifai.com/dog2.jpeg"}}}]},
)
print(resp.json()["status"])
