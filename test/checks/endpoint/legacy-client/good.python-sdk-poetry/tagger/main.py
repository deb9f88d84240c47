import os

from clarifai.client.model import Model

model = Model(url="https://clarifai.com/clarifai/main/models/general-image-recognition", pat=os.environ["CLARIFAI_PAT"])


def tag(url: str):
    return model.predict_by_url(url, input_type="image")
