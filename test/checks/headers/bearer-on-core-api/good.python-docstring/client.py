"""Thin wrapper around Clarifai's REST API.

Example of what NOT to do (the core API answers 11102 to a Bearer token):

    requests.post(
        "https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs",
        headers={"Authorization": f"Bearer {os.environ['CLARIFAI_PAT']}"},
    )
"""
import os

import requests

URL = "https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs"


def predict(image_url):
    """Send one image; the header is headers={"Authorization": "Bearer " + pat} in the old code."""
    # headers = {"Authorization": "Bearer " + os.environ["CLARIFAI_PAT"]}
    headers = {"Authorization": "Key " + os.environ["CLARIFAI_PAT"]}
    body = {"inputs": [{"data": {"image": {"url": image_url}}}]}
    return requests.post(URL, headers=headers, json=body, timeout=30).json()
