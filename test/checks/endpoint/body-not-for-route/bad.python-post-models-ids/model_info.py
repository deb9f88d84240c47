import os
import requests

HEADERS = {"Authorization": "Key " + os.environ["CLARIFAI_PAT"], "Content-Type": "application/json"}


def model_info(model_id, version_id):
    data = {"model_id": model_id, "version_id": version_id}
    r = requests.post("https://api.clarifai.com/v2/models", json=data, headers=HEADERS)
    return r.json()["model"]
