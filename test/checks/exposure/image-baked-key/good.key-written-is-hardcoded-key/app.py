import os

from clarifai.client.model import Model

MODEL_URL = "https://clarifai.com/clarifai/main/models/general-image-recognition"


def tag(url: str):
    model = Model(url=MODEL_URL, pat=os.environ["CLARIFAI_PAT"])
    return model.predict_by_url(url, input_type="image")


if __name__ == "__main__":
    import sys
    print(tag(sys.argv[1]).outputs[0].data.concepts[:5])
