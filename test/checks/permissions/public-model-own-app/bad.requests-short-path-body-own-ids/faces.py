import os
import requests

USER_ID = "jane-doe"
APP_ID = "photo-tagger"
PAT = os.environ["CLARIFAI_PAT"]


def faces(url):
    body = {
        "user_app_id": {"user_id": USER_ID, "app_id": APP_ID},
        "inputs": [{"data": {"image": {"url": url}}}],
    }
    resp = requests.post(
        "https://api.clarifai.com/v2/models/face-detection/outputs",
        json=body,
        headers={"Authorization": f"Key {PAT}"},
    )
    return resp.json()
