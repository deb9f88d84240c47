import os

from dotenv import load_dotenv
from clarifai.client.model import Model

load_dotenv()

model = Model(
    url="https://clarifai.com/clarifai/main/models/general-image-recognition",
    pat=os.environ.get("CLARIFAI_PAT"),
)

if __name__ == "__main__":
    result = model.predict_by_url("https://samples.clarifai.com/metro-north.jpg", input_type="image")
    print([c.name for c in result.outputs[0].data.concepts])
