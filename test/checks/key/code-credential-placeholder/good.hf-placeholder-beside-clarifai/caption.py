import os

import requests
from clarifai.client.model import Model

# Fill in your Hugging Face token to enable captions.
HF_TOKEN = "hf_YOUR_TOKEN_HERE"


def tags(url):
    model = Model("https://clarifai.com/clarifai/main/models/general-image-recognition", pat=os.environ["CLARIFAI_PAT"])
    return model.predict_by_url(url, input_type="image").outputs[0].data.concepts


def caption(image_bytes):
    r = requests.post(
        "https://api-inference.huggingface.co/models/Salesforce/blip-image-captioning-large",
        headers={"Authorization": f"Bearer {HF_TOKEN}"},
        data=image_bytes,
    )
    return r.json()
