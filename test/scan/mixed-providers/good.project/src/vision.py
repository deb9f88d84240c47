"""Photo pipeline: Clarifai tags, a Hugging Face caption, an OpenAI summary."""
import os

import requests
from clarifai.client.model import Model
from openai import OpenAI

GENERAL = "https://clarifai.com/clarifai/main/models/general-image-recognition"
CAPTION_URL = "https://router.huggingface.co/hf-inference/models/Salesforce/blip-image-captioning-large"

openai_client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])


def tags(image_url: str) -> list[str]:
    model = Model(url=GENERAL, pat=os.environ["CLARIFAI_PAT"])
    prediction = model.predict_by_url(image_url, input_type="image")
    return [c.name for c in prediction.outputs[0].data.concepts if c.value > 0.8]


def caption(image_bytes: bytes) -> str:
    headers = {"Authorization": f"Bearer {os.environ['HF_TOKEN']}"}
    resp = requests.post(CAPTION_URL, headers=headers, data=image_bytes, timeout=60)
    resp.raise_for_status()
    return resp.json()[0]["generated_text"]


def summary(words: list[str]) -> str:
    completion = openai_client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "Describe a photo of: " + ", ".join(words)}],
    )
    return completion.choices[0].message.content
