import os
import requests

HEADERS = {"Authorization": "Key " + os.environ["CLARIFAI_PAT"]}


def model_info(model_id, version_id):
    url = f"https://api.clarifai.com/v2/users/clarifai/apps/main/models/{model_id}/versions/{version_id}"
    return requests.get(url, headers=HEADERS).json()["model"]
