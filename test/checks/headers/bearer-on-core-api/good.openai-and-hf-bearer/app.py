"""Image search demo: Clarifai for tags, Hugging Face for captions, OpenAI for embeddings."""
import os

import requests

CLARIFAI_PAT = os.environ["CLARIFAI_PAT"]
HF_TOKEN = os.getenv("HF_TOKEN")
OPENAI_KEY = os.environ.get("OPENAI_API_KEY")

PREDICT_URL = "https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs"
CAPTION_URL = "https://api-inference.huggingface.co/models/Salesforce/blip-image-captioning-base"


def clarifai_tags(image_url):
    resp = requests.post(
        PREDICT_URL,
        headers={"Authorization": f"Key {CLARIFAI_PAT}"},
        json={"inputs": [{"data": {"image": {"url": image_url}}}]},
        timeout=30,
    )
    resp.raise_for_status()
    return [c["name"] for c in resp.json()["outputs"][0]["data"]["concepts"]]


def hf_caption(image_bytes):
    headers = {"Authorization": f"Bearer {HF_TOKEN}"}
    resp = requests.post(CAPTION_URL, headers=headers, data=image_bytes, timeout=60)
    return resp.json()[0]["generated_text"]


def embed(text):
    resp = requests.post(
        "https://api.openai.com/v1/embeddings",
        headers={"Authorization": "Bearer " + OPENAI_KEY, "Content-Type": "application/json"},
        json={"model": "text-embedding-3-small", "input": text},
        timeout=30,
    )
    return resp.json()["data"][0]["embedding"]
