import requests

CLARIFAI_URL = "https://api.clarifai.com/v2/models/face-detection/outputs"


def detect_faces(image_url, key):
    headers = {"Authorization": f"Key {key}", "Content-Type": "application/json"}
    payload = {"inputs": [{"data": {"image": {"url": image_url}}}]}
    r = requests.post(CLARIFAI_URL, json=payload, headers=headers, timeout=30)
    r.raise_for_status()
    return r.json()["outputs"][0]["data"].get("regions", [])
