import os

from dotenv import load_dotenv

from clarifai.client.model import Model

load_dotenv()

MODEL_URL = "https://clarifai.com/clarifai/main/models/general-image-recognition"


def main(image_url: str) -> None:
    model = Model(url=MODEL_URL, pat=os.getenv("CLARIFAI_PAT"))
    prediction = model.predict_by_url(image_url, input_type="image")
    for concept in prediction.outputs[0].data.concepts:
        print(concept.name, round(concept.value, 3))


if __name__ == "__main__":
    main("https://samples.clarifai.com/metro-north.jpg")
